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
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A GROUP BY coarser than the analytics table's grain: pushed as one coarser query when the API
 * answers it exactly (SUM of counts and amounts), and then equal to what Spark computes from the
 * grain's rows without pushdown; every other aggregate is computed by Spark over the grain's rows.
 */
class AnalyticsAggregatePushdownTest {
  @RegisterExtension static final EmulatorExtension EMULATOR = EmulatorExtension.lenient();
  private static final OpenRouterEmulator emulator = EMULATOR.emulator();
  private static final AnalyticsLog truth = emulator.analytics(OpenRouterEmulator.DEFAULT_ACCOUNT);

  /** The grain: one row per day, model and provider. */
  private static final String GRAIN_BODY =
      "\"dimensions\":[\"model\",\"provider\"],\"granularity\":\"day\"";

  private static SparkSession spark() {
    return TestSpark.session();
  }

  @BeforeEach
  void views() {
    Dataset<Row> usage =
        AnalyticsReadTest.analytics(emulator)
            .option("granularity", "day")
            .option("dimensions", "model,provider")
            .option("metrics", "request_count,tokens_total,total_usage,avg_latency")
            .option("startTime", WEEK_START.toString())
            .option("endTime", WEEK_END.toString())
            .load();
    usage.createOrReplaceTempView("usage");
    // The same rows as a local table: Spark computes every aggregate over it itself.
    spark()
        .createDataFrame(usage.collectAsList(), usage.schema())
        .createOrReplaceTempView("usage_rows");
    emulator.requestLog().clear();
  }

  @AfterEach
  void dropViews() {
    spark().catalog().dropTempView("usage");
    spark().catalog().dropTempView("usage_rows");
  }

  private static List<LoggedRequest> queries() {
    return emulator.requestLog().forPath("/analytics/query").stream()
        .filter(r -> r.status() == 200)
        .toList();
  }

  /**
   * {@code select} over the connector's view and over the local rows: the same rows, to 1e-9
   * relative.
   */
  private static Map<String, double[]> sameAsSpark(String select) {
    Map<String, double[]> pushed =
        byKey(spark().sql(select.replace("{t}", "usage")).collectAsList());
    Map<String, double[]> local =
        byKey(spark().sql(select.replace("{t}", "usage_rows")).collectAsList());
    assertEquals(local.keySet(), pushed.keySet());
    assertFalse(local.isEmpty());
    for (String key : local.keySet()) {
      double[] a = local.get(key);
      double[] b = pushed.get(key);
      for (int i = 0; i < a.length; i++) {
        assertEquals(a[i], b[i], 1e-9 * Math.max(1, Math.abs(a[i])), key + " column " + i);
      }
    }
    return pushed;
  }

  /** Rows keyed by their first column (null as "null"), the rest as numbers. */
  private static Map<String, double[]> byKey(List<Row> rows) {
    Map<String, double[]> out = new TreeMap<>();
    for (Row r : rows) {
      double[] values = new double[r.length() - 1];
      for (int i = 1; i < r.length(); i++) {
        values[i - 1] = r.isNullAt(i) ? Double.NaN : ((Number) r.get(i)).doubleValue();
      }
      assertTrue(out.put(String.valueOf(r.get(0)), values) == null, "one row per key");
    }
    return out;
  }

  @Test
  void sumGroupByASubsetOfTheGrainIsOneCoarserRequestEqualToSpark() {
    String select =
        "SELECT model, SUM(request_count), SUM(tokens_total), SUM(total_usage) FROM {t} GROUP BY model";
    String plan = TestSpark.explain(spark().sql(select.replace("{t}", "usage")), "FORMATTED");
    assertTrue(
        plan.contains(
            "PushedAggregation: [SUM(request_count), SUM(tokens_total), SUM(total_usage)]"
                + " GROUP BY [model]"),
        plan);
    Map<String, double[]> rows = sameAsSpark(select);
    assertEquals(1, queries().size(), "one request");
    String body = queries().get(0).body();
    assertTrue(body.contains("\"dimensions\":[\"model\"]") && !body.contains("granularity"), body);
    // And the API's own totals per model.
    List<Map<String, Object>> expected =
        truth
            .query(
                AnalyticsQuery.of("request_count")
                    .withDimensions("model")
                    .withTimeRange(WEEK_START, WEEK_END)
                    .withLimit(10_000))
            .rows();
    assertEquals(expected.size(), rows.size());
    for (Map<String, Object> r : expected) {
      assertEquals(
          Double.parseDouble((String) r.get("request_count")),
          rows.get(String.valueOf(r.get("model")))[0]);
    }
  }

  @Test
  void sumGroupByDateIsOneSeriesWithoutDimensions() {
    sameAsSpark("SELECT date, SUM(request_count), SUM(total_usage) FROM {t} GROUP BY date");
    assertEquals(1, queries().size());
    String body = queries().get(0).body();
    assertTrue(body.contains("\"granularity\":\"day\"") && !body.contains("dimensions"), body);
  }

  @Test
  void aGrandTotalIsOneTotalsRequest() {
    sameAsSpark("SELECT 'all', SUM(tokens_total) FROM {t}");
    assertEquals(1, queries().size());
    String body = queries().get(0).body();
    assertFalse(body.contains("granularity") || body.contains("dimensions"), body);
  }

  @Test
  void aggregatesThatDependOnTheGrainsRowsAreComputedBySparkOverThem() {
    for (String aggregate :
        List.of(
            "COUNT(*)",
            "COUNT(avg_latency)",
            "MIN(request_count)",
            "MAX(total_usage)",
            "AVG(request_count)",
            "SUM(avg_latency)",
            "SUM(DISTINCT request_count)",
            "COUNT(DISTINCT provider)")) {
      emulator.requestLog().clear();
      String select = "SELECT model, " + aggregate + ", SUM(request_count) FROM {t} GROUP BY model";
      String plan = TestSpark.explain(spark().sql(select.replace("{t}", "usage")), "FORMATTED");
      assertTrue(plan.contains("PushedAggregation: none"), aggregate + ":\n" + plan);
      sameAsSpark(select);
      assertEquals(1, queries().size(), aggregate);
      assertTrue(
          queries().get(0).body().contains(GRAIN_BODY), aggregate + " reads the grain's rows");
    }
  }

  @Test
  void countIsTheNumberOfTheGrainsRows() {
    long rows = spark().sql("SELECT * FROM usage_rows").count();
    assertTrue(rows > 7 * 10, "a week of days by model and provider: " + rows);
    assertEquals(rows, spark().sql("SELECT * FROM usage").count());
    assertEquals(rows, spark().sql("SELECT COUNT(*) FROM usage").first().getLong(0));
    assertEquals(2, queries().size());
    assertTrue(queries().stream().allMatch(q -> q.body().contains(GRAIN_BODY)));
  }
}
