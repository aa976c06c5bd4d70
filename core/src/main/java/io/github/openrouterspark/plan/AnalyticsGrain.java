package io.github.openrouterspark.plan;

import java.io.Serializable;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What one row of the analytics table aggregates: one time bucket of {@code granularity} (the whole
 * time range when null) and one combination of {@code dimensions}. The grain is fixed when the
 * table is defined, so its rows never depend on the columns a query reads: pruning drops columns,
 * never grouping.
 *
 * @param dimensions at most {@link #MAX_DIMENSIONS}, as the options list them (and the requests
 *     send them)
 */
public record AnalyticsGrain(AnalyticsGranularity granularity, List<String> dimensions)
    implements Serializable {
  /** The API groups by at most two dimensions per query (API contract §5). */
  public static final int MAX_DIMENSIONS = 2;

  /** The name of the time key among a GROUP BY's keys. */
  public static final String TIME = "date";

  public static final AnalyticsGrain TOTALS = new AnalyticsGrain(null, List.of());

  public AnalyticsGrain {
    dimensions = List.copyOf(dimensions);
    if (dimensions.size() > MAX_DIMENSIONS
        || dimensions.stream().distinct().count() != dimensions.size()) {
      throw new IllegalArgumentException(
          "at most " + MAX_DIMENSIONS + " distinct dimensions: " + dimensions);
    }
  }

  public boolean isTimeSeries() {
    return granularity != null;
  }

  /**
   * The grain of a GROUP BY over {@code keys} ({@link #TIME} or dimensions of this grain), or empty
   * when a key is not part of this grain: only a coarser grouping can be asked of the API instead
   * of this grain's rows.
   */
  public Optional<AnalyticsGrain> coarsen(Collection<String> keys) {
    for (String key : keys) {
      if (!(key.equals(TIME) ? isTimeSeries() : dimensions.contains(Objects.requireNonNull(key)))) {
        return Optional.empty();
      }
    }
    return Optional.of(
        new AnalyticsGrain(
            keys.contains(TIME) ? granularity : null,
            dimensions.stream().filter(keys::contains).toList()));
  }

  @Override
  public String toString() {
    return (granularity == null ? "totals" : granularity.apiName()) + " by " + dimensions;
  }
}
