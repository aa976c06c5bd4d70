package io.github.openrouterspark.emulator;

import static io.github.openrouterspark.emulator.QueryIssues.bad;
import static io.github.openrouterspark.emulator.QueryIssues.string;

import java.util.List;

/**
 * Resolves the {@code order_by} of an analytics query: a requested metric, {@code request_count}, a
 * requested dimension or {@code date} (only with a granularity).
 */
final class AnalyticsOrdering {
  private AnalyticsOrdering() {}

  static AnalyticsPlan.Order resolve(
      AnalyticsQuery.OrderBy orderBy,
      List<AnalyticsMetric> metrics,
      List<AnalyticsDimension> dimensions,
      Granularity granularity)
      throws RequestRejected {
    if (orderBy == null) {
      // Time series: newest bucket first, as the query reference documents. Totals: the first
      // metric, largest first (the reference documents no default there).
      return granularity != null
          ? AnalyticsPlan.Order.byDate(true)
          : AnalyticsPlan.Order.byMetric(metrics.get(0), true);
    }
    String field = string("order_by.field", orderBy.field());
    String direction = string("order_by.direction", orderBy.direction());
    if (!direction.equals("asc") && !direction.equals("desc")) {
      throw bad("order_by.direction: Invalid option: expected one of \"asc\"|\"desc\"");
    }
    boolean descending = direction.equals("desc");
    AnalyticsMetric metric = AnalyticsMetric.byName(field);
    if (metric != null && (metrics.contains(metric) || metric == AnalyticsMetric.REQUEST_COUNT)) {
      return AnalyticsPlan.Order.byMetric(metric, descending);
    }
    AnalyticsDimension dimension = AnalyticsDimension.byName(field);
    if (dimension != null && dimensions.contains(dimension)) {
      return AnalyticsPlan.Order.byDimension(dimensions.indexOf(dimension), descending);
    }
    if (field.equals("date")) {
      if (granularity == null) {
        throw bad("order_by.field: 'date' needs a granularity");
      }
      return AnalyticsPlan.Order.byDate(descending);
    }
    throw bad(
        "order_by.field: '"
            + field
            + "' is not a requested metric, request_count, a requested"
            + " dimension or date");
  }
}
