package io.github.openrouterspark.spark;

import org.apache.spark.sql.connector.catalog.MetadataColumn;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/** The rankings-daily table's columns, and which one a (possibly pruned) schema field is. */
enum RankingsDailyColumns {
  DATE("date", DataTypes.DateType, "UTC day (bucket start for period=week|month)"),
  MODEL_PERMASLUG("model_permaslug", DataTypes.StringType, "model permaslug, or 'other' for the long tail"),
  TOTAL_TOKENS("total_tokens", new DecimalType(38, 0), "prompt + completion tokens, exact"),
  AS_OF("_as_of", DataTypes.TimestampType, "when OpenRouter generated the response (meta.as_of), for citation");

  static final StructType SCHEMA = new StructType(new StructField[] {
      DATE.field(false), MODEL_PERMASLUG.field(false), TOTAL_TOKENS.field(false)});

  final String name;
  final DataType type;
  final String comment;

  RankingsDailyColumns(String name, DataType type, String comment) {
    this.name = name;
    this.type = type;
    this.comment = comment;
  }

  StructField field(boolean nullable) {
    return new StructField(name, type, nullable, org.apache.spark.sql.types.Metadata.empty()).withComment(comment);
  }

  static RankingsDailyColumns byName(String name) {
    for (RankingsDailyColumns c : values()) {
      if (c.name.equalsIgnoreCase(name)) {
        return c;
      }
    }
    throw new IllegalArgumentException("Not a rankings-daily column: " + name);
  }

  /** The {@code _as_of} metadata column: selectable by name, not part of {@code SELECT *}. */
  static MetadataColumn asOfMetadataColumn() {
    return new MetadataColumn() {
      @Override
      public String name() {
        return AS_OF.name;
      }

      @Override
      public DataType dataType() {
        return AS_OF.type;
      }

      @Override
      public boolean isNullable() {
        return false;
      }

      @Override
      public String comment() {
        return AS_OF.comment;
      }
    };
  }
}
