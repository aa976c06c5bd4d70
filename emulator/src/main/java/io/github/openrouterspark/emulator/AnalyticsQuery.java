package io.github.openrouterspark.emulator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * The body of {@code POST /analytics/query}, member for member, for {@link
 * AnalyticsLog#query(AnalyticsQuery)}. Absent members are {@code null} (lists: empty), and take the
 * endpoint's defaults. Nothing is validated here: the log validates exactly as the endpoint does.
 *
 * <pre>{@code
 * AnalyticsQuery.of("request_count", "total_usage")
 *     .withDimensions("model")
 *     .withGranularity("day")
 *     .withTimeRange(Instant.parse("2026-05-01T00:00:00Z"), Instant.parse("2026-05-08T00:00:00Z"))
 *     .withFilters(new AnalyticsQuery.Filter("api_key_id", "eq", 1234567.0))
 *     .withOrderBy("total_usage", "desc")
 *     .withLimit(100);
 * }</pre>
 *
 * @param granularity {@code minute}, {@code hour}, {@code day}, {@code week}, {@code month}, or
 *     null for totals over the window
 * @param timeRange null for the last 7 days
 * @param limit null for the default, 1000
 * @param groupLimit null for none (rows per dimension combination)
 */
public record AnalyticsQuery(
    List<String> metrics,
    List<String> dimensions,
    List<Filter> filters,
    String granularity,
    TimeRange timeRange,
    OrderBy orderBy,
    Integer limit,
    Integer groupLimit) {

  public AnalyticsQuery {
    metrics = copy(metrics);
    dimensions = copy(dimensions);
    filters = copy(filters);
  }

  /** A query for {@code metrics} with every other member absent. */
  public static AnalyticsQuery of(String... metrics) {
    return new AnalyticsQuery(List.of(metrics), List.of(), List.of(), null, null, null, null, null);
  }

  public AnalyticsQuery withDimensions(String... dimensions) {
    return new AnalyticsQuery(
        metrics, List.of(dimensions), filters, granularity, timeRange, orderBy, limit, groupLimit);
  }

  public AnalyticsQuery withFilters(Filter... filters) {
    return new AnalyticsQuery(
        metrics, dimensions, List.of(filters), granularity, timeRange, orderBy, limit, groupLimit);
  }

  public AnalyticsQuery withGranularity(String granularity) {
    return new AnalyticsQuery(
        metrics, dimensions, filters, granularity, timeRange, orderBy, limit, groupLimit);
  }

  public AnalyticsQuery withTimeRange(Instant start, Instant end) {
    return new AnalyticsQuery(
        metrics,
        dimensions,
        filters,
        granularity,
        new TimeRange(start, end),
        orderBy,
        limit,
        groupLimit);
  }

  public AnalyticsQuery withOrderBy(String field, String direction) {
    return new AnalyticsQuery(
        metrics,
        dimensions,
        filters,
        granularity,
        timeRange,
        new OrderBy(field, direction),
        limit,
        groupLimit);
  }

  public AnalyticsQuery withLimit(Integer limit) {
    return new AnalyticsQuery(
        metrics, dimensions, filters, granularity, timeRange, orderBy, limit, groupLimit);
  }

  public AnalyticsQuery withGroupLimit(Integer groupLimit) {
    return new AnalyticsQuery(
        metrics, dimensions, filters, granularity, timeRange, orderBy, limit, groupLimit);
  }

  /**
   * One filter; filters are ANDed.
   *
   * @param value a String, a Number (compared as a double, as JSON numbers are), or for {@code in}
   *     and {@code not_in} a List of those
   * @param includeUnset for {@code in}/{@code not_in}: whether generations without a value match
   */
  public record Filter(String field, String operator, Object value, Boolean includeUnset) {
    public Filter(String field, String operator, Object value) {
      this(field, operator, value, null);
    }
  }

  /** {@code [start, end)}. */
  public record TimeRange(Instant start, Instant end) {
    public TimeRange {
      Objects.requireNonNull(start, "start");
      Objects.requireNonNull(end, "end");
    }
  }

  /**
   * @param direction {@code asc} or {@code desc}
   */
  public record OrderBy(String field, String direction) {}

  private static <T> List<T> copy(List<T> list) {
    // Nulls inside are kept so validation can report them; List.copyOf would throw.
    return list == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(list));
  }
}
