package io.github.openrouterspark.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AppRankingsParametersTest {
  private static final LocalDate TODAY = LocalDate.of(2026, 5, 12);
  private static final DateWindow DEFAULT_WINDOW =
      new DateWindow(LocalDate.of(2026, 4, 11), LocalDate.of(2026, 5, 11));

  @Test
  void defaultsArePopularOverAllAppsFirstFiftyOfTheLast31Days() throws Exception {
    assertEquals(
        new AppRankingsQuery(DEFAULT_WINDOW, AppSort.POPULAR, null, null, 50, 0),
        AppRankingsParameters.parse(Map.of(), TODAY));
  }

  @Test
  void readsEveryParameter() throws Exception {
    Map<String, String> query = new LinkedHashMap<>();
    query.put("offset", "100");
    query.put("limit", "100");
    query.put("sort", "trending");
    query.put("subcategory", "cli-agent");
    query.put("category", "coding");
    query.put("start_date", "2024-06-01");
    query.put("end_date", "2025-03-01");

    assertEquals(
        new AppRankingsQuery(
            new DateWindow(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 3, 1)),
            AppSort.TRENDING,
            "coding",
            "cli-agent",
            100,
            100),
        AppRankingsParameters.parse(query, TODAY));
  }

  @ParameterizedTest
  @CsvSource({"limit, 1", "limit, 100", "offset, 0", "offset, 100", "limit, 7", "offset, 51"})
  void boundsAreInclusive(String name, int value) throws Exception {
    AppRankingsQuery query =
        AppRankingsParameters.parse(Map.of(name, Integer.toString(value)), TODAY);

    assertEquals(value, name.equals("limit") ? query.limit() : query.offset());
  }

  @Test
  void subcategoryDecidesTheFilterAndMayComeWithItsOwnCategory() throws Exception {
    AppRankingsQuery both =
        AppRankingsParameters.parse(
            Map.of("category", "productivity", "subcategory", "legal"), TODAY);
    AppRankingsQuery alone = AppRankingsParameters.parse(Map.of("subcategory", "legal"), TODAY);
    AppSpec legalOnly = app("legal");
    AppSpec chatOnly = app("general-chat");

    assertEquals(true, both.matches(legalOnly));
    assertEquals(false, both.matches(chatOnly)); // in the category, but not the subcategory
    assertEquals(true, alone.matches(legalOnly));
    assertEquals(false, alone.matches(chatOnly));
    AppRankingsQuery category =
        AppRankingsParameters.parse(Map.of("category", "productivity"), TODAY);
    assertEquals(true, category.matches(chatOnly));
    assertEquals(false, category.matches(app("roleplay")));
    assertEquals(true, category.matches(app("roleplay", "personal-agent")));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "category=cooking | category: must be one of coding, creative, productivity, entertainment, got 'cooking'",
        "category=Coding | category: must be one of coding, creative, productivity, entertainment, got 'Coding'",
        "category= | category: must be one of coding, creative, productivity, entertainment, got ''",
        "subcategory=chat | subcategory: must be one of cli-agent, ide-extension, cloud-agent, programming-app, "
            + "native-app-builder, creative-writing, video-gen, image-gen, audio-gen, roleplay, game, "
            + "writing-assistant, general-chat, personal-agent, legal, got 'chat'",
        "sort=hot | sort: must be one of popular, trending, got 'hot'",
        "sort=Popular | sort: must be one of popular, trending, got 'Popular'",
        "limit=0 | limit: must be an integer from 1 to 100, got '0'",
        "limit=101 | limit: must be an integer from 1 to 100, got '101'",
        "limit=-1 | limit: must be an integer from 1 to 100, got '-1'",
        "limit= | limit: must be an integer from 1 to 100, got ''",
        "limit=5.0 | limit: must be an integer from 1 to 100, got '5.0'",
        "limit=07 | limit: must be an integer from 1 to 100, got '07'",
        "limit=%2B7 | limit: must be an integer from 1 to 100, got '+7'",
        "limit=1e1 | limit: must be an integer from 1 to 100, got '1e1'",
        "limit=ten | limit: must be an integer from 1 to 100, got 'ten'",
        "limit=99999999999999999999 | limit: must be an integer from 1 to 100, got '99999999999999999999'",
        "offset=-1 | offset: must be an integer from 0 to 100, got '-1'",
        "offset=101 | offset: must be an integer from 0 to 100, got '101'",
        "offset= | offset: must be an integer from 0 to 100, got ''",
        "offset=null | offset: must be an integer from 0 to 100, got 'null'",
        "category=coding&subcategory=legal | subcategory: 'legal' is not in category 'coding' (coding: cli-agent, "
            + "ide-extension, cloud-agent, programming-app, native-app-builder; 'legal' is in 'productivity')",
        "category=entertainment&subcategory=creative-writing | subcategory: 'creative-writing' is not in category "
            + "'entertainment' (entertainment: roleplay, game; 'creative-writing' is in 'creative')",
        "end_date=2024-12-31 | end_date: must be on or after 2025-01-01, got 2024-12-31",
        "start_date=2025-03-01&end_date=2026-03-02 | end_date: span between start_date and end_date must not exceed 366 days",
        "start_date=2026-03-02&end_date=2026-03-01 | start_date: must not be after end_date (2026-03-02 > 2026-03-01)",
        "end_date=2026-02-30 | end_date: '2026-02-30' is not a valid calendar date",
      })
  void invalidParametersAreRejectedWithAMessageNamingTheParameter(String query, String message) {
    RequestRejected rejected =
        assertThrows(
            RequestRejected.class,
            () -> AppRankingsParameters.parse(QueryString.decode(query), TODAY));

    assertEquals(400, rejected.error().code());
    assertEquals(message, rejected.error().message());
  }

  private static AppSpec app(String... subcategories) {
    AppProfile profile =
        new AppProfile(1, 1, LocalDate.of(2025, 1, 1), null, 1, LocalDate.of(2025, 1, 1), 0, 0, 0);
    return new AppSpec(
        7, "x", java.util.List.of(subcategories), AppSpec.Visibility.VISIBLE, 7, profile, 1000);
  }
}
