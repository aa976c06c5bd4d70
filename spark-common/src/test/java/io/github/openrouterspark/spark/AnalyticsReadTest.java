package io.github.openrouterspark.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.openrouterspark.emulator.AnalyticsLog;
import io.github.openrouterspark.emulator.AnalyticsQuery;
import io.github.openrouterspark.emulator.AnalyticsResult;
import io.github.openrouterspark.emulator.LoggedRequest;
import io.github.openrouterspark.emulator.OpenRouterEmulator;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.DataFrameReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * End-to-end reads of the analytics tables on a local SparkSession against the emulator: rows must
 * equal the emulator's exact aggregates, and the logged request bodies must carry what was pushed.
 */
class AnalyticsReadTest {
  /** A past Sunday-to-Sunday week, so day and week buckets are whole. */
  static final Instant WEEK_START = Instant.parse("2026-10-04T00:00:00Z");

  static final Instant WEEK_END = Instant.parse("2026-10-11T00:00:00Z");

  @RegisterExtension static final EmulatorExtension EMULATOR = EmulatorExtension.lenient();
  private static final OpenRouterEmulator emulator = EMULATOR.emulator();
  private static final AnalyticsLog truth = emulator.analytics(OpenRouterEmulator.DEFAULT_ACCOUNT);

  static DataFrameReader analytics(OpenRouterEmulator emulator) {
    return TestSpark.reader(emulator)
        .option("apiKey", OpenRouterEmulator.DEFAULT_MANAGEMENT_KEY)
        .option("dataset", "analytics");
  }

  private static DataFrameReader week() {
    return analytics(emulator)
        .option("startTime", WEEK_START.toString())
        .option("endTime", WEEK_END.toString());
  }

  private static List<LoggedRequest> queries() {
    return emulator.requestLog().forPath("/analytics/query");
  }

  private static List<LoggedRequest> metas() {
    return emulator.requestLog().forPath("/analytics/meta");
  }

  @Test
  void analyticsMetaListsEveryMetricDimensionOperatorAndGranularityWithOneRequest() {
    List<Row> rows =
        TestSpark.reader(emulator)
            .option("apiKey", OpenRouterEmulator.DEFAULT_MANAGEMENT_KEY)
            .load("analytics-meta")
            .collectAsList();
    assertEquals(AnalyticsLog.metricNames(), names(rows, "metric"));
    assertEquals(AnalyticsLog.dimensionNames(), names(rows, "dimension"));
    assertEquals(
        List.of("eq", "neq", "in", "not_in", "gt", "gte", "lt", "lte"), names(rows, "operator"));
    assertEquals(AnalyticsLog.granularityNames(), names(rows, "granularity"));
    Row latency =
        rows.stream().filter(r -> r.getString(1).equals("p50_latency")).findFirst().orElseThrow();
    assertEquals("latency", latency.getString(3));
    assertTrue(latency.getBoolean(4));
    Row in = rows.stream().filter(r -> r.getString(1).equals("in")).findFirst().orElseThrow();
    assertEquals("array", in.getString(5));
    assertEquals(1, metas().size());
    assertEquals(0, queries().size());
  }

  private static List<String> names(List<Row> rows, String kind) {
    return rows.stream().filter(r -> r.getString(0).equals(kind)).map(r -> r.getString(1)).toList();
  }

  @Test
  void schemaComesFromMetaOnceAndTypesColumnsByFormat() {
    OpenRouterEmulator fresh = TestEmulators.lenient();
    try (fresh) {
      StructType schema =
          analytics(fresh)
              .option("granularity", "day")
              .option("dimensions", "user,model")
              .load()
              .schema();
      analytics(fresh).option("granularity", "day").load().schema();
      assertEquals(
          1, fresh.requestLog().forPath("/analytics/meta").size(), "meta is fetched once per key");
      assertEquals(
          0,
          fresh.requestLog().forPath("/analytics/query").size(),
          "resolving a schema sends no query");
      assertEquals("date", schema.fields()[0].name());
      assertEquals(DataTypes.TimestampType, schema.apply("date").dataType());
      assertEquals(DataTypes.StringType, schema.apply("model").dataType());
      assertEquals(DataTypes.StringType, schema.apply("user_email").dataType());
      assertEquals(DataTypes.LongType, schema.apply("request_count").dataType());
      assertEquals(DataTypes.DoubleType, schema.apply("total_usage").dataType());
      assertEquals(DataTypes.DoubleType, schema.apply("p90_latency").dataType());
      assertEquals(DataTypes.DoubleType, schema.apply("cache_hit_rate").dataType());
      // Only the grain's dimensions (in the order of /analytics/meta), with user its user_email.
      assertEquals(
          List.of("date", "model", "user", "user_email", "request_count"),
          List.of(schema.fieldNames()).subList(0, 5));
      assertEquals(1 + 2 + 1 + AnalyticsLog.metricNames().size(), schema.fields().length);
      StructType totals = analytics(fresh).load().schema();
      assertFalse(
          List.of(totals.fieldNames()).contains("date"), "no date column without a granularity");
      assertEquals(
          AnalyticsLog.metricNames(),
          List.of(totals.fieldNames()),
          "no dimension option: metrics only");
      StructType narrowed =
          analytics(fresh)
              .option("metrics", "total_usage, request_count")
              .option("dimensions", "model")
              .load()
              .schema();
      assertEquals(
          List.of("model", "request_count", "total_usage"), List.of(narrowed.fieldNames()));
    }
  }

  @Test
  void unknownMetricOrDimensionNamesFailWithTheKnownNames() {
    Exception e =
        assertThrows(
            IllegalArgumentException.class,
            () -> analytics(emulator).option("metrics", "request_count,cost").load().schema());
    assertTrue(
        e.getMessage().contains("[cost]") && e.getMessage().contains("total_usage"),
        e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class,
            () -> analytics(emulator).option("dimensions", "modle").load().schema());
    assertTrue(
        e.getMessage().contains("[modle]") && e.getMessage().contains("context_length_bucket"),
        e.getMessage());
  }

  @Test
  void anInferenceKeyGetsAnErrorThatExplainsManagementKeys() {
    Exception e =
        assertThrows(
            Exception.class,
            () -> TestSpark.reader(emulator).option("dataset", "analytics").load().schema());
    String message = rootMessage(e);
    assertTrue(
        message.contains("HTTP 403")
            && message.contains("management key")
            && message.contains("https://openrouter.ai/settings/management-keys"),
        message);
    assertFalse(message.contains(OpenRouterEmulator.DEFAULT_API_KEY));
  }

  @Test
  void theManagementKeyNeverShowsInPlansOrErrors() {
    Dataset<Row> df =
        week()
            .option("granularity", "day")
            .option("dimensions", "model")
            .load()
            .where("model = 'x'")
            .select("date", "request_count");
    String plan = TestSpark.explain(df, "EXTENDED") + TestSpark.explain(df, "FORMATTED");
    assertFalse(plan.contains(OpenRouterEmulator.DEFAULT_MANAGEMENT_KEY), plan);
    Exception e =
        assertThrows(
            IllegalArgumentException.class,
            () -> week().option("dimensions", "model,provider,app").load().collectAsList());
    assertFalse(rootMessage(e).contains(OpenRouterEmulator.DEFAULT_MANAGEMENT_KEY));
  }

  @Test
  void aTransientFailureOrACutBodyIsRetriedAndFailsTheQueryOnlyWhenRetriesRunOut() {
    Dataset<Row> df = week().option("dimensions", "model").load().select("model", "request_count");
    df.schema(); // the meta request, before the faults
    emulator.requestLog().clear();
    emulator.faults().failNext(1, io.github.openrouterspark.emulator.Fault.status(500));
    List<String> rows = canonical(df.collectAsList(), "model", "request_count");
    assertEquals(
        sorted(
            truth
                .query(
                    AnalyticsQuery.of("request_count")
                        .withDimensions("model")
                        .withTimeRange(WEEK_START, WEEK_END)
                        .withLimit(10_000))
                .rows(),
            "model",
            "request_count"),
        rows);
    assertEquals(List.of(500, 200), queries().stream().map(LoggedRequest::status).toList());

    // A body cut mid-response is read again (its rows are not kept twice) ...
    emulator.requestLog().clear();
    emulator.faults().failNext(1, io.github.openrouterspark.emulator.Fault.truncatedBody());
    assertEquals(rows, canonical(df.collectAsList(), "model", "request_count"));
    assertEquals(List.of(0, 200), queries().stream().map(LoggedRequest::status).toList());

    // ... and fails the query, naming the request and what happened, only when no retry is left.
    emulator.faults().failNext(1, io.github.openrouterspark.emulator.Fault.truncatedBody());
    Exception e =
        assertThrows(
            Exception.class,
            () ->
                week()
                    .option("maxRetries", "0")
                    .option("dimensions", "provider")
                    .load()
                    .select("provider", "request_count")
                    .collectAsList());
    String message = rootMessage(e);
    assertTrue(
        message.contains("POST /analytics/query")
            && message.contains("HTTP 200, but the connection broke"),
        message);
  }

  static String rootMessage(Throwable e) {
    StringBuilder all = new StringBuilder();
    for (Throwable t = e; t != null; t = t.getCause()) {
      all.append(t.getMessage()).append('\n');
    }
    return all.toString();
  }

  @Test
  void dailyTimeSeriesByModelEqualsTheEmulatorsTruthWithOneRequest() {
    Dataset<Row> df =
        week()
            .option("granularity", "day")
            .option("dimensions", "model")
            .load()
            .select("date", "model", "request_count", "total_usage", "tokens_prompt");
    List<String> actual =
        canonical(
            df.collectAsList(), "date", "model", "request_count", "total_usage", "tokens_prompt");
    AnalyticsResult expected =
        truth.query(
            AnalyticsQuery.of("request_count", "total_usage", "tokens_prompt")
                .withDimensions("model")
                .withGranularity("day")
                .withTimeRange(WEEK_START, WEEK_END)
                .withLimit(10_000));
    assertFalse(expected.truncated());
    assertEquals(
        sorted(
            expected.rows(), "date__day", "model", "request_count", "total_usage", "tokens_prompt"),
        actual);
    assertTrue(actual.size() > 7 * 5, "a realistic week has many model-days: " + actual.size());

    List<LoggedRequest> sent = queries();
    assertEquals(1, sent.size());
    String body = sent.get(0).body();
    // In the table's column order, whatever the select order.
    assertTrue(
        body.contains("\"metrics\":[\"request_count\",\"tokens_prompt\",\"total_usage\"]"), body);
    assertTrue(body.contains("\"dimensions\":[\"model\"]"), body);
    assertTrue(body.contains("\"granularity\":\"day\""), body);
    assertTrue(
        body.contains(
            "\"time_range\":{\"start\":\"2026-10-04T00:00:00Z\",\"end\":\"2026-10-11T00:00:00Z\"}"),
        body);
  }

  @Test
  void totalsWithoutGranularityEqualTheTruthAndCountsArriveAsStrings() {
    Dataset<Row> df =
        week()
            .option("dimensions", "provider")
            .load()
            .select("provider", "request_count", "tokens_completion", "avg_latency");
    List<String> actual =
        canonical(
            df.collectAsList(), "provider", "request_count", "tokens_completion", "avg_latency");
    AnalyticsResult expected =
        truth.query(
            AnalyticsQuery.of("request_count", "tokens_completion", "avg_latency")
                .withDimensions("provider")
                .withTimeRange(WEEK_START, WEEK_END)
                .withLimit(10_000));
    assertEquals(
        sorted(expected.rows(), "provider", "request_count", "tokens_completion", "avg_latency"),
        actual);
    assertEquals(1, queries().size());
    assertFalse(queries().get(0).body().contains("granularity"));
  }

  @Test
  void labelledDimensionsShowTheApisLabelsAndUserEmailComesWithUser() {
    Dataset<Row> df =
        week()
            .option("dimensions", "user,api_key_id")
            .load()
            .select("user", "user_email", "api_key_id", "request_count");
    List<String> actual =
        canonical(df.collectAsList(), "user", "user_email", "api_key_id", "request_count");
    AnalyticsResult expected =
        truth.query(
            AnalyticsQuery.of("request_count")
                .withDimensions("user", "api_key_id")
                .withTimeRange(WEEK_START, WEEK_END)
                .withLimit(10_000));
    assertEquals(
        sorted(expected.rows(), "user", "user_email", "api_key_id", "request_count"), actual);
    assertTrue(
        actual.stream().anyMatch(line -> line.contains("@")), "e-mails are filled: " + actual);
    // user_email alone still reads the grain, by user, the dimension that brings it.
    week().option("dimensions", "user").load().select("user_email").collectAsList();
    assertTrue(queries().get(queries().size() - 1).body().contains("\"dimensions\":[\"user\"]"));
  }

  @Test
  void aQueryWithoutMetricColumnsRequestsRequestCount() {
    long models = week().option("dimensions", "model").load().select("model").distinct().count();
    assertTrue(models > 3);
    String body = queries().get(0).body();
    assertTrue(
        body.contains("\"metrics\":[\"request_count\"]")
            && body.contains("\"dimensions\":[\"model\"]"),
        body);
  }

  @Test
  void dimensionPredicatesBecomeApiFiltersAndLeaveSparksPlan() {
    Dataset<Row> df =
        week()
            .option("dimensions", "model,country")
            .load()
            .where("model <> '" + topModel() + "' AND country IN ('US', 'DE', 'FR')")
            .select("model", "request_count");
    String plan = physicalPlan(df);
    assertFalse(plan.contains(" Filter ("), plan);
    List<String> actual = canonical(df.collectAsList(), "model", "request_count");
    // The grain's rows, one per model and country, filtered: the filter column need not be
    // selected.
    AnalyticsResult expected =
        truth.query(
            AnalyticsQuery.of("request_count")
                .withDimensions("model", "country")
                .withFilters(
                    new AnalyticsQuery.Filter("model", "neq", topModel()),
                    new AnalyticsQuery.Filter("country", "in", List.of("US", "DE", "FR")))
                .withTimeRange(WEEK_START, WEEK_END)
                .withLimit(10_000));
    assertEquals(sorted(expected.rows(), "model", "request_count"), actual);
    assertFalse(actual.isEmpty(), "the filters must leave rows, or the test proves nothing");
    assertFalse(
        actual.stream().anyMatch(line -> line.startsWith(topModel() + " ")), actual.toString());
    String body = queries().get(queries().size() - 1).body();
    assertTrue(
        body.contains(
            "{\"field\":\"model\",\"operator\":\"neq\",\"value\":\"" + topModel() + "\"}"),
        body);
    assertTrue(
        body.contains(
            "{\"field\":\"country\",\"operator\":\"in\",\"value\":[\"US\",\"DE\",\"FR\"]}"),
        body);
    assertTrue(body.contains("\"dimensions\":[\"model\",\"country\"]"), body);
  }

  @Test
  void labelledDimensionsAndUntranslatablePredicatesStayWithSpark() {
    Dataset<Row> df =
        week()
            .option("dimensions", "model,app")
            .load()
            .where("app LIKE 'C%' AND model = '" + topModel() + "'")
            .select("app", "request_count");
    String plan = TestSpark.explain(df, "FORMATTED");
    assertTrue(plan.contains("PostScanFilters: [app LIKE 'C%'"), plan);
    assertTrue(
        plan.contains("PushedFilters: [model = '" + topModel() + "', model IS NOT NULL]"), plan);
    df.collectAsList();
    String body = queries().get(0).body();
    assertTrue(
        body.contains("\"dimensions\":[\"model\",\"app\"]") && body.contains("\"field\":\"model\""),
        body);
    assertFalse(body.contains("\"field\":\"app\""), body);
  }

  @Test
  void datePredicatesBecomeTheTimeRangeRoundedToBuckets() {
    Dataset<Row> df =
        analytics(emulator)
            .option("granularity", "day")
            .option("startTime", "2026-01-01")
            .load()
            .where(
                "date >= TIMESTAMP '2026-10-04 12:00:00' AND date <= TIMESTAMP '2026-10-08 00:00:00'")
            .select("date", "request_count");
    List<Row> rows = df.collectAsList();
    assertEquals(4, rows.size(), "buckets 10-05, 10-06, 10-07, 10-08");
    assertEquals(
        Instant.parse("2026-10-05T00:00:00Z"),
        rows.stream().map(r -> (Instant) r.get(0)).min(Instant::compareTo).get());
    String body = queries().get(0).body();
    assertTrue(
        body.contains(
            "\"time_range\":{\"start\":\"2026-10-05T00:00:00Z\",\"end\":\"2026-10-09T00:00:00Z\"}"),
        body);
    String plan = physicalPlan(df);
    assertFalse(plan.contains(" Filter ("), plan);
    assertTrue(
        plan.contains(
            "PushedFilters: [date >= TIMESTAMP '2026-10-04T12:00:00Z',"
                + " date <= TIMESTAMP '2026-10-08T00:00:00Z']"),
        plan);
  }

  @Test
  void withoutFilterPushdownDatePredicatesStillChooseTheRangeAndRowsAreTheSame() {
    String where =
        "date >= TIMESTAMP '2026-10-05 00:00:00' AND date < TIMESTAMP '2026-10-08 00:00:00'"
            + " AND model = '"
            + topModel()
            + "'";
    List<String> pushed =
        canonical(
            analytics(emulator)
                .option("granularity", "day")
                .option("dimensions", "model")
                .load()
                .where(where)
                .select("date", "model", "request_count")
                .collectAsList(),
            "date",
            "model",
            "request_count");
    emulator.requestLog().clear();
    Dataset<Row> unpushed =
        analytics(emulator)
            .option("granularity", "day")
            .option("dimensions", "model")
            .option("pushDownFilters", "false")
            .load()
            .where(where)
            .select("date", "model", "request_count");
    assertEquals(pushed, canonical(unpushed.collectAsList(), "date", "model", "request_count"));
    assertEquals(3, pushed.size());
    String body = queries().get(0).body();
    assertFalse(body.contains("filters"), body);
    assertTrue(
        body.contains("\"start\":\"2026-10-05T00:00:00Z\",\"end\":\"2026-10-08T00:00:00Z\""), body);
    assertTrue(physicalPlan(unpushed).contains(" Filter ("));
  }

  @Test
  void sumGroupedByDimensionIsOneTotalsQueryEqualToTheTruth() {
    // The grain is day by model and provider; GROUP BY model is coarser, and one query answers it.
    week()
        .option("granularity", "day")
        .option("dimensions", "model,provider")
        .load()
        .createOrReplaceTempView("analytics_daily");
    Dataset<Row> df =
        TestSpark.session()
            .sql(
                "SELECT model, SUM(total_usage) AS usage, SUM(request_count) AS requests FROM analytics_daily GROUP BY model");
    String plan = TestSpark.explain(df, "FORMATTED");
    assertTrue(
        plan.contains("PushedAggregation: [SUM(total_usage), SUM(request_count)] GROUP BY [model]"),
        plan);
    List<String> actual = canonical(df.collectAsList(), "model", "usage", "requests");
    AnalyticsResult expected =
        truth.query(
            AnalyticsQuery.of("total_usage", "request_count")
                .withDimensions("model")
                .withTimeRange(WEEK_START, WEEK_END)
                .withLimit(10_000));
    assertEquals(sorted(expected.rows(), "model", "total_usage", "request_count"), actual);
    assertEquals(1, queries().size());
    assertFalse(queries().get(0).body().contains("granularity"), "totals need no buckets");
  }

  @Test
  void aSqlViewOverAnalyticsPushesTheSameAggregate() {
    TestSpark.session()
        .sql(
            "CREATE OR REPLACE TEMPORARY VIEW account_usage USING openrouter OPTIONS ("
                + "dataset 'analytics', granularity 'day', dimensions 'model,provider', baseUrl '"
                + emulator.baseUrl()
                + "', apiKeySecret '"
                + OpenRouterEmulator.DEFAULT_MANAGEMENT_KEY
                + "', cache 'false', rateLimitPerMinute '10000',"
                + " startTime '"
                + WEEK_START
                + "', endTime '"
                + WEEK_END
                + "')");
    try {
      emulator.requestLog().clear();
      List<String> actual =
          canonical(
              TestSpark.session()
                  .sql(
                      "SELECT provider, SUM(tokens_total) AS tokens FROM account_usage GROUP BY provider")
                  .collectAsList(),
              "provider",
              "tokens");
      AnalyticsResult expected =
          truth.query(
              AnalyticsQuery.of("tokens_total")
                  .withDimensions("provider")
                  .withTimeRange(WEEK_START, WEEK_END)
                  .withLimit(10_000));
      assertEquals(sorted(expected.rows(), "provider", "tokens_total"), actual);
      assertEquals(1, queries().size());
      assertTrue(queries().get(0).body().contains("\"dimensions\":[\"provider\"]"));
      assertFalse(queries().get(0).body().contains("granularity"), "totals need no buckets");
    } finally {
      TestSpark.session().catalog().dropTempView("account_usage");
    }
  }

  @Test
  void sumOfARateIsNotPushed() {
    week()
        .option("granularity", "day")
        .option("dimensions", "model")
        .load()
        .createOrReplaceTempView("analytics_daily_rates");
    Dataset<Row> df =
        TestSpark.session()
            .sql("SELECT model, SUM(cache_hit_rate) FROM analytics_daily_rates GROUP BY model");
    String plan = TestSpark.explain(df, "FORMATTED");
    assertTrue(plan.contains("PushedAggregation: none"), plan);
  }

  @Test
  void orderByMetricDescLimitBecomesOrderByAndLimit() {
    Dataset<Row> df =
        week()
            .option("dimensions", "model")
            .load()
            .select("model", "total_usage")
            .orderBy(org.apache.spark.sql.functions.col("total_usage").desc())
            .limit(3);
    List<String> actual = df.collectAsList().stream().map(r -> r.getString(0)).toList();
    AnalyticsResult expected =
        truth.query(
            AnalyticsQuery.of("total_usage")
                .withDimensions("model")
                .withTimeRange(WEEK_START, WEEK_END)
                .withOrderBy("total_usage", "desc")
                .withLimit(3));
    assertEquals(expected.rows().stream().map(r -> (String) r.get("model")).toList(), actual);
    assertEquals(1, queries().size());
    String body = queries().get(0).body();
    assertTrue(
        body.contains("\"order_by\":{\"field\":\"total_usage\",\"direction\":\"desc\"}")
            && body.contains("\"limit\":3"),
        body);
  }

  @Test
  void moreThanTwoDimensionsFailBeforeAnyRequestNamingThem() {
    Exception e =
        assertThrows(
            IllegalArgumentException.class,
            () -> week().option("dimensions", "model,provider,country").load());
    assertTrue(
        e.getMessage().contains("'dimensions'")
            && e.getMessage().contains("'model,provider,country'")
            && e.getMessage().contains("at most 2"),
        e.getMessage());
    assertEquals(0, emulator.requestLog().size(), "not even the meta request");
  }

  @Test
  void windowsRespectTheCaps() {
    // p50_latency limits a query to 31 days: 60 days of day buckets are two windows, cut at a
    // bucket start.
    Dataset<Row> df =
        analytics(emulator)
            .option("granularity", "day")
            .option("startTime", "2026-08-01")
            .option("endTime", "2026-09-29")
            .load()
            .select("date", "p50_latency");
    assertEquals(60, df.collectAsList().size());
    List<String> ranges =
        queries().stream()
            .map(q -> q.body().replaceAll(".*\"time_range\":(\\{[^}]*\\}).*", "$1"))
            .sorted()
            .toList();
    assertEquals(
        List.of(
            "{\"start\":\"2026-08-01T00:00:00Z\",\"end\":\"2026-09-01T00:00:00Z\"}",
            "{\"start\":\"2026-09-01T00:00:00Z\",\"end\":\"2026-09-30T00:00:00Z\"}"),
        ranges);
    // Without latency metrics, 60 days are one request.
    emulator.requestLog().clear();
    analytics(emulator)
        .option("granularity", "day")
        .option("startTime", "2026-08-01")
        .option("endTime", "2026-09-29")
        .load()
        .select("date", "request_count")
        .collectAsList();
    assertEquals(1, queries().size());
  }

  @Test
  void aQueryOverItsRequestBudgetFailsBeforeAnyRequestWithAnalyticsAdvice() {
    // Minute buckets: windows of at most 3 hours, so a week is 56 requests.
    Exception e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                week()
                    .option("granularity", "minute")
                    .option("maxRequestsPerQuery", "50")
                    .load()
                    .select("date", "request_count")
                    .collectAsList());
    assertTrue(
        e.getMessage().contains("up to 56 requests")
            && e.getMessage().contains("coarser granularity"),
        e.getMessage());
    assertEquals(0, queries().size());
  }

  @Test
  void totalsLongerThanOneQueryFailUnlessSummed() {
    DataFrameReader twoYears =
        analytics(emulator)
            .option("dimensions", "model")
            .option("startTime", "2025-01-01")
            .option("endTime", "2026-09-30");
    Exception e =
        assertThrows(
            IllegalArgumentException.class,
            () -> twoYears.load().select("model", "request_count").collectAsList());
    assertTrue(
        e.getMessage().contains("granularity") && e.getMessage().contains("365 days"),
        e.getMessage());
    assertEquals(0, queries().size());
    twoYears.load().createOrReplaceTempView("analytics_two_years");
    List<Row> totals =
        TestSpark.session()
            .sql("SELECT model, SUM(request_count) FROM analytics_two_years GROUP BY model")
            .collectAsList();
    assertEquals(2, queries().size(), "two windows of at most 365 days");
    long sum = totals.stream().mapToLong(r -> r.getLong(1)).sum();
    long expected = 0;
    for (Instant[] w :
        new Instant[][] {
          {Instant.parse("2025-01-01T00:00:00Z"), Instant.parse("2026-01-01T00:00:00Z")},
          {Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-10-01T00:00:00Z")}
        }) {
      expected +=
          Long.parseLong(
              (String)
                  truth
                      .query(AnalyticsQuery.of("request_count").withTimeRange(w[0], w[1]))
                      .rows()
                      .get(0)
                      .get("request_count"));
    }
    assertEquals(expected, sum);
  }

  @Test
  void aTruncatedTimeSeriesIsSplitUntilCompleteAndNothingIsLost() {
    // Every generation of a week is more than the API's 10,000 rows: the day windows must be split.
    Dataset<Row> df =
        week()
            .option("granularity", "day")
            .option("dimensions", "generation_id")
            .load()
            .select("date", "generation_id", "tokens_total");
    List<Row> rows = df.collectAsList();
    long generations = truth.generations(WEEK_START, WEEK_END).size();
    assertTrue(generations > 10_000, "the week must exceed one response: " + generations);
    assertEquals(generations, rows.size());
    assertEquals(generations, rows.stream().map(r -> r.getString(1)).distinct().count());
    assertTrue(
        queries().size() >= 3, "one truncated response, then its halves: " + queries().size());
  }

  @Test
  void aTruncatedTotalsResultFailsLoudlyInsteadOfReturningFewerRows() {
    Dataset<Row> df =
        week()
            .option("dimensions", "generation_id")
            .load()
            .select("generation_id", "request_count");
    Exception e = assertThrows(Exception.class, df::collectAsList);
    String message = rootMessage(e);
    assertTrue(message.contains("truncated") && message.contains("partial result"), message);
  }

  /** The account's busiest model of the test week. */
  static String topModel() {
    return (String)
        truth
            .query(
                AnalyticsQuery.of("request_count")
                    .withDimensions("model")
                    .withTimeRange(WEEK_START, WEEK_END)
                    .withLimit(1))
            .rows()
            .get(0)
            .get("model");
  }

  /** The physical part of {@code EXPLAIN EXTENDED}: what Spark will actually run. */
  static String physicalPlan(Dataset<Row> df) {
    String plan = TestSpark.explain(df, "EXTENDED");
    return plan.substring(plan.indexOf("== Physical Plan =="));
  }

  /** Spark rows as sorted text lines, numbers normalised so API strings and Spark longs compare. */
  static List<String> canonical(List<Row> rows, String... columns) {
    List<String> out = new ArrayList<>();
    for (Row r : rows) {
      List<String> cells = new ArrayList<>();
      for (int i = 0; i < columns.length; i++) {
        cells.add(cell(r.get(i)));
      }
      out.add(String.join(" | ", cells));
    }
    return out.stream().sorted().collect(Collectors.toList());
  }

  static List<String> sorted(List<Map<String, Object>> rows, String... keys) {
    List<String> out = new ArrayList<>();
    for (Map<String, Object> r : rows) {
      List<String> cells = new ArrayList<>();
      for (String k : keys) {
        cells.add(cell(r.get(k)));
      }
      out.add(String.join(" | ", cells));
    }
    return out.stream().sorted().collect(Collectors.toList());
  }

  private static String cell(Object v) {
    if (v == null) {
      return "null";
    }
    if (v instanceof Instant i) {
      return i.toString();
    }
    if (v instanceof String s && s.endsWith("Z") && s.contains("T")) {
      return Instant.parse(s).toString();
    }
    if (v instanceof String s && s.matches("-?\\d+")) {
      return s;
    }
    if (v instanceof BigDecimal d) {
      return Double.toString(d.doubleValue());
    }
    if (v instanceof Double d) {
      return Double.toString(d);
    }
    return v.toString();
  }
}
