package io.github.openrouterspark.plan;

import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Set;

/**
 * The longest time range one analytics query may cover (docs/api-contract.md §5; OpenRouter's
 * analytics query reference): 365 days; 31 days when a latency or throughput metric, a usage part
 * that only the raw generations table holds, or a per-generation dimension (grouped or filtered) is
 * involved; 3 hours for minute buckets. The API answers 400 beyond these, so windows are planned
 * within them.
 */
public final class AnalyticsCaps {
  public static final Duration GENERAL = Duration.ofDays(365);
  public static final Duration GENERATIONS = Duration.ofDays(31);
  public static final Duration MINUTE_BUCKETS = Duration.ofHours(3);

  /** Dimensions that need the raw generations table. */
  public static final Set<String> THIRTY_ONE_DAY_DIMENSIONS =
      Set.of(
          "generation_id",
          "provider",
          "origin",
          "country",
          "finish_reason",
          "external_user",
          "context_length_bucket");

  /** Usage parts the query reference lists as generations-only (besides latency/throughput). */
  public static final Set<String> THIRTY_ONE_DAY_METRICS =
      Set.of(
          "openrouter_usage",
          "byok_fees",
          "usage_file",
          "usage_upstream_file",
          "usage_web_fetch",
          "usage_upstream_web_fetch");

  private AnalyticsCaps() {}

  /**
   * @param metricFormats the requested metrics' names mapped to their display formats
   * @param dimensions the dimensions grouped by or filtered on
   */
  public static Duration cap(
      AnalyticsGranularity granularity,
      Map<String, String> metricFormats,
      Collection<String> dimensions) {
    Duration cap = GENERAL;
    if (reason(metricFormats, dimensions) != null) {
      cap = GENERATIONS;
    }
    if (granularity == AnalyticsGranularity.MINUTE) {
      cap = MINUTE_BUCKETS;
    }
    return cap;
  }

  /** What limits the query to 31 days, for plans and messages; null when nothing does. */
  public static String reason(Map<String, String> metricFormats, Collection<String> dimensions) {
    for (var metric : metricFormats.entrySet()) {
      String format = metric.getValue();
      if ("latency".equals(format)
          || "throughput".equals(format)
          || THIRTY_ONE_DAY_METRICS.contains(metric.getKey())) {
        return "metric " + metric.getKey();
      }
    }
    for (String dimension : dimensions) {
      if (THIRTY_ONE_DAY_DIMENSIONS.contains(dimension)) {
        return "dimension " + dimension;
      }
    }
    return null;
  }
}
