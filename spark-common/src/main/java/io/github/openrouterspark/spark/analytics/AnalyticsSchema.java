package io.github.openrouterspark.spark.analytics;

import io.github.openrouterspark.api.AnalyticsMeta;
import io.github.openrouterspark.options.AnalyticsSelection;
import io.github.openrouterspark.options.InvalidOptionException;
import io.github.openrouterspark.plan.AnalyticsRollup;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.connector.expressions.Expression;
import org.apache.spark.sql.connector.expressions.NamedReference;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.MetadataBuilder;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The analytics table's columns, built from {@code /analytics/meta} and the grain the options
 * chose: {@code date} (with a granularity), one STRING column per dimension of the grain (with
 * {@code user}, also {@code user_email}), then one column per metric, BIGINT for counts and DOUBLE
 * for the rest. Each column's comment is the API's display label.
 */
final class AnalyticsSchema implements Serializable {
  private final List<AnalyticsColumn> columns;
  private final StructType struct;
  private final transient AnalyticsMeta meta;

  private AnalyticsSchema(List<AnalyticsColumn> columns, StructType struct, AnalyticsMeta meta) {
    this.columns = List.copyOf(columns);
    this.struct = struct;
    this.meta = meta;
  }

  /**
   * Fails with the known names when the options name a metric or dimension the API does not have.
   * The dimension columns are exactly the grain's: a column for every dimension would let a
   * projection choose the grouping, and so the rows.
   */
  static AnalyticsSchema of(AnalyticsMeta meta, AnalyticsSelection selection) {
    check("metrics", selection.metrics(), meta.metricNames(), name -> meta.metric(name) != null);
    check(
        "dimensions",
        selection.dimensions(),
        meta.dimensionNames(),
        name -> meta.dimension(name) != null);
    if (selection.granularity() != null
        && !meta.hasGranularity(selection.granularity().apiName())) {
      throw InvalidOptionException.badValue(
          "granularity",
          selection.granularity().apiName(),
          "this API offers " + meta.granularityNames());
    }
    List<AnalyticsColumn> columns = new ArrayList<>();
    List<StructField> fields = new ArrayList<>();
    if (selection.granularity() != null) {
      add(
          columns,
          fields,
          new AnalyticsColumn(AnalyticsColumn.DATE, AnalyticsColumn.Kind.DATE, false),
          false,
          "Start of the " + selection.granularity().apiName() + " bucket (UTC)");
    }
    for (AnalyticsMeta.Dimension d : meta.dimensions()) {
      if (selection.dimensions().contains(d.name())) {
        add(
            columns,
            fields,
            new AnalyticsColumn(d.name(), AnalyticsColumn.Kind.DIMENSION, false),
            true,
            d.displayLabel());
        if (d.name().equals("user")) {
          add(
              columns,
              fields,
              new AnalyticsColumn(
                  AnalyticsColumn.USER_EMAIL, AnalyticsColumn.Kind.USER_EMAIL, false),
              true,
              "User e-mail (with the user dimension)");
        }
      }
    }
    for (AnalyticsMeta.Metric m : meta.metrics()) {
      if (selection.metrics().isEmpty() || selection.metrics().contains(m.name())) {
        AnalyticsColumn.Kind kind =
            m.isCount() ? AnalyticsColumn.Kind.COUNT : AnalyticsColumn.Kind.MEASURE;
        boolean summable = AnalyticsRollup.summable(m.isRate(), m.displayFormat());
        add(
            columns,
            fields,
            new AnalyticsColumn(m.name(), kind, summable),
            true,
            m.displayLabel() + " (" + m.displayFormat() + (m.isRate() ? ", rate" : "") + ")");
      }
    }
    return new AnalyticsSchema(columns, new StructType(fields.toArray(new StructField[0])), meta);
  }

  private static void add(
      List<AnalyticsColumn> columns,
      List<StructField> fields,
      AnalyticsColumn column,
      boolean nullable,
      String comment) {
    if (columns.stream().anyMatch(c -> c.name().equals(column.name()))) {
      return; // a dimension named like a metric would be ambiguous; the first wins
    }
    columns.add(column);
    Metadata metadata = new MetadataBuilder().putString("comment", comment).build();
    fields.add(new StructField(column.name(), column.type(), nullable, metadata));
  }

  private static void check(
      String option,
      List<String> names,
      String known,
      java.util.function.Predicate<String> exists) {
    List<String> unknown = names.stream().filter(n -> !exists.test(n)).toList();
    if (!unknown.isEmpty()) {
      throw new InvalidOptionException(
          "Option '"
              + option
              + "' names "
              + unknown
              + ", which /analytics/meta does"
              + " not list. Known "
              + option
              + ": "
              + known
              + ".");
    }
  }

  StructType struct() {
    return struct;
  }

  List<AnalyticsColumn> columns() {
    return columns;
  }

  /** The column named {@code name} (any case), or null. */
  /** The column a single-name reference names, or null for anything else. */
  AnalyticsColumn column(Expression e) {
    return e instanceof NamedReference ref && ref.fieldNames().length == 1
        ? column(ref.fieldNames()[0])
        : null;
  }

  AnalyticsColumn column(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    return columns.stream()
        .filter(c -> c.name().toLowerCase(Locale.ROOT).equals(lower))
        .findFirst()
        .orElse(null);
  }

  /** The metadata this schema was built from (driver only). */
  AnalyticsMeta meta() {
    return meta;
  }

  static StructType metaTableSchema() {
    return new StructType()
        .add("kind", DataTypes.StringType, false)
        .add("name", DataTypes.StringType, false)
        .add("display_label", DataTypes.StringType, true)
        .add("display_format", DataTypes.StringType, true)
        .add("is_rate", DataTypes.BooleanType, true)
        .add("value_type", DataTypes.StringType, true);
  }
}
