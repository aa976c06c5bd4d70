package io.github.openrouterspark.emulator;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Validates an {@link AnalyticsQuery} and resolves its defaults, per docs/api-contract.md §5. The first
 * problem found is the 400; messages follow the one the real API is known to send, zod's {@code
 * "dimensions: Too big: expected array to have <=2 items"}: a dotted path, then the issue. The
 * messages for rules the spec leaves to prose (unknown names, caps) are the emulator's own.
 *
 * <p>Rules beyond the OpenAPI schema: metric, dimension, operator and granularity names must be
 * those of {@code /analytics/meta}, without repeats; a filter value must be an array for {@code
 * in}/{@code not_in} and a scalar otherwise; {@code app} and {@code api_key_id} take numeric ids
 * ({@code api_key_id} also a key's 64-hex hash; an unknown hash is a warning and matches nothing);
 * {@code time_range.start} before {@code end} (default: the 7 days before now); {@code limit} and
 * {@code group_limit} 1-10000; {@code order_by.field} a requested metric, {@code request_count},
 * a requested dimension or {@code date} (only with a granularity); windows of at most 365 days,
 * 31 when a latency/throughput metric, a 31-day usage part or a per-generation dimension (grouped
 * or filtered) is involved, and 3 hours for minute buckets.
 */
final class AnalyticsPlanner {
  static final int DEFAULT_LIMIT = 1_000;
  static final int MAX_LIMIT = 10_000;
  static final int MAX_DIMENSIONS = 2;
  static final int MAX_FILTERS = 20;
  static final Duration DEFAULT_WINDOW = Duration.ofDays(7);
  static final Duration MAX_WINDOW = Duration.ofDays(365);
  static final Duration MAX_GENERATIONS_WINDOW = Duration.ofDays(31);

  private static final Pattern DIGITS = Pattern.compile("[0-9]+");
  private static final Pattern KEY_HASH = Pattern.compile("[0-9a-fA-F]{64}");

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
    List<AnalyticsFilter> filters = filters(query.filters(), keyIdsByHash, warnings);

    Granularity granularity = null;
    if (query.granularity() != null) {
      granularity = Granularity.byName(query.granularity());
      if (granularity == null) {
        throw bad("granularity: Invalid option: expected one of " + quoted(names(Granularity.values())));
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

    AnalyticsPlan.Order order = order(query.orderBy(), metrics, dimensions, granularity);

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
        query.limit() == null && query.groupLimit() == null && granularity != null && !dimensions.isEmpty();
    return new AnalyticsPlan(
        metrics, dimensions, filters, granularity, start, end, order, limit, raisable, groupLimit,
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

  private static List<AnalyticsFilter> filters(
      List<AnalyticsQuery.Filter> filters, Map<String, Long> keyIdsByHash, List<String> warnings)
      throws RequestRejected {
    if (filters.size() > MAX_FILTERS) {
      throw bad("filters: Too big: expected array to have <=" + MAX_FILTERS + " items");
    }
    List<AnalyticsFilter> compiled = new ArrayList<>();
    for (int i = 0; i < filters.size(); i++) {
      String at = "filters." + i;
      AnalyticsQuery.Filter filter = filters.get(i);
      if (filter == null) {
        throw bad(at + ": Invalid input: expected object, received null");
      }
      String field = string(at + ".field", filter.field());
      AnalyticsDimension dimension = AnalyticsDimension.byName(field);
      if (dimension == null) {
        throw bad(at + ".field: Unknown dimension '" + field + "'; filters apply to dimensions");
      }
      String operator = string(at + ".operator", filter.operator());
      AnalyticsFilter.Op op = AnalyticsFilter.Op.byName(operator);
      if (op == null) {
        throw bad(at + ".operator: Invalid option: expected one of " + quoted(opNames()));
      }
      Object value = filter.value();
      if (value == null) {
        throw bad(at + ".value: Invalid input: expected string, number or array, received null");
      }
      List<Object> raw;
      if (value instanceof List<?> list) {
        if (!op.array) {
          throw bad(at + ".value: Operator '" + operator + "' takes a single value, not an array");
        }
        raw = new ArrayList<>(list);
      } else {
        if (op.array) {
          throw bad(at + ".value: Operator '" + operator + "' takes an array of values");
        }
        raw = List.of(value);
      }
      List<Object> values = new ArrayList<>();
      for (int j = 0; j < raw.size(); j++) {
        String where = at + ".value" + (op.array ? "." + j : "");
        values.add(value(where, dimension, raw.get(j), keyIdsByHash, warnings));
      }
      boolean includeUnset = Boolean.TRUE.equals(filter.includeUnset());
      compiled.add(new AnalyticsFilter(dimension, op, values, includeUnset));
    }
    return compiled;
  }

  private static Object value(
      String where, AnalyticsDimension dimension, Object value, Map<String, Long> keyIdsByHash,
      List<String> warnings) throws RequestRejected {
    if (!(value instanceof String) && !(value instanceof Number)) {
      throw bad(where + ": Invalid input: expected string or number, received " + JsonTypes.name(value));
    }
    if (!dimension.numericId()) {
      return value instanceof Number n ? JsonTypes.javaScriptString(n.doubleValue()) : value;
    }
    if (value instanceof Number n) {
      return n.doubleValue();
    }
    String text = (String) value;
    // A hash first: 64 hex digits may all be decimal digits, but no id is that long.
    if (dimension == AnalyticsDimension.API_KEY_ID && KEY_HASH.matcher(text).matches()) {
      Long id = keyIdsByHash.get(text.toLowerCase(Locale.ROOT));
      if (id == null) {
        warnings.add("Could not resolve api_key_id hash: " + text.substring(0, 12) + "...");
        return AnalyticsFilter.UNRESOLVED;
      }
      return id;
    }
    if (DIGITS.matcher(text).matches()) {
      try {
        return Long.parseLong(text);
      } catch (NumberFormatException tooBig) {
        return AnalyticsFilter.UNRESOLVED; // beyond any id
      }
    }
    throw bad(
        where + ": " + dimension.dimensionName() + " filters take numeric IDs"
            + (dimension == AnalyticsDimension.API_KEY_ID ? " or 64-character key hashes" : "")
            + ", not labels: got '" + text + "'");
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

  private static AnalyticsPlan.Order order(
      AnalyticsQuery.OrderBy orderBy, List<AnalyticsMetric> metrics,
      List<AnalyticsDimension> dimensions, Granularity granularity) throws RequestRejected {
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
        "order_by.field: '" + field + "' is not a requested metric, request_count, a requested"
            + " dimension or date");
  }

  /** The first field that limits the window to 31 days, or null. */
  private static String generationsOnly(
      List<AnalyticsMetric> metrics, List<AnalyticsDimension> dimensions,
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

  private static String string(String where, Object value) throws RequestRejected {
    if (value instanceof String s) {
      return s;
    }
    throw bad(where + ": Invalid input: expected string, received " + JsonTypes.name(value));
  }

  private static List<String> names(Granularity[] values) {
    List<String> names = new ArrayList<>();
    for (Granularity g : values) {
      names.add(g.granularityName());
    }
    return names;
  }

  private static List<String> opNames() {
    List<String> names = new ArrayList<>();
    for (AnalyticsFilter.Op op : AnalyticsFilter.Op.values()) {
      names.add(op.opName());
    }
    return names;
  }

  /** {@code "a"|"b"|"c"}, as zod lists the options of an enum. */
  private static String quoted(List<String> names) {
    return String.join("|", names.stream().map(n -> '"' + n + '"').toList());
  }

  static RequestRejected bad(String message) {
    return new RequestRejected(ApiError.badRequest(message));
  }
}
