package io.github.openrouterspark.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.openrouterspark.api.DayCache;
import io.github.openrouterspark.emulator.LoggedRequest;
import io.github.openrouterspark.emulator.OpenRouterEmulator;
import io.github.openrouterspark.emulator.RankingRow;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.spark.sql.DataFrameReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The day cache of rankings-daily, end to end: completed days already read are reused per day, a
 * later overlapping query fetches only the missing days (in the fewest windows), and the actions of
 * one DataFrame cost the requests of one scan.
 *
 * <p>Each test has its own emulator and its own API key, so neither the day cache nor the response
 * cache (both per JVM, keyed by base URL and key) carries anything over from another test.
 */
class RankingsDailyDayCacheTest {
  private OpenRouterEmulator emulator;
  private String key;

  @BeforeEach
  void start() {
    key = "or-day-cache-" + UUID.randomUUID();
    emulator =
        OpenRouterEmulator.builder()
            .apiKey(key, "day-cache-account")
            .rateLimitPerMinute(100_000)
            .dailyLimitPerAccount(100_000)
            .start();
  }

  @AfterEach
  void stop() {
    emulator.close();
  }

  private DataFrameReader reader(boolean cache) {
    return TestSpark.reader(emulator).option("apiKey", key).option("cache", String.valueOf(cache));
  }

  private Dataset<Row> rankings(String start, String end) {
    return rankings(true, start, end);
  }

  private Dataset<Row> rankings(boolean cache, String start, String end) {
    return reader(cache).option("startDate", start).option("endDate", end).load("rankings-daily");
  }

  private static List<String> rows(List<Row> rows) {
    return rows.stream()
        .map(
            r ->
                r.getAs("date")
                    + "|"
                    + r.getAs("model_permaslug")
                    + "|"
                    + ((BigDecimal) r.getAs("total_tokens")).toBigIntegerExact())
        .toList();
  }

  private static List<String> rows(Dataset<Row> df) {
    return rows(df.collectAsList());
  }

  private List<String> truth(String from, String to) {
    return strings(emulator.market().rankingsDaily(LocalDate.parse(from), LocalDate.parse(to)));
  }

  private List<String> truth(String from, String to, String modality) {
    return strings(
        emulator
            .market()
            .rankings(
                LocalDate.parse(from), LocalDate.parse(to), null, Map.of("modality", modality)));
  }

  private static List<String> strings(List<RankingRow> rows) {
    return rows.stream()
        .map(r -> r.date() + "|" + r.modelPermaslug() + "|" + r.totalTokens())
        .toList();
  }

  private List<Map<String, String>> requests() {
    return emulator.requestLog().all().stream().map(LoggedRequest::query).toList();
  }

  private static Map<String, String> window(String start, String end) {
    return window(start, end, Map.of());
  }

  private static Map<String, String> window(
      String start, String end, Map<String, String> parameters) {
    Map<String, String> q = new LinkedHashMap<>();
    q.put("start_date", start);
    q.put("end_date", end);
    q.putAll(parameters);
    return q;
  }

  private static String explain(Dataset<Row> df) {
    return TestSpark.explain(df, "EXTENDED");
  }

  // (a)
  @Test
  void showCountAndCollectOnOneDataFrameCostTheRequestsOfOneScan() {
    Dataset<Row> df = rankings("2025-03-01", "2025-03-31");
    df.show();
    long count = df.count();
    List<Row> collected = df.collectAsList();
    assertEquals(
        List.of(window("2025-03-01", "2025-03-31")),
        requests(),
        "show() (which stops reading after 21 rows), count() and collect() share one request");
    assertEquals(truth("2025-03-01", "2025-03-31"), rows(collected));
    assertEquals(collected.size(), count);
    assertTrue(rows(collected).stream().anyMatch(r -> r.contains("|other|")), "other is kept");
    assertEquals(
        1,
        df.select("_as_of").distinct().count(),
        "every row carries the as_of of the one response");
    assertEquals(1, requests().size());
  }

  // (d)
  @Test
  void withTheCacheOffEveryActionSendsItsRequests() {
    Dataset<Row> df = rankings(false, "2025-03-01", "2025-03-31");
    df.show();
    df.count();
    assertEquals(truth("2025-03-01", "2025-03-31"), rows(df));
    assertEquals(3, requests().size(), requests().toString());

    emulator.requestLog().clear();
    assertEquals(
        truth("2025-03-15", "2025-04-20"), rows(rankings(false, "2025-03-15", "2025-04-20")));
    assertEquals(List.of(window("2025-03-15", "2025-04-20")), requests(), "nothing is reused");
    assertFalse(explain(rankings(false, "2025-03-15", "2025-04-20")).contains("CachedDays"));

    emulator.requestLog().clear();
    assertEquals(
        truth("2025-03-15", "2025-04-20"), rows(rankings(true, "2025-03-15", "2025-04-20")));
    assertEquals(
        List.of(window("2025-03-15", "2025-04-20")),
        requests(),
        "a query with the cache off stores nothing");
  }

  // (b)
  @Test
  void anOverlappingQueryFetchesOnlyTheMissingDays() {
    List<Row> march =
        rankings("2025-03-01", "2025-03-31").selectExpr("*", "_as_of").collectAsList();
    assertEquals(List.of(window("2025-03-01", "2025-03-31")), requests());
    Instant marchAsOf = march.get(0).getAs("_as_of");

    emulator.requestLog().clear();
    Dataset<Row> df = rankings("2025-03-15", "2025-04-20");
    String plan = explain(df);
    assertTrue(plan.contains("Windows: [2025-04-01..2025-04-20]"), plan);
    assertTrue(plan.contains("PlannedRequests: 1, CachedDays: 17"), plan);
    List<Row> collected = df.selectExpr("*", "_as_of").collectAsList();
    assertEquals(List.of(window("2025-04-01", "2025-04-20")), requests());
    assertEquals(truth("2025-03-15", "2025-04-20"), rows(collected), "same rows, in date order");
    for (Row r : collected) {
      if (r.<LocalDate>getAs("date").isBefore(LocalDate.parse("2025-04-01"))) {
        assertEquals(
            marchAsOf,
            r.getAs("_as_of"),
            "a cached day keeps the as_of of the response it came from");
      }
    }
  }

  // (c)
  @Test
  void gapsOnBothSidesOfCachedDaysShareOneWindowThatReadsThemAgain() {
    rankings("2025-03-01", "2025-03-31").count();
    emulator.requestLog().clear();
    Dataset<Row> df = rankings("2025-02-20", "2025-04-10");
    String plan = explain(df);
    // One window spans March: two requests would cost more than re-reading cached days in one.
    assertTrue(plan.contains("Windows: [2025-02-20..2025-04-10]"), plan);
    assertTrue(plan.contains("PlannedRequests: 1,"), plan);
    assertFalse(
        plan.contains("CachedDays"),
        "the days the window spans are read from its response: " + plan);
    assertEquals(truth("2025-02-20", "2025-04-10"), rows(df));
    assertEquals(List.of(window("2025-02-20", "2025-04-10")), requests());
  }

  @Test
  void cachedDaysBetweenWindowsAreServedInDateOrder() {
    rankings("2025-03-01", "2025-03-31").count();
    emulator.requestLog().clear();
    Dataset<Row> df =
        reader(true)
            .option("startDate", "2025-01-01")
            .option("endDate", "2025-06-30")
            .option("windowDays", "30")
            .load("rankings-daily");
    String plan = explain(df);
    assertTrue(plan.contains("PlannedRequests: 6, CachedDays: 31"), plan);
    assertEquals(truth("2025-01-01", "2025-06-30"), rows(df));
    // Without the cache: 181 days in 7 windows of 30 days. With March held: 6.
    assertEquals(
        Set.of(
            window("2025-01-01", "2025-01-30"),
            window("2025-01-31", "2025-02-28"),
            window("2025-04-01", "2025-04-30"),
            window("2025-05-01", "2025-05-30"),
            window("2025-05-31", "2025-06-29"),
            window("2025-06-30", "2025-06-30")),
        Set.copyOf(requests()));
    assertEquals(6, requests().size());
  }

  @Test
  void theRequestBudgetCountsOnlyTheRequestsToSend() {
    rankings("2025-03-01", "2025-03-31").count();
    emulator.requestLog().clear();
    DataFrameReader narrow =
        reader(true)
            .option("startDate", "2025-03-01")
            .option("endDate", "2025-04-07")
            .option("windowDays", "7")
            .option("maxRequestsPerQuery", "1");
    assertEquals(truth("2025-03-01", "2025-04-07"), rows(narrow.load("rankings-daily")));
    assertEquals(List.of(window("2025-04-01", "2025-04-07")), requests());

    // The same query with the cache off would send 6 requests.
    Exception e =
        assertThrows(
            Exception.class,
            () ->
                reader(false)
                    .option("startDate", "2025-03-01")
                    .option("endDate", "2025-04-07")
                    .option("windowDays", "7")
                    .option("maxRequestsPerQuery", "1")
                    .load("rankings-daily")
                    .collectAsList());
    assertTrue(
        String.valueOf(e.getMessage()).contains("would send up to 6 requests"), e.getMessage());
  }

  @Test
  void aJvmWithoutTheCachedDaysFetchesThemRatherThanReturnFewerRows() {
    rankings("2025-03-01", "2025-03-31").count();
    emulator.requestLog().clear();
    Dataset<Row> df = rankings("2025-03-10", "2025-04-10");
    String plan = df.queryExecution().executedPlan().toString(); // planned now, with March held
    assertTrue(plan.contains("PlannedRequests: 1, CachedDays: 22"), plan);
    DayCache.clear(); // as on an executor that never read March (or after eviction)
    assertEquals(truth("2025-03-10", "2025-04-10"), rows(df));
    assertEquals(
        Set.of(window("2025-03-10", "2025-03-31"), window("2025-04-01", "2025-04-10")),
        Set.copyOf(requests()));
    assertEquals(2, requests().size());
  }

  // (e)
  @Test
  void todayIsNeverTakenFromTheDayCache() {
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    String yesterday = today.minusDays(1).toString();
    rankings(yesterday, today.toString()).count();
    assertEquals(List.of(window(yesterday, today.toString())), requests());

    emulator.requestLog().clear();
    Dataset<Row> df = rankings(yesterday, today.toString());
    String plan = explain(df);
    assertTrue(plan.contains("PlannedRequests: 1, CachedDays: 1"), plan);
    List<String> rows = rows(df);
    assertEquals(
        List.of(window(today.toString(), today.toString())),
        requests(),
        "yesterday comes from the day cache, today's live totals from the API");
    assertEquals(
        truth(yesterday, yesterday), rows.stream().filter(r -> r.startsWith(yesterday)).toList());
    assertTrue(
        rows.stream().anyMatch(r -> r.startsWith(today.toString())), "today's rows are read");
  }

  // (f)
  @Test
  void aParameterSetsDaysNeverServeAnotherParameterSet() {
    Dataset<Row> text =
        reader(true)
            .option("startDate", "2025-03-01")
            .option("endDate", "2025-03-31")
            .load("rankings-daily")
            .where("modality = 'text'");
    assertEquals(truth("2025-03-01", "2025-03-31", "text"), rows(text));
    assertEquals(
        List.of(window("2025-03-01", "2025-03-31", Map.of("modality", "text"))), requests());

    emulator.requestLog().clear();
    assertEquals(truth("2025-03-01", "2025-03-31"), rows(rankings("2025-03-01", "2025-03-31")));
    assertEquals(
        List.of(window("2025-03-01", "2025-03-31")),
        requests(),
        "the unsliced days are not text's");

    emulator.requestLog().clear();
    Dataset<Row> both =
        reader(true)
            .option("startDate", "2025-03-01")
            .option("endDate", "2025-03-31")
            .load("rankings-daily")
            .where("modality IN ('text', 'image')");
    String plan = explain(both);
    assertTrue(plan.contains("PlannedRequests: 1, CachedDays: 31"), plan);
    List<Row> collected = both.collectAsList();
    assertEquals(
        List.of(window("2025-03-01", "2025-03-31", Map.of("modality", "image"))), requests());
    Map<String, List<Row>> byModality =
        collected.stream().collect(Collectors.groupingBy(r -> r.getAs("modality")));
    assertEquals(truth("2025-03-01", "2025-03-31", "text"), rows(byModality.get("text")));
    assertEquals(truth("2025-03-01", "2025-03-31", "image"), rows(byModality.get("image")));

    emulator.requestLog().clear();
    Dataset<Row> weeks =
        reader(true)
            .option("startDate", "2025-03-03")
            .option("endDate", "2025-03-30")
            .option("period", "week")
            .load("rankings-daily");
    assertEquals(
        strings(
            emulator
                .market()
                .rankings(
                    LocalDate.parse("2025-03-03"),
                    LocalDate.parse("2025-03-30"),
                    "week",
                    Map.of())),
        rows(weeks));
    assertEquals(
        List.of(window("2025-03-03", "2025-03-30", Map.of("period", "week"))),
        requests(),
        "weeks are not assembled from days");
  }
}
