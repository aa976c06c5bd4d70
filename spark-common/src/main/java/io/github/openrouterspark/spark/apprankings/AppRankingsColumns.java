package io.github.openrouterspark.spark.apprankings;

import io.github.openrouterspark.spark.read.AsOfColumn;
import io.github.openrouterspark.spark.read.ColumnSpec;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/** The app-rankings table's columns, and which one a (possibly pruned) schema field is. */
enum AppRankingsColumns {
  START_DATE(
      "start_date",
      DataTypes.DateType,
      false,
      "first day of the ranking's window (meta.start_date)"),
  END_DATE(
      "end_date", DataTypes.DateType, false, "last day of the ranking's window (meta.end_date)"),
  SORT(
      "sort",
      DataTypes.StringType,
      false,
      "popular (window volume) or trending (excess over the 3 prior periods)"),
  CATEGORY(
      "category",
      DataTypes.StringType,
      true,
      "marketplace category group, or null when not filtered by it"),
  SUBCATEGORY(
      "subcategory",
      DataTypes.StringType,
      true,
      "marketplace subcategory, or null when not filtered by it"),
  RANK("rank", DataTypes.IntegerType, false, "absolute rank, 1-based (at most 200 are reachable)"),
  APP_ID("app_id", DataTypes.LongType, false, "stable numeric app id"),
  APP_NAME("app_name", DataTypes.StringType, false, "app display name"),
  TOTAL_REQUESTS("total_requests", DataTypes.LongType, false, "requests in the window"),
  TOTAL_TOKENS(
      "total_tokens",
      new DecimalType(38, 0),
      false,
      "prompt + completion tokens in the window, exact"),
  AS_OF(AsOfColumn.NAME, DataTypes.TimestampType, false, "metadata column: meta.as_of");

  static final StructType SCHEMA = ColumnSpec.schema(values(), AS_OF, AppRankingsColumns::spec);

  final String name;
  private final ColumnSpec spec;

  AppRankingsColumns(String name, DataType type, boolean nullable, String comment) {
    this.name = name;
    this.spec = new ColumnSpec(name, type, nullable, comment);
  }

  ColumnSpec spec() {
    return spec;
  }

  StructField field() {
    return spec.field();
  }

  static AppRankingsColumns byName(String name) {
    return ColumnSpec.byName(values(), AppRankingsColumns::spec, name, "an app-rankings");
  }
}
