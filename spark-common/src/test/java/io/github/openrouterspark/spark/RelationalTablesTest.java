package io.github.openrouterspark.spark;

import static io.github.openrouterspark.spark.AnalyticsReadTest.WEEK_END;
import static io.github.openrouterspark.spark.AnalyticsReadTest.WEEK_START;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.openrouterspark.emulator.AnalyticsLog;
import io.github.openrouterspark.emulator.AnalyticsQuery;
import io.github.openrouterspark.emulator.LoggedRequest;
import io.github.openrouterspark.emulator.OpenRouterEmulator;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.DataFrameReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every dataset is a relation: the rows of a DataFrame never depend on which columns a query reads.
 * For each dataset and several projections: {@code count() == collect().length}, {@code
 * select(c).count() == count()} for every column, a self-join whose sides read different columns
 * and a cached DataFrame count the same rows, and the rows equal the emulator's truth. For
 * analytics the request log shows that pruning never changes the grain of a request.
 */
class RelationalTablesTest {
  private static final LocalDate START = LocalDate.parse("2025-03-01");
  private static final LocalDate END = LocalDate.parse("2025-03-31");
  private static final String METRICS = "request_count,tokens_total,total_usage,p50_latency";

  /**
   * Many small queries: no rate limit of the emulator's should slow them (they have their own
   * tests).
   */
  @RegisterExtension
  static final EmulatorExtension EMULATOR =
      new EmulatorExtension(
          () ->
              OpenRouterEmulator.builder()
                  .rateLimitPerMinute(100_000)
                  .analyticsRateLimitPerMinute(100_000)
                  .dailyLimitPerAccount(100_000)
                  .start());

  private static final OpenRouterEmulator emulator = EMULATOR.emulator();
  private static final AnalyticsLog truth = emulator.analytics(OpenRouterEmulator.DEFAULT_ACCOUNT);

  private static DataFrameReader week() {
    return AnalyticsReadTest.analytics(emulator)
        .option("metrics", METRICS)
        .option("startTime", WEEK_START.toString())
        .option("endTime", WEEK_END.toString());
  }

  @Test
  void countEqualsCollectForADailySeriesByModel() {
    // The defect: count() sent no dimension (7 rows, one per day), collect() grouped by model.
    Dataset<Row> df = week().option("granularity", "day").option("dimensions", "model").load();
    long collected = df.collectAsList().size();
    assertTrue(collected > 7 * 5, "a realistic week has many model-days: " + collected);
    assertEquals(collected, df.count());
    assertEquals(collected, df.select("date").count());
    assertEquals(collected, df.select("request_count").collectAsList().size());
  }

  @Test
  void rankingsDailyIsARelation() {
    Dataset<Row> df =
        TestSpark.reader(emulator)
            .option("startDate", START.toString())
            .option("endDate", END.toString())
            .load("rankings-daily");
    List<String> expected =
        emulator.market().rankingsDaily(START, END).stream()
            .map(r -> r.date() + "|" + r.modelPermaslug() + "|" + r.totalTokens())
            .sorted()
            .toList();
    assertEquals(expected, lines(df.select("date", "model_permaslug", "total_tokens")));
    assertRelational(df, "date", "model_permaslug");
    assertRelational(
        df.where("model_permaslug <> 'other'").select("model_permaslug", "total_tokens", "date"),
        "date",
        "model_permaslug");
  }

  @Test
  void appRankingsIsARelation() {
    Dataset<Row> df =
        TestSpark.reader(emulator)
            .option("startDate", "2026-03-01")
            .option("endDate", "2026-03-28")
            .option("maxRank", "120")
            .load("app-rankings");
    List<String> expected =
        emulator
            .market()
            .appRankings(
                LocalDate.parse("2026-03-01"), LocalDate.parse("2026-03-28"), "popular", null, null)
            .stream()
            .filter(r -> r.rank() <= 120)
            .map(
                r ->
                    r.rank()
                        + "|"
                        + r.appId()
                        + "|"
                        + r.appName()
                        + "|"
                        + r.totalRequests()
                        + "|"
                        + r.totalTokens())
            .sorted()
            .toList();
    assertEquals(
        expected, lines(df.select("rank", "app_id", "app_name", "total_requests", "total_tokens")));
    assertRelational(df, "start_date", "end_date", "sort", "category", "subcategory", "rank");
    assertRelational(df.select("app_name", "rank", "sort"), "sort", "rank");
  }

  @Test
  void analyticsMetaIsARelation() {
    Dataset<Row> df =
        TestSpark.reader(emulator)
            .option("apiKey", OpenRouterEmulator.DEFAULT_MANAGEMENT_KEY)
            .load("analytics-meta");
    List<String> names =
        df.select("name").collectAsList().stream().map(r -> r.getString(0)).toList();
    assertTrue(
        names.containsAll(AnalyticsLog.metricNames())
            && names.containsAll(AnalyticsLog.dimensionNames()),
        names.toString());
    assertRelational(df, "kind", "name");
  }

  @Test
  void analyticsDailyByModelIsARelationAndPruningKeepsTheRequest() {
    assertAnalyticsRelation("day", "model");
  }

  @Test
  void analyticsTotalsByTwoDimensionsIsARelation() {
    assertAnalyticsRelation(null, "provider", "model");
  }

  @Test
  void analyticsHourlyWithoutDimensionsIsARelation() {
    assertAnalyticsRelation("hour");
  }

  @Test
  void analyticsWeeklyByUserIsARelation() {
    assertAnalyticsRelation("week", "user");
  }

  /**
   * The grain (granularity, dimensions) set by options: rows equal the emulator's answer for it,
   * the relation laws hold, and every projection sends requests of that grain and time range.
   */
  private static void assertAnalyticsRelation(String granularity, String... dimensions) {
    DataFrameReader reader = week();
    if (granularity != null) {
      reader = reader.option("granularity", granularity);
    }
    if (dimensions.length > 0) {
      reader = reader.option("dimensions", String.join(",", dimensions));
    }
    Dataset<Row> df = reader.load();
    List<String> columns = new ArrayList<>();
    if (granularity != null) {
      columns.add("date");
    }
    for (String d : AnalyticsLog.dimensionNames()) { // in the order of /analytics/meta
      if (List.of(dimensions).contains(d)) {
        columns.add(d);
        if (d.equals("user")) {
          columns.add("user_email");
        }
      }
    }
    List<String> metrics = List.of(METRICS.split(","));
    columns.addAll(metrics);
    assertEquals(
        columns, List.of(df.columns()), "the schema shows exactly the grain and the metrics");

    AnalyticsQuery query =
        AnalyticsQuery.of(metrics.toArray(new String[0]))
            .withDimensions(dimensions)
            .withGranularity(granularity)
            .withTimeRange(WEEK_START, WEEK_END)
            .withLimit(10_000)
            .withGroupLimit(granularity != null && dimensions.length > 0 ? 10_000 : null);
    List<String> keys =
        columns.stream().map(c -> c.equals("date") ? "date__" + granularity : c).toList();
    List<String> expected =
        truth.query(query).rows().stream()
            .map(r -> keys.stream().map(k -> cell(r.get(k))).collect(Collectors.joining(" | ")))
            .sorted()
            .toList();
    emulator.requestLog().clear();
    assertEquals(
        expected,
        df.collectAsList().stream()
            .map(
                r ->
                    java.util.stream.IntStream.range(0, r.length())
                        .mapToObj(i -> cell(r.get(i)))
                        .collect(Collectors.joining(" | ")))
            .sorted()
            .toList());
    List<String> grain = grains();
    assertFalse(grain.isEmpty());

    List<String> key =
        columns.stream().filter(c -> !metrics.contains(c) && !c.equals("user_email")).toList();
    emulator.requestLog().clear();
    df.count();
    assertEquals(grain, grains(), "count() sends the requests of collect(), whatever the metrics");
    // Every projection, join side and cached read below asks for the same grain and time range.
    emulator.requestLog().clear();
    assertRelational(df, key.toArray(new String[0]));
    assertEquals(Set.copyOf(grain), Set.copyOf(grains()), "requests differ only in their metrics");
  }

  /**
   * The answered analytics requests logged since the last clear, without their metrics (a 429 of
   * the emulator's analytics limit is retried, and is not what this test counts).
   */
  private static List<String> grains() {
    return emulator.requestLog().forPath("/analytics/query").stream()
        .filter(r -> r.status() == 200)
        .map(LoggedRequest::body)
        .map(b -> b.replaceAll("\"metrics\":\\[[^]]*],", ""))
        .sorted()
        .toList();
  }

  /**
   * The relation laws over {@code df}: count, every single-column projection, a self-join on {@code
   * key} (null-safe, each side reading another column) and a cached copy all see the rows of {@code
   * collect()}.
   */
  private static void assertRelational(Dataset<Row> df, String... key) {
    List<Row> rows = df.collectAsList();
    long count = rows.size();
    assertTrue(count > 0, "an empty table proves nothing");
    assertEquals(count, df.count(), "count() == collect().length");
    for (String c : df.columns()) {
      assertEquals(count, df.select(c).count(), "select(" + c + ").count()");
    }
    assertEquals(count, df.selectExpr("1 AS one").count(), "a projection of no column");

    if (key.length > 0) {
      String[] columns = df.columns();
      List<String> keyList = List.of(key);
      String leftExtra =
          Arrays.stream(columns).filter(c -> !keyList.contains(c)).findFirst().orElse(key[0]);
      String rightExtra =
          Arrays.stream(columns)
              .filter(c -> !keyList.contains(c))
              .reduce((a, b) -> b)
              .orElse(key[0]);
      Dataset<Row> left =
          df.select(concat(keyList, leftExtra)).toDF(prefixed("l_", keyList, leftExtra));
      Dataset<Row> right =
          df.select(concat(keyList, rightExtra)).toDF(prefixed("r_", keyList, rightExtra));
      Column on = null;
      for (String k : key) {
        Column eq = left.col("l_" + k).eqNullSafe(right.col("r_" + k));
        on = on == null ? eq : on.and(eq);
      }
      Map<String, Long> perKey = new HashMap<>();
      List<Integer> positions =
          keyList.stream().map(k -> Arrays.asList(columns).indexOf(k)).toList();
      for (Row r : rows) {
        perKey.merge(
            positions.stream().map(i -> String.valueOf(r.get(i))).collect(Collectors.joining("|")),
            1L,
            Long::sum);
      }
      long pairs = perKey.values().stream().mapToLong(n -> n * n).sum();
      assertEquals(pairs, left.join(right, on).count(), "a self-join on " + keyList);
    }

    Dataset<Row> cached = df.cache();
    try {
      assertEquals(count, cached.count(), "cache().count()");
      assertEquals(text(rows), text(cached.collectAsList()), "cached rows");
      assertEquals(
          count, cached.select(df.columns()[0]).count(), "a projection of the cached DataFrame");
    } finally {
      cached.unpersist(true);
    }
  }

  private static Column[] concat(List<String> key, String extra) {
    List<String> all = new ArrayList<>(key);
    all.add(extra);
    return all.stream().map(functions::col).toArray(Column[]::new);
  }

  private static String[] prefixed(String prefix, List<String> key, String extra) {
    List<String> all = new ArrayList<>(key);
    all.add(extra);
    return all.stream().map(c -> prefix + c).toArray(String[]::new);
  }

  private static List<String> lines(Dataset<Row> df) {
    Function<Object, String> cell =
        v -> v instanceof BigDecimal d ? d.toBigIntegerExact().toString() : String.valueOf(v);
    return df.collectAsList().stream()
        .map(
            r ->
                java.util.stream.IntStream.range(0, r.length())
                    .mapToObj(i -> cell.apply(r.get(i)))
                    .collect(Collectors.joining("|")))
        .sorted()
        .toList();
  }

  /**
   * A value as text that the API's JSON and Spark's row agree on: numbers by value, times as
   * instants.
   */
  private static String cell(Object v) {
    if (v instanceof Number || v instanceof String s && s.matches("-?[0-9.]+(E-?[0-9]+)?")) {
      return new BigDecimal(v.toString()).stripTrailingZeros().toPlainString();
    }
    if (v instanceof String s && s.endsWith("Z") && s.contains("T")) {
      return java.time.Instant.parse(s).toString();
    }
    if (v instanceof java.sql.Timestamp t) {
      return t.toInstant().toString();
    }
    return String.valueOf(v);
  }

  private static List<String> text(List<Row> rows) {
    return rows.stream().map(Row::toString).sorted().toList();
  }
}
