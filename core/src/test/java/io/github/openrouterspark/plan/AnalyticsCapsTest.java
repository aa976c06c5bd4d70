package io.github.openrouterspark.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.github.openrouterspark.emulator.AnalyticsLog;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AnalyticsCapsTest {
  private static final Map<String, String> COUNTS =
      Map.of("request_count", "number", "total_usage", "currency");

  @Test
  void constants() {
    assertEquals(Duration.ofDays(365), AnalyticsCaps.GENERAL);
    assertEquals(Duration.ofDays(31), AnalyticsCaps.GENERATIONS);
    assertEquals(Duration.ofHours(3), AnalyticsCaps.MINUTE_BUCKETS);
  }

  @Test
  void plainMetricsAndDimensionsGet365Days() {
    assertEquals(
        Duration.ofDays(365),
        AnalyticsCaps.cap(AnalyticsGranularity.DAY, COUNTS, List.of("model", "user")));
    assertEquals(Duration.ofDays(365), AnalyticsCaps.cap(null, COUNTS, List.of()));
    assertEquals(
        Duration.ofDays(365), AnalyticsCaps.cap(AnalyticsGranularity.MONTH, Map.of(), List.of()));
    assertNull(AnalyticsCaps.reason(COUNTS, List.of("model", "api_key_id", "app")));
  }

  @Test
  void latencyAndThroughputFormatsGet31Days() {
    assertEquals(
        Duration.ofDays(31),
        AnalyticsCaps.cap(AnalyticsGranularity.DAY, Map.of("p90_latency", "latency"), List.of()));
    assertEquals(
        Duration.ofDays(31),
        AnalyticsCaps.cap(null, Map.of("avg_throughput", "throughput"), List.of("model")));
    assertEquals(
        "metric p90_latency", AnalyticsCaps.reason(Map.of("p90_latency", "latency"), List.of()));
    // The format decides, not the name.
    assertEquals(
        "metric some_new_metric",
        AnalyticsCaps.reason(Map.of("some_new_metric", "latency"), List.of()));
  }

  @Test
  void listedUsageMetricsGet31Days() {
    for (String metric : AnalyticsCaps.THIRTY_ONE_DAY_METRICS) {
      assertEquals(
          Duration.ofDays(31),
          AnalyticsCaps.cap(AnalyticsGranularity.WEEK, Map.of(metric, "currency"), List.of()),
          metric);
      assertEquals("metric " + metric, AnalyticsCaps.reason(Map.of(metric, "currency"), List.of()));
    }
    assertEquals(
        Set.of(
            "openrouter_usage",
            "byok_fees",
            "usage_file",
            "usage_upstream_file",
            "usage_web_fetch",
            "usage_upstream_web_fetch"),
        AnalyticsCaps.THIRTY_ONE_DAY_METRICS);
  }

  @Test
  void listedDimensionsGet31Days() {
    assertEquals(
        Duration.ofDays(31),
        AnalyticsCaps.cap(AnalyticsGranularity.DAY, COUNTS, List.of("model", "provider")));
    assertEquals("dimension provider", AnalyticsCaps.reason(COUNTS, List.of("model", "provider")));
    assertEquals(
        "dimension generation_id", AnalyticsCaps.reason(Map.of(), List.of("generation_id")));
  }

  @Test
  void aMetricReasonComesBeforeADimensionReason() {
    Map<String, String> metrics = new LinkedHashMap<>();
    metrics.put("request_count", "number");
    metrics.put("p50_latency", "latency");
    assertEquals("metric p50_latency", AnalyticsCaps.reason(metrics, List.of("country")));
  }

  @Test
  void minuteBucketsGet3HoursWhateverElseIsAsked() {
    assertEquals(
        Duration.ofHours(3), AnalyticsCaps.cap(AnalyticsGranularity.MINUTE, COUNTS, List.of()));
    assertEquals(
        Duration.ofHours(3),
        AnalyticsCaps.cap(
            AnalyticsGranularity.MINUTE, Map.of("p99_latency", "latency"), List.of("provider")));
    assertEquals(
        Duration.ofDays(365), AnalyticsCaps.cap(AnalyticsGranularity.HOUR, COUNTS, List.of()));
  }

  /** The connector's lists agree with the emulator's, which mirror the query reference. */
  @Test
  void agreesWithTheEmulatorOnWhichNamesNeed31Days() {
    assertEquals(
        Set.copyOf(AnalyticsLog.thirtyOneDayDimensionNames()),
        AnalyticsCaps.THIRTY_ONE_DAY_DIMENSIONS);
    for (String dimension : AnalyticsLog.dimensionNames()) {
      boolean limited = AnalyticsLog.thirtyOneDayDimensionNames().contains(dimension);
      assertEquals(limited, AnalyticsCaps.reason(Map.of(), List.of(dimension)) != null, dimension);
    }
    for (String metric : AnalyticsLog.metricNames()) {
      String format =
          metric.contains("latency")
              ? "latency"
              : metric.contains("throughput")
                  ? "throughput"
                  : metric.endsWith("_rate")
                      ? "percent"
                      : metric.contains("usage") || metric.equals("byok_fees")
                          ? "currency"
                          : "number";
      boolean limited = AnalyticsLog.thirtyOneDayMetricNames().contains(metric);
      assertEquals(
          limited, AnalyticsCaps.reason(Map.of(metric, format), List.of()) != null, metric);
    }
  }
}
