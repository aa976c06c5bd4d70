package io.github.openrouterspark.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.util.Optional;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.sources.And;
import org.apache.spark.sql.sources.EqualNullSafe;
import org.apache.spark.sql.sources.EqualTo;
import org.apache.spark.sql.sources.Filter;
import org.apache.spark.sql.sources.GreaterThan;
import org.apache.spark.sql.sources.GreaterThanOrEqual;
import org.apache.spark.sql.sources.In;
import org.apache.spark.sql.sources.IsNotNull;
import org.apache.spark.sql.sources.IsNull;
import org.apache.spark.sql.sources.LessThan;
import org.apache.spark.sql.sources.LessThanOrEqual;
import org.apache.spark.sql.sources.Not;
import org.apache.spark.sql.sources.Or;

/**
 * Spark's V1 filters as Columns, for {@link CatalogTableRelation}. A filter converts exactly or not
 * at all: dropping part of one (say one side of an And under a Not) could drop rows it matches.
 */
final class V1Filters {
  private V1Filters() {}

  static Optional<Column> toColumn(Filter filter) {
    if (filter instanceof EqualTo f) {
      return Optional.of(col(f.attribute()).equalTo(lit(f.value())));
    } else if (filter instanceof EqualNullSafe f) {
      return Optional.of(col(f.attribute()).eqNullSafe(lit(f.value())));
    } else if (filter instanceof GreaterThan f) {
      return Optional.of(col(f.attribute()).gt(lit(f.value())));
    } else if (filter instanceof GreaterThanOrEqual f) {
      return Optional.of(col(f.attribute()).geq(lit(f.value())));
    } else if (filter instanceof LessThan f) {
      return Optional.of(col(f.attribute()).lt(lit(f.value())));
    } else if (filter instanceof LessThanOrEqual f) {
      return Optional.of(col(f.attribute()).leq(lit(f.value())));
    } else if (filter instanceof In f) {
      return Optional.of(col(f.attribute()).isin(f.values()));
    } else if (filter instanceof IsNull f) {
      return Optional.of(col(f.attribute()).isNull());
    } else if (filter instanceof IsNotNull f) {
      return Optional.of(col(f.attribute()).isNotNull());
    } else if (filter instanceof And f) {
      return toColumn(f.left()).flatMap(l -> toColumn(f.right()).map(l::and));
    } else if (filter instanceof Or f) {
      return toColumn(f.left()).flatMap(l -> toColumn(f.right()).map(l::or));
    } else if (filter instanceof Not f) {
      return toColumn(f.child()).map(functions::not);
    }
    return Optional.empty();
  }
}
