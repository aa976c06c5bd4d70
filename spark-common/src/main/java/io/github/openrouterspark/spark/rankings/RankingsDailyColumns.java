package io.github.openrouterspark.spark.rankings;

import io.github.openrouterspark.spark.read.AsOfColumn;
import io.github.openrouterspark.spark.read.ColumnSpec;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The rankings-daily table's columns, and which one a (possibly pruned) schema field is. The five
 * slice columns after the core three are key columns: each row carries the request parameters it
 * was read with (null: not sent), and {@code period} the grain the API applied.
 */
enum RankingsDailyColumns {
  DATE("date", DataTypes.DateType, false, "UTC day; the bucket's start for period week or month"),
  MODEL_PERMASLUG(
      "model_permaslug",
      DataTypes.StringType,
      false,
      "model permaslug, or 'other' for the long tail"),
  TOTAL_TOKENS(
      "total_tokens",
      new DecimalType(38, 0),
      false,
      "prompt + completion tokens, exact (an estimate with category or language_type)"),
  PERIOD(
      "period",
      DataTypes.StringType,
      true,
      "day, week or month: the grain the API applied (never null)"),
  MODALITY(
      "modality", DataTypes.StringType, true, "modality parameter, or null when not sliced by it"),
  CONTEXT_BUCKET(
      "context_bucket",
      DataTypes.StringType,
      true,
      "context_bucket parameter, or null when not sliced by it"),
  CATEGORY(
      "category",
      DataTypes.StringType,
      true,
      "use-case category parameter, or null when not sliced by it"),
  LANGUAGE_TYPE(
      "language_type",
      DataTypes.StringType,
      true,
      "language_type parameter, or null when not sliced by it"),
  AS_OF(
      AsOfColumn.NAME,
      DataTypes.TimestampType,
      false,
      "when OpenRouter generated the response (meta.as_of)");

  static final StructType SCHEMA = ColumnSpec.schema(values(), AS_OF, RankingsDailyColumns::spec);

  final String name;
  private final ColumnSpec spec;

  RankingsDailyColumns(String name, DataType type, boolean nullable, String comment) {
    this.name = name;
    this.spec = new ColumnSpec(name, type, nullable, comment);
  }

  ColumnSpec spec() {
    return spec;
  }

  StructField field() {
    return spec.field();
  }

  static RankingsDailyColumns byName(String name) {
    return ColumnSpec.byName(values(), RankingsDailyColumns::spec, name, "a rankings-daily");
  }
}
