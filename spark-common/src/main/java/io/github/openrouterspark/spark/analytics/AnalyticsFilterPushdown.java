package io.github.openrouterspark.spark.analytics;

import io.github.openrouterspark.api.AnalyticsMeta;
import io.github.openrouterspark.api.AnalyticsQueryBody;
import io.github.openrouterspark.plan.AnalyticsGranularity;
import io.github.openrouterspark.spark.pushdown.AnalyticsPredicates;
import io.github.openrouterspark.spark.pushdown.AnalyticsPredicates.TimeBounds;
import io.github.openrouterspark.spark.pushdown.References;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.spark.sql.connector.expressions.filter.Predicate;

/**
 * The filters an analytics scan pushes: comparisons of one dimension column with strings become API
 * filters (up to the API's 20; not the labelled dimensions, which show names but filter by ids),
 * bounds on {@code date} become the time range. Everything else stays with Spark.
 */
final class AnalyticsFilterPushdown {
  private final AnalyticsSchema schema;
  private final AnalyticsMeta meta;
  private final AnalyticsGranularity granularity;
  private final List<AnalyticsQueryBody.Filter> filters = new ArrayList<>();
  private TimeBounds dateBounds = TimeBounds.ALL;

  AnalyticsFilterPushdown(AnalyticsSchema schema, AnalyticsGranularity granularity) {
    this.schema = schema;
    this.meta = schema.meta();
    this.granularity = granularity;
  }

  List<AnalyticsQueryBody.Filter> filters() {
    return List.copyOf(filters);
  }

  /** The bucket starts the pushed (or, without filter pushdown, the given) date bounds keep. */
  TimeBounds dateBounds() {
    return dateBounds;
  }

  /** Whether {@code p} was pushed exactly, as an API filter or as the time range. */
  boolean push(Predicate p) {
    Set<String> columns = References.columns(p);
    if (columns.size() != 1) {
      return false;
    }
    AnalyticsColumn column = schema.column(columns.iterator().next());
    if (column == null) {
      return false;
    }
    if (column.kind() == AnalyticsColumn.Kind.DATE) {
      Optional<TimeBounds> bounds = AnalyticsPredicates.timeBounds(p, column.name(), granularity);
      bounds.ifPresent(b -> dateBounds = dateBounds.intersect(b));
      return bounds.isPresent();
    }
    if (column.kind() != AnalyticsColumn.Kind.DIMENSION
        || AnalyticsColumn.LABELLED_DIMENSIONS.contains(column.name())
        || filters.size() >= AnalyticsQueryBody.MAX_FILTERS) {
      return false;
    }
    Optional<AnalyticsQueryBody.Filter> filter =
        AnalyticsPredicates.filter(p, column.name(), meta::hasOperator);
    filter.ifPresent(filters::add);
    return filter.isPresent();
  }

  /**
   * With {@code pushDownFilters=false}, date predicates still choose the time range (Spark then
   * filters the rows again); otherwise a query for last month would silently read the default last
   * 7 days and return nothing.
   */
  void narrowByDate(Predicate p) {
    Set<String> columns = References.columns(p);
    AnalyticsColumn column = columns.size() == 1 ? schema.column(columns.iterator().next()) : null;
    if (column != null && column.kind() == AnalyticsColumn.Kind.DATE) {
      AnalyticsPredicates.timeBounds(p, column.name(), granularity)
          .ifPresent(b -> dateBounds = dateBounds.intersect(b));
    }
  }

  /**
   * Spark adds {@code IS NOT NULL} beside every comparison. The date is never null, and an API
   * filter never matches an unset value, so either makes it true for every row returned.
   */
  boolean impliedNotNull(Predicate p) {
    AnalyticsColumn column = p.children().length == 1 ? schema.column(p.children()[0]) : null;
    return column != null
        && (column.kind() == AnalyticsColumn.Kind.DATE
            || filters.stream().anyMatch(f -> f.field().equals(column.name())));
  }
}
