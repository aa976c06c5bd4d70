package io.github.openrouterspark.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RankingsParametersTest {
  private static final LocalDate TODAY = LocalDate.of(2026, 5, 12);

  @Test
  void defaultsToTheLast31DaysEndingYesterdayAtDailyGrainOverTheWholeMarket() throws Exception {
    RankingsQuery query = RankingsParameters.parse(Map.of(), TODAY);

    assertEquals(
        new RankingsQuery(
            new DateWindow(LocalDate.of(2026, 4, 11), LocalDate.of(2026, 5, 11)),
            Period.DAY,
            Slice.ALL),
        query);
  }

  @Test
  void exactFiltersCombineWithEachOtherAndWithAnyPeriod() throws Exception {
    RankingsQuery query =
        RankingsParameters.parse(
            ordered("context_bucket", "100K", "modality", "tool_calling", "period", "day"), TODAY);

    assertEquals(Period.DAY, query.period());
    assertEquals(
        new Slice(ordered("modality", "tool_calling", "context_bucket", "100K"), false),
        query.slice());
  }

  @Test
  void sampledFiltersDefaultToWeeklyGrain() throws Exception {
    RankingsQuery query = RankingsParameters.parse(Map.of("category", "marketing/seo"), TODAY);

    assertEquals(Period.WEEK, query.period());
    assertTrue(query.slice().sampled());
    assertEquals(
        Period.MONTH,
        RankingsParameters.parse(Map.of("language_type", "natural", "period", "month"), TODAY)
            .period());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "period=hour | period: must be one of day, week, month, got 'hour'",
        "modality=video | modality: must be one of text, image, image_output, audio, tool_calling, got 'video'",
        "context_bucket=100k | context_bucket: must be one of 1K, 10K, 100K, 1M, 10M, got '100k'",
        "category=coding | category: must be one of programming, roleplay, marketing, marketing/seo, technology, science, translation, legal, finance, health, trivia, academia, got 'coding'",
        "language_type=english | language_type: must be one of natural, programming, got 'english'",
        "category=legal&language_type=natural | category: cannot be combined with language_type",
        "category=legal&modality=text | category: cannot be combined with modality",
        "language_type=natural&context_bucket=1M&modality=audio | language_type: cannot be combined with modality or context_bucket",
        "category=legal&period=day | period: 'day' is not available with category (weekly sampled dataset); use week or month",
        "language_type=programming&period=day | period: 'day' is not available with language_type (weekly sampled dataset); use week or month",
        "period= | period: must be one of day, week, month, got ''",
      })
  void rejectsUnknownValuesAndIncompatibleFilters(String query, String message) {
    RequestRejected rejected =
        assertThrows(
            RequestRejected.class,
            () -> RankingsParameters.parse(QueryString.decode(query), TODAY));

    assertEquals(ApiError.badRequest(message), rejected.error());
  }

  @Test
  void ignoresUnknownParameters() throws Exception {
    assertEquals(
        RankingsParameters.parse(Map.of(), TODAY),
        RankingsParameters.parse(Map.of("limit", "500", "foo", "bar"), TODAY));
  }

  private static Map<String, String> ordered(String... pairs) {
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      map.put(pairs[i], pairs[i + 1]);
    }
    return map;
  }
}
