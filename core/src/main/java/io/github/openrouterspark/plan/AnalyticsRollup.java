package io.github.openrouterspark.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An aggregate query over the analytics table that the API answers exactly with one coarser query:
 * {@code SUM} of summable metrics grouped by a subset of the table's grain. A SUM over the grain's
 * rows of a group equals the API's total for that group, because the rows partition the group's
 * generations. Anything else (COUNT, MIN, MAX, AVG, DISTINCT, a SUM of a rate, average or
 * percentile) depends on how many grain rows there are and what each holds, which a coarser query
 * cannot tell; those stay with Spark over the grain's rows.
 *
 * @param grain the grain to request: the GROUP BY keys
 * @param sums the summed metrics, in the aggregate's order (repeats allowed)
 */
public record AnalyticsRollup(AnalyticsGrain grain, List<String> sums) {
  public AnalyticsRollup {
    sums = List.copyOf(sums);
  }

  /**
   * One aggregate function of the query.
   *
   * @param function Spark's name for it: {@code SUM}, {@code COUNT}, {@code MIN}, ...
   * @param metric the metric it reads; null when it reads no column or something else
   * @param summable whether the metric's values over disjoint groups add up (counts, currency)
   */
  public record Aggregate(String function, String metric, boolean distinct, boolean summable) {}

  /**
   * The rollup of {@code aggregates} grouped by {@code keys} over {@code table}, or empty when not
   * exact.
   */
  public static Optional<AnalyticsRollup> of(
      AnalyticsGrain table, List<String> keys, List<Aggregate> aggregates) {
    List<String> sums = new ArrayList<>();
    for (Aggregate a : aggregates) {
      if (!a.function().equals("SUM") || a.distinct() || a.metric() == null || !a.summable()) {
        return Optional.empty();
      }
      sums.add(a.metric());
    }
    return table.coarsen(keys).map(grain -> new AnalyticsRollup(grain, sums));
  }

  /** Whether the API's metric adds up over disjoint groups: a count or an amount, not a rate. */
  public static boolean summable(boolean isRate, String displayFormat) {
    return !isRate && ("number".equals(displayFormat) || "currency".equals(displayFormat));
  }
}
