package io.github.openrouterspark.spark.analytics;

import io.github.openrouterspark.plan.AnalyticsGrain;
import io.github.openrouterspark.plan.AnalyticsRollup;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.connector.expressions.Expression;
import org.apache.spark.sql.connector.expressions.aggregate.AggregateFunc;
import org.apache.spark.sql.connector.expressions.aggregate.Aggregation;
import org.apache.spark.sql.connector.expressions.aggregate.Sum;

/**
 * Spark's aggregation in API terms: {@code SUM} of summable metrics grouped by a subset of the
 * table's grain becomes one coarser query ({@link AnalyticsRollup}); anything else is not pushed.
 */
final class AnalyticsAggregationPushdown {
  private AnalyticsAggregationPushdown() {}

  /** The pushed rollup and its GROUP BY columns, as Spark orders them. */
  record Pushed(AnalyticsRollup rollup, List<AnalyticsColumn> keys) {}

  static Optional<Pushed> translate(
      Aggregation aggregation, AnalyticsSchema schema, AnalyticsGrain grain) {
    List<AnalyticsColumn> keyColumns = new ArrayList<>();
    List<String> keys = new ArrayList<>();
    for (Expression e : aggregation.groupByExpressions()) {
      AnalyticsColumn column = schema.column(e);
      if (column == null || column.isMetric()) {
        return Optional.empty();
      }
      keyColumns.add(column);
      keys.add(
          switch (column.kind()) {
            case DATE -> AnalyticsGrain.TIME;
            case USER_EMAIL -> "user"; // the API sends user_email with the user dimension
            default -> column.name();
          });
    }
    List<AnalyticsRollup.Aggregate> aggregates = new ArrayList<>();
    for (AggregateFunc f : aggregation.aggregateExpressions()) {
      AnalyticsColumn column = f instanceof Sum sum ? schema.column(sum.column()) : null;
      boolean metric = column != null && column.isMetric();
      aggregates.add(
          f instanceof Sum sum
              ? new AnalyticsRollup.Aggregate(
                  "SUM",
                  metric ? column.name() : null,
                  sum.isDistinct(),
                  metric && column.additive())
              : new AnalyticsRollup.Aggregate(
                  String.valueOf(f), null, false, false)); // never pushed
    }
    Optional<AnalyticsRollup> exact = AnalyticsRollup.of(grain, keys, aggregates);
    return exact.map(r -> new Pushed(r, List.copyOf(keyColumns)));
  }
}
