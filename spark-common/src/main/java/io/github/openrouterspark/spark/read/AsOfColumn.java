package io.github.openrouterspark.spark.read;

import org.apache.spark.sql.connector.catalog.MetadataColumn;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;

/**
 * The {@code _as_of} metadata column every dataset table offers: when OpenRouter generated the
 * response ({@code meta.as_of}), for the citation the datasets' licence requires. Selectable by
 * name; not part of {@code SELECT *}.
 */
public final class AsOfColumn implements MetadataColumn {
  public static final String NAME = "_as_of";
  public static final AsOfColumn INSTANCE = new AsOfColumn();

  private AsOfColumn() {}

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public DataType dataType() {
    return DataTypes.TimestampType;
  }

  @Override
  public boolean isNullable() {
    return false;
  }

  @Override
  public String comment() {
    return "when OpenRouter generated the response (meta.as_of), for citation";
  }
}
