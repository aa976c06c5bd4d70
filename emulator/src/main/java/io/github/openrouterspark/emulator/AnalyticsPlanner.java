package io.github.openrouterspark.emulator;

import static io.github.openrouterspark.emulator.QueryIssues.quoted;
import static io.github.openrouterspark.emulator.QueryIssues.string;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Validates an {@link AnalyticsQuery} and resolves its defaults, per docs/api-contract.md §5. The
 * first problem found is the 400; messages follow the one the real API is known to send, zod's
 * {@code "dimensions: Too big: expected array to have <=2 items"}: a dotted path, then the issue.
 * The messages for rules the spec leaves to prose (unknown names, caps) are the emulator's own.
 *
 * <p>Rules beyond the OpenAPI schema: metric, dimension, operator and granularity names must be
 * those of {@code /analytics/meta}, without repeats; a filter value must be an array for {@code
 * in}/{@code not_in} and a scalar otherwise; {@code app} and {@code api_key_id} take numeric ids
 * ({@code api_key_id} also a key's 64-hex hash; an unknown hash is a warning and matches nothing);
 * {@code time_range.start} before {@code end} (default: the 7 days before now); {@code limit} and
 * {@code group_limit} 1-10000; {@code order_by.field} a requested metric, {@code request_count}, a
 * requested dimension or {@code date} (only with a granularity); windows of at most 365 days, 31
 * when a latency/throughput metric, a 31-day usage part or a per-generation dimension (grouped or
 * filtered) is involved, and 3 hours for minute buckets.
 */
final class AnalyticsPlanner {
  static final int DEFAULT_LIMIT = 1_000;
  static final int MAX_LIMIT = 10_000;
  static final int MAX_DIMENSIONS = 2;
  static final Duration DEFAULT_WINDOW = Duration.ofDays(7);
  static final Duration MAX_WINDOW = Duration.ofDays(365);
  static final Duration MAX_GENERATIONS_WINDOW = Duration.ofDays(31);

  private AnalyticsPlanner() {}

  /**
   * @param keyIdsByHash the account's api_key_id hashes (lower case) and ids
   * @throws RequestRejected the 400
   */
  static AnalyticsPlan plan(AnalyticsQuery query, Instant now, Map<String, Long> keyIdsByHash)
      throws RequestRejected {
    List<String> warnings = new ArrayList<>();
    List<AnalyticsMetric> metrics = metrics(query.metrics());
    List<AnalyticsDimension> dimensions = dimensions(query.dimensions());
    List<AnalyticsFilter> filters =
        AnalyticsFilterCompiler.compile(query.filters(), keyIdsByHash, warnings);

    Granularity granularity = null;
    if (query.granularity() != null) {
      granularity = Granularity.byName(query.granularity());
      if (granularity == null) {
        throw bad(
            "granularity: Invalid option: expected one of " + quoted(names(Granularity.values())));
      }
    }

    Instant start;
    Instant end;
    if (query.timeRange() == null) {
      end = now;
      start = now.minus(DEFAULT_WINDOW);
    } else {
      start = query.timeRange().start();
      end = query.timeRange().end();
      if (!start.isBefore(end)) {
        throw bad("time_range: start must be before end");
      }
    }

    int limit = DEFAULT_LIMIT;
    if (query.limit() != null) {
      limit = range("limit", query.limit());
    }
    Integer groupLimit = null;
    if (query.groupLimit() != null) {
      groupLimit = range("group_limit", query.groupLimit());
    }
    if (dimensions.isEmpty()) {
      groupLimit = null; // "Ignored when no dimensions are specified."
    }

    AnalyticsPlan.Order order =
        AnalyticsOrdering.resolve(query.orderBy(), metrics, dimensions, granularity);

    Duration window = Duration.between(start, end);
    if (granularity == Granularity.MINUTE && window.compareTo(Granularity.MINUTE_WINDOW) > 0) {
      throw bad("granularity: minute granularity needs a time range of at most 3 hours");
    }
    String generationsOnly = generationsOnly(metrics, dimensions, filters);
    if (generationsOnly != null && window.compareTo(MAX_GENERATIONS_WINDOW) > 0) {
      throw bad("time_range: " + generationsOnly + " allows a time range of at most 31 days");
    }
    if (window.compareTo(MAX_WINDOW) > 0) {
      throw bad("time_range: Time range cannot exceed 365 days");
    }
    boolean raisable =
        query.limit() == null
            && query.groupLimit() == null
            && granularity != null
            && !dimensions.isEmpty();
    return new AnalyticsPlan(
        metrics,
        dimensions,
        filters,
        granularity,
        start,
        end,
        order,
        limit,
        raisable,
        groupLimit,
        warnings);
  }

  private static List<AnalyticsMetric> metrics(List<String> names) throws RequestRejected {
    if (names.isEmpty()) {
      throw bad("metrics: Too small: expected array to have >=1 items");
    }
    List<AnalyticsMetric> metrics = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      String name = string("metrics." + i, names.get(i));
      AnalyticsMetric metric = AnalyticsMetric.byName(name);
      if (metric == null) {
        throw bad("metrics." + i + ": Unknown metric '" + name + "'; see /analytics/meta");
      }
      if (metrics.contains(metric)) {
        throw bad("metrics." + i + ": Duplicate metric '" + name + "'");
      }
      metrics.add(metric);
    }
    return metrics;
  }

  private static List<AnalyticsDimension> dimensions(List<String> names) throws RequestRejected {
    if (names.size() > MAX_DIMENSIONS) {
      throw bad("dimensions: Too big: expected array to have <=" + MAX_DIMENSIONS + " items");
    }
    List<AnalyticsDimension> dimensions = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      String name = string("dimensions." + i, names.get(i));
      AnalyticsDimension dimension = AnalyticsDimension.byName(name);
      if (dimension == null) {
        throw bad("dimensions." + i + ": Unknown dimension '" + name + "'; see /analytics/meta");
      }
      if (dimensions.contains(dimension)) {
        throw bad("dimensions." + i + ": Duplicate dimension '" + name + "'");
      }
      dimensions.add(dimension);
    }
    return dimensions;
  }

  private static int range(String name, int value) throws RequestRejected {
    if (value < 1) {
      throw bad(name + ": Too small: expected number to be >=1");
    }
    if (value > MAX_LIMIT) {
      throw bad(name + ": Too big: expected number to be <=" + MAX_LIMIT);
    }
    return value;
  }

  /** The first field that limits the window to 31 days, or null. */
  private static String generationsOnly(
      List<AnalyticsMetric> metrics,
      List<AnalyticsDimension> dimensions,
      List<AnalyticsFilter> filters) {
    for (AnalyticsMetric metric : metrics) {
      if (metric.generationsOnly()) {
        return "metric " + metric.metricName();
      }
    }
    for (AnalyticsDimension dimension : dimensions) {
      if (dimension.generationsOnly()) {
        return "dimension " + dimension.dimensionName();
      }
    }
    for (AnalyticsFilter filter : filters) {
      if (filter.dimension().generationsOnly()) {
        return "a filter on " + filter.dimension().dimensionName();
      }
    }
    return null;
  }

  private static List<String> names(Granularity[] values) {
    List<String> names = new ArrayList<>();
    for (Granularity g : values) {
      names.add(g.granularityName());
    }
    return names;
  }

  static RequestRejected bad(String message) {
    return QueryIssues.bad(message);
  }
}
