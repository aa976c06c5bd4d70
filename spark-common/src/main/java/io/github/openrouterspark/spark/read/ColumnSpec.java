package io.github.openrouterspark.spark.read;

import java.util.Arrays;
import java.util.function.Function;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * A column of a dataset's table, as its enum of columns declares it: the one place a column becomes
 * a Spark field (with its comment, which DESCRIBE shows) and a name becomes a column.
 */
public record ColumnSpec(String name, DataType type, boolean nullable, String comment) {
  public StructField field() {
    return new StructField(name, type, nullable, Metadata.empty()).withComment(comment);
  }

  /** The table's schema: every column but the metadata column {@code asOf}, in declared order. */
  public static <C> StructType schema(C[] columns, C asOf, Function<C, ColumnSpec> spec) {
    return new StructType(
        Arrays.stream(columns)
            .filter(c -> c != asOf)
            .map(c -> spec.apply(c).field())
            .toArray(StructField[]::new));
  }

  /** The column named {@code name}, case-insensitively, as Spark resolves names. */
  public static <C> C byName(
      C[] columns, Function<C, ColumnSpec> spec, String name, String dataset) {
    for (C c : columns) {
      if (spec.apply(c).name().equalsIgnoreCase(name)) {
        return c;
      }
    }
    throw new IllegalArgumentException("Not " + dataset + " column: " + name);
  }
}
