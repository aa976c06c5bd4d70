package io.github.openrouterspark.spark.analytics;

import io.github.openrouterspark.api.AnalyticsQueryBody;
import io.github.openrouterspark.options.AnalyticsSelection;
import io.github.openrouterspark.options.InvalidOptionException;
import io.github.openrouterspark.plan.AnalyticsCaps;
import io.github.openrouterspark.plan.AnalyticsGrain;
import io.github.openrouterspark.plan.AnalyticsGranularity;
import io.github.openrouterspark.plan.AnalyticsWindowPlanner;
import io.github.openrouterspark.plan.TimeWindow;
import io.github.openrouterspark.spark.pushdown.AnalyticsPredicates.TimeBounds;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The requests of an analytics read, from what the scan builder gathered (the options' time range,
 * the pushed date bounds, filters, rollup, order and limit): plain Java, no Spark, so every rule of
 * the plan is unit-tested on its own (AnalyticsRequestPlannerTest).
 */
final class AnalyticsRequestPlanner {
  /** Rows of a default range: the API's own default is the last 7 days. */
  static final Duration DEFAULT_RANGE = Duration.ofDays(7);

  private AnalyticsRequestPlanner() {}

  /** What a read sends: one body per window, all made from one template. */
  record Plan(AnalyticsQueryBody template, List<TimeWindow> windows, Duration cap) {
    static Plan nothingToRead(Duration cap) {
      return new Plan(null, List.of(), cap);
    }

    List<AnalyticsQueryBody> bodies() {
      return windows.stream().map(w -> template.over(w.start(), w.end())).toList();
    }

    /** The plan's EXPLAIN facts: grain, windows, planned requests and the body's parts. */
    String describe(AnalyticsGrain grain) {
      String shown =
          windows.stream().limit(4).map(TimeWindow::toString).collect(Collectors.joining(", "));
      if (windows.size() > 4) {
        shown += ", … " + (windows.size() - 4) + " more";
      }
      return "Grain: "
          + grain
          + ", Windows: ["
          + shown
          + "] (at most "
          + (cap.toHours() < 24 ? cap.toHours() + " h" : cap.toDays() + " days")
          + " each)"
          + ", PlannedRequests: "
          + windows.size()
          + " (more only if the API truncates a window)"
          + (template == null
              ? ""
              : ", Metrics: "
                  + template.metrics()
                  + ", Dimensions: "
                  + template.dimensions()
                  + ", Granularity: "
                  + (template.granularity() == null ? "none (totals)" : template.granularity())
                  + ", ApiFilters: "
                  + template.filters().stream()
                      .map(f -> f.field() + " " + f.operator() + " " + f.value())
                      .toList()
                  + ", OrderBy: "
                  + (template.orderBy() == null
                      ? "none"
                      : template.orderBy().field()
                          + (template.orderBy().descending() ? " desc" : " asc"))
                  + ", Limit: "
                  + template.limit());
    }
  }

  /** What the pushdown decided, in API terms. */
  record Request(
      AnalyticsGrain grain,
      Map<String, String> metricFormats,
      List<AnalyticsQueryBody.Filter> filters,
      AnalyticsQueryBody.OrderBy orderBy,
      Integer limit,
      boolean partialSums) {}

  /**
   * The time range to read, or null when the predicates leave nothing: the options' range narrowed
   * by the pushed date bounds; without an end, now (to the second; for a time series, the end of
   * the current, live bucket); without a start, {@link #DEFAULT_RANGE} before the end.
   */
  static TimeWindow range(
      AnalyticsSelection selection,
      TimeBounds dateBounds,
      AnalyticsGranularity granularity,
      Clock clock) {
    Instant end = selection.endTime().orElse(null);
    if (dateBounds.end() != null && (end == null || dateBounds.end().isBefore(end))) {
      end = dateBounds.end();
    }
    if (end == null) {
      Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
      end = granularity == null ? now : granularity.ceil(now);
    }
    Instant start = selection.startTime().orElse(null);
    if (dateBounds.start() != null && (start == null || dateBounds.start().isAfter(start))) {
      start = dateBounds.start();
    }
    if (start == null) {
      start = end.minus(DEFAULT_RANGE);
      if (granularity != null) {
        start = granularity.floor(start);
      }
    }
    return start.isBefore(end) ? new TimeWindow(start, end) : null;
  }

  /**
   * The windows the API's caps allow for {@code request} over {@code range} (null: nothing to
   * read), and the body each sends. Totals (no granularity) over more than one window fail, unless
   * they are partial sums Spark adds up: totals of every metric cannot be added.
   */
  static Plan plan(Request request, TimeWindow range) {
    AnalyticsGrain grain = request.grain();
    AnalyticsGranularity granularity = grain.granularity();
    Set<String> filtered =
        request.filters().stream()
            .map(AnalyticsQueryBody.Filter::field)
            .collect(Collectors.toSet());
    Set<String> limiting = new LinkedHashSet<>(grain.dimensions());
    limiting.addAll(filtered);
    Duration cap = AnalyticsCaps.cap(granularity, request.metricFormats(), limiting);
    if (range == null) {
      return Plan.nothingToRead(cap);
    }
    List<TimeWindow> windows =
        AnalyticsWindowPlanner.plan(range.start(), range.end(), granularity, cap);
    if (granularity == null && windows.size() > 1 && !request.partialSums()) {
      String why = AnalyticsCaps.reason(request.metricFormats(), limiting);
      throw new InvalidOptionException(
          "This analytics query asks for totals (no granularity option) over "
              + range
              + ", longer than one query may cover ("
              + cap.toDays()
              + " days"
              + (why == null ? "" : ", because of the " + why)
              + "), and totals of every metric cannot be added up"
              + " across windows. Set the granularity option (e.g. month), narrow startTime/endTime, or use SUM(...)"
              + " GROUP BY, which is pushed down and adds up windows exactly.");
    }
    // A time series by dimensions needs the API's group limit, or it keeps only the top groups.
    Integer groupLimit =
        grain.isTimeSeries() && !grain.dimensions().isEmpty() ? AnalyticsQueryBody.MAX_LIMIT : null;
    AnalyticsQueryBody template =
        new AnalyticsQueryBody(
            List.copyOf(request.metricFormats().keySet()),
            grain.dimensions(),
            request.filters(),
            granularity == null ? null : granularity.apiName(),
            range.start(),
            range.end(),
            request.orderBy(),
            request.limit() != null ? request.limit() : AnalyticsQueryBody.MAX_LIMIT,
            groupLimit);
    return new Plan(template, windows, cap);
  }
}
