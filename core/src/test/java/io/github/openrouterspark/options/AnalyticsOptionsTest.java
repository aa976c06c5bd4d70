package io.github.openrouterspark.options;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.openrouterspark.api.TrafficSettings;
import io.github.openrouterspark.plan.AnalyticsGranularity;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The analytics options of {@link ReadOptions#parse} and {@link AnalyticsSelection}. */
class AnalyticsOptionsTest {
  private static ReadOptions parse(String dataset, String... kv) {
    Map<String, String> m = new HashMap<>();
    m.put("dataset", dataset);
    for (int i = 0; i < kv.length; i += 2) {
      m.put(kv[i], kv[i + 1]);
    }
    return ReadOptions.parse(m, k -> null, Map.of());
  }

  private static AnalyticsSelection analytics(String... kv) {
    return parse("analytics", kv).analytics();
  }

  private static InvalidOptionException invalid(String dataset, String... kv) {
    return assertThrows(InvalidOptionException.class, () -> parse(dataset, kv));
  }

  private static void assertMentions(Exception e, String... parts) {
    for (String part : parts) {
      assertTrue(
          e.getMessage().contains(part),
          "message should contain '" + part + "': " + e.getMessage());
    }
  }

  private static Instant t(String iso) {
    return Instant.parse(iso);
  }

  @Test
  void defaultsAreTotalsOverTheDefaultRangeWithEveryColumn() {
    ReadOptions options = parse("analytics");
    assertEquals(DatasetName.ANALYTICS, options.dataset());
    assertEquals(
        new AnalyticsSelection(null, Optional.empty(), Optional.empty(), List.of(), List.of()),
        options.analytics());
  }

  @Test
  void otherDatasetsGetNoAnalyticsSelection() {
    assertSame(AnalyticsSelection.NONE, parse("analytics-meta").analytics());
    assertSame(AnalyticsSelection.NONE, parse("rankings-daily").analytics());
    assertSame(AnalyticsSelection.NONE, parse("app-rankings").analytics());
  }

  @ParameterizedTest
  @CsvSource({"minute, MINUTE", "hour, HOUR", "day, DAY", "' Week ', WEEK", "MONTH, MONTH"})
  void granularity(String value, AnalyticsGranularity expected) {
    assertEquals(expected, analytics("granularity", value).granularity());
  }

  @Test
  void unknownGranularityNamesOptionValueAndChoices() {
    InvalidOptionException e = invalid("analytics", "granularity", "quarter");
    assertMentions(e, "'granularity'", "'quarter'", "minute, hour, day, week, month");
  }

  @ParameterizedTest
  @CsvSource({
    "2026-05-01T10:00:00Z,       2026-05-01T10:00:00Z",
    "2026-05-01T10:00:00+02:00,  2026-05-01T08:00:00Z",
    "2026-05-01T10:00:00-05:30,  2026-05-01T15:30:00Z",
    "2026-05-01T10:00:00.250Z,   2026-05-01T10:00:00.250Z",
    "2026-05-01T10:00:00,        2026-05-01T10:00:00Z",
    "2026-05-01T10:00,           2026-05-01T10:00:00Z",
    "2026-05-01,                 2026-05-01T00:00:00Z",
    "' 2026-05-01 ',             2026-05-01T00:00:00Z"
  })
  void startTimeForms(String value, String expected) {
    assertEquals(Optional.of(t(expected)), analytics("startTime", value).startTime());
  }

  @ParameterizedTest
  @CsvSource({
    "2026-05-07T10:00:00Z,       2026-05-07T10:00:00Z",
    "2026-05-07T10:00:00+02:00,  2026-05-07T08:00:00Z",
    "2026-05-07T10:00:00,        2026-05-07T10:00:00Z",
    "2026-05-07T00:00:00,        2026-05-07T00:00:00Z",
    // A date as the end includes that day: the range ends at the next day's 00:00.
    "2026-05-07,                 2026-05-08T00:00:00Z",
    "2026-12-31,                 2027-01-01T00:00:00Z",
    "2028-02-28,                 2028-02-29T00:00:00Z"
  })
  void endTimeForms(String value, String expected) {
    assertEquals(Optional.of(t(expected)), analytics("endTime", value).endTime());
  }

  @Test
  void optionKeysIgnoreCase() {
    AnalyticsSelection s =
        analytics("STARTTIME", "2026-05-01", "endtime", "2026-05-02", "Granularity", "hour");
    assertEquals(Optional.of(t("2026-05-01T00:00:00Z")), s.startTime());
    assertEquals(Optional.of(t("2026-05-03T00:00:00Z")), s.endTime());
    assertEquals(AnalyticsGranularity.HOUR, s.granularity());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "yesterday",
        "2026-05-01 10:00:00",
        "2026/05/01",
        "2026-13-01",
        "2026-02-30",
        "1714550400",
        ""
      })
  void badTimesNameTheOptionAndValue(String value) {
    InvalidOptionException start = invalid("analytics", "startTime", value);
    assertMentions(start, "'startTime'", "'" + value + "'");
    InvalidOptionException end = invalid("analytics", "endTime", value);
    assertMentions(end, "'endTime'", "'" + value + "'");
  }

  @Test
  void aBadTimeSaysWhatIsExpected() {
    assertMentions(
        invalid("analytics", "startTime", "yesterday"), "2026-05-01T00:00:00Z", "YYYY-MM-DD");
  }

  @Test
  void startMustBeBeforeEnd() {
    InvalidOptionException equal =
        invalid(
            "analytics", "startTime", "2026-05-01T00:00:00Z", "endTime", "2026-05-01T00:00:00Z");
    assertMentions(equal, "'startTime'", "'endTime'", "2026-05-01T00:00:00Z");
    InvalidOptionException after =
        invalid("analytics", "startTime", "2026-05-03", "endTime", "2026-05-01T12:00:00Z");
    assertMentions(
        after, "'startTime'", "'endTime'", "2026-05-03T00:00:00Z", "2026-05-01T12:00:00Z");
    // With offsets the instants are compared, not the text: 10:00+02:00 is 08:00Z, before 09:00Z.
    AnalyticsSelection s =
        analytics("startTime", "2026-05-01T10:00:00+02:00", "endTime", "2026-05-01T09:00:00Z");
    assertEquals(Optional.of(t("2026-05-01T08:00:00Z")), s.startTime());
  }

  @Test
  void aSingleDateForBothIsThatWholeDay() {
    AnalyticsSelection s = analytics("startTime", "2026-05-07", "endTime", "2026-05-07");
    assertEquals(Optional.of(t("2026-05-07T00:00:00Z")), s.startTime());
    assertEquals(Optional.of(t("2026-05-08T00:00:00Z")), s.endTime());
  }

  @Test
  void metricsAndDimensionsAreTrimmedAndDeduplicatedInOrder() {
    AnalyticsSelection s =
        analytics(
            "metrics", " total_usage, request_count ,total_usage,p90_latency",
            "dimensions", "provider,model");
    assertEquals(List.of("total_usage", "request_count", "p90_latency"), s.metrics());
    assertEquals(List.of("provider", "model"), s.dimensions());
  }

  @Test
  void moreThanTwoDimensionsFailNamingTheOptionTheValueAndTheLimit() {
    assertMentions(
        invalid("analytics", "dimensions", "model,provider,country"),
        "'dimensions'",
        "'model,provider,country'",
        "names 3 dimensions",
        "at most 2",
        "model,provider");
    assertEquals(
        List.of("model", "provider"),
        analytics("dimensions", "model,provider").grain().dimensions());
    assertEquals(List.of(), analytics().grain().dimensions());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Request_Count",
        "request-count",
        "request_count,,total_usage",
        "",
        "a b",
        "tokens;x"
      })
  void badNamesNameTheOptionAndValue(String value) {
    assertMentions(
        invalid("analytics", "metrics", value), "'metrics'", "'" + value + "'", "comma-separated");
    assertMentions(invalid("analytics", "dimensions", value), "'dimensions'", "'" + value + "'");
  }

  @ParameterizedTest
  @CsvSource({
    "startDate, 2026-05-01", "endDate, 2026-05-01", "windowDays, 7", "sort, popular",
        "period, week",
    "category, programming", "subcategory, agents", "maxRank, 10", "modality, text",
        "contextBucket, 1K",
    "languageType, natural"
  })
  void analyticsDatasetsRejectRankingsOptions(String option, String value) {
    for (String dataset : List.of("analytics", "analytics-meta")) {
      InvalidOptionException e = invalid(dataset, option, value);
      assertMentions(e, "Option '" + option + "'", "does not apply to dataset '" + dataset + "'");
    }
  }

  @ParameterizedTest
  @CsvSource({
    "granularity, day",
    "startTime, 2026-05-01",
    "endTime, 2026-05-02",
    "metrics, request_count",
    "dimensions, model"
  })
  void analyticsOptionsApplyOnlyToTheAnalyticsDataset(String option, String value) {
    for (String dataset : List.of("analytics-meta", "rankings-daily", "app-rankings")) {
      InvalidOptionException e = invalid(dataset, option, value);
      assertMentions(e, "Option '" + option + "'", "does not apply to dataset '" + dataset + "'");
    }
  }

  @Test
  void rateLimitDefaultsTo60ForAnalyticsAnd30Otherwise() {
    assertEquals(60, TrafficSettings.DEFAULT_ANALYTICS_RATE_LIMIT_PER_MINUTE);
    assertEquals(30, TrafficSettings.DEFAULT_RATE_LIMIT_PER_MINUTE);
    assertEquals(60, parse("analytics").traffic().rateLimitPerMinute());
    assertEquals(60, parse("analytics-meta").traffic().rateLimitPerMinute());
    assertEquals(30, parse("rankings-daily").traffic().rateLimitPerMinute());
    assertEquals(30, parse("app-rankings").traffic().rateLimitPerMinute());
    assertEquals(12, parse("analytics", "rateLimitPerMinute", "12").traffic().rateLimitPerMinute());
    assertEquals(
        45, parse("rankings-daily", "rateLimitPerMinute", "45").traffic().rateLimitPerMinute());
  }

  @Test
  void theMissingKeyMessagePointsAnalyticsAtManagementKeys() {
    InvalidOptionException e =
        assertThrows(InvalidOptionException.class, () -> parse("analytics").requireApiKey());
    assertMentions(e, "management key", "https://openrouter.ai/settings/management-keys");
    InvalidOptionException meta =
        assertThrows(InvalidOptionException.class, () -> parse("analytics-meta").requireApiKey());
    assertMentions(meta, "management key");
    InvalidOptionException rankings =
        assertThrows(InvalidOptionException.class, () -> parse("rankings-daily").requireApiKey());
    assertTrue(!rankings.getMessage().contains("management"), rankings.getMessage());
  }

  @Test
  void toStringShowsTheSelection() {
    String text = parse("analytics", "granularity", "day", "metrics", "request_count").toString();
    assertTrue(text.contains("analytics=AnalyticsSelection[granularity=DAY"), text);
    assertTrue(text.contains("metrics=[request_count]"), text);
  }

  @Test
  void instantParserDirectly() {
    assertEquals(
        t("2026-05-01T00:00:00Z"),
        OptionValues.instant(ReaderOption.START_TIME, "2026-05-01", false));
    assertEquals(
        t("2026-05-02T00:00:00Z"), OptionValues.instant(ReaderOption.END_TIME, "2026-05-01", true));
    // endOfDay only moves dates, never date-times.
    assertEquals(
        t("2026-05-01T00:00:00Z"),
        OptionValues.instant(ReaderOption.END_TIME, "2026-05-01T00:00:00Z", true));
    assertEquals(
        t("2026-05-01T00:00:00Z"),
        OptionValues.instant(ReaderOption.END_TIME, "2026-05-01T00:00", true));
    InvalidOptionException e =
        assertThrows(
            InvalidOptionException.class,
            () -> OptionValues.instant(ReaderOption.END_TIME, "soon", true));
    assertEquals(
        "Invalid value 'soon' for option 'endTime' of format 'openrouter': expected an ISO date-time such as"
            + " 2026-05-01T00:00:00Z (no offset means UTC) or a date YYYY-MM-DD.",
        e.getMessage());
  }

  @Test
  void aDatasetOptionWithABadValueIsReportedAsNotApplyingToAnalytics() {
    assertMentions(
        invalid("analytics", "startDate", "yesterday"), "startDate", "does not apply", "analytics");
    assertMentions(
        invalid("analytics-meta", "windowDays", "0"),
        "windowDays",
        "does not apply",
        "analytics-meta");
  }
}
