package io.github.openrouterspark.options;

import io.github.openrouterspark.plan.AnalyticsGrain;
import io.github.openrouterspark.plan.AnalyticsGranularity;
import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the analytics options choose: the grain of the table's rows (the granularity, null for
 * totals, and at most two dimensions, none for rows over every dimension value), the time range
 * when given, and the metric names that restrict the schema (empty for all). The names are checked
 * here for shape and number only; the connector checks them against {@code /analytics/meta} when it
 * resolves the schema.
 */
public record AnalyticsSelection(
    AnalyticsGranularity granularity,
    Optional<Instant> startTime,
    Optional<Instant> endTime,
    List<String> metrics,
    List<String> dimensions)
    implements Serializable {

  public static final AnalyticsSelection NONE =
      new AnalyticsSelection(null, Optional.empty(), Optional.empty(), List.of(), List.of());

  public AnalyticsSelection {
    metrics = List.copyOf(metrics);
    dimensions = List.copyOf(dimensions);
  }

  /** What one row aggregates: fixed here, so that no query's projection can change it. */
  public AnalyticsGrain grain() {
    return new AnalyticsGrain(granularity, dimensions);
  }

  /** The same selection over {@code [start, end)}. */
  public AnalyticsSelection withTimeRange(Instant start, Instant end) {
    return new AnalyticsSelection(
        granularity, Optional.of(start), Optional.of(end), metrics, dimensions);
  }

  /** The options must apply to {@code dataset} ({@link OptionMap#requireApplicable}). */
  static AnalyticsSelection parse(DatasetName dataset, OptionMap map) {
    if (dataset != DatasetName.ANALYTICS) {
      return NONE;
    }
    AnalyticsGranularity granularity =
        map.get(ReaderOption.GRANULARITY)
            .map(
                v -> {
                  AnalyticsGranularity g = AnalyticsGranularity.parse(v);
                  if (g == null) {
                    throw InvalidOptionException.badValue(
                        ReaderOption.GRANULARITY.key(),
                        v,
                        "expected one of " + AnalyticsGranularity.known());
                  }
                  return g;
                })
            .orElse(null);
    Optional<Instant> start = map.parsed(ReaderOption.START_TIME, Instant.class);
    Optional<Instant> end = map.parsed(ReaderOption.END_TIME, Instant.class);
    if (start.isPresent() && end.isPresent() && !start.get().isBefore(end.get())) {
      throw new InvalidOptionException(
          "Option 'startTime' ("
              + start.get()
              + ") is not before option 'endTime' ("
              + end.get()
              + "): the time range is [startTime, endTime) and must not be empty.");
    }
    List<String> dimensions = names(map, ReaderOption.DIMENSIONS);
    if (dimensions.size() > AnalyticsGrain.MAX_DIMENSIONS) {
      throw InvalidOptionException.badValue(
          ReaderOption.DIMENSIONS.key(),
          map.get(ReaderOption.DIMENSIONS).get(),
          "it names "
              + dimensions.size()
              + " dimensions, but a row groups by at most "
              + AnalyticsGrain.MAX_DIMENSIONS
              + " (the API's limit per query); expected 1 or 2 comma-separated names from analytics-meta, such as"
              + " model or model,provider (a coarser GROUP BY over them is pushed down as one request)");
    }
    return new AnalyticsSelection(
        granularity, start, end, names(map, ReaderOption.METRICS), dimensions);
  }

  private static List<String> names(OptionMap map, ReaderOption option) {
    return map.get(option)
        .map(
            v -> {
              List<String> names = new ArrayList<>();
              for (String part : v.split(",")) {
                String name = part.strip();
                if (!name.matches("[a-z0-9_]+")) {
                  throw InvalidOptionException.badValue(
                      option.key(),
                      v,
                      "expected comma-separated names such as request_count,total_usage (lowercase letters, digits, _)");
                }
                if (!names.contains(name)) {
                  names.add(name);
                }
              }
              return names;
            })
        .orElse(List.of());
  }
}
