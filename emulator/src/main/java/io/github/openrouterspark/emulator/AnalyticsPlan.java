package io.github.openrouterspark.emulator;

import java.time.Instant;
import java.util.List;

/**
 * A validated analytics query with every default resolved.
 *
 * @param granularity null for totals over the window
 * @param start inclusive
 * @param end exclusive
 * @param limit the row limit; with {@code limitRaisable} the engine raises it, up to {@value
 *     AnalyticsPlanner#MAX_LIMIT}, to the rows of a time series with dimensions, as the spec allows
 *     when neither {@code limit} nor {@code group_limit} was given
 * @param groupLimit rows kept per dimension combination, or null for all; never set without
 *     dimensions, where the API ignores it
 * @param warnings for the response, e.g. unresolvable key hashes
 */
record AnalyticsPlan(
    List<AnalyticsMetric> metrics,
    List<AnalyticsDimension> dimensions,
    List<AnalyticsFilter> filters,
    Granularity granularity,
    Instant start,
    Instant end,
    Order order,
    int limit,
    boolean limitRaisable,
    Integer groupLimit,
    List<String> warnings) {

  /**
   * What rows are sorted by first: a metric (possibly {@code request_count} without it being
   * requested), the dimension at an index of {@link #dimensions}, or the time bucket. Ties are
   * broken by time bucket ascending, then the dimensions' underlying values ascending, so the order
   * is total and reproducible.
   */
  record Order(AnalyticsMetric metric, int dimension, boolean date, boolean descending) {
    static Order byMetric(AnalyticsMetric metric, boolean descending) {
      return new Order(metric, -1, false, descending);
    }

    static Order byDimension(int index, boolean descending) {
      return new Order(null, index, false, descending);
    }

    static Order byDate(boolean descending) {
      return new Order(null, -1, true, descending);
    }
  }

  AnalyticsPlan {
    metrics = List.copyOf(metrics);
    dimensions = List.copyOf(dimensions);
    filters = List.copyOf(filters);
    warnings = List.copyOf(warnings);
  }

  boolean needsDistributions() {
    return metrics.stream().anyMatch(AnalyticsMetric::percentile)
        || (order.metric() != null && order.metric().percentile());
  }
}
