package io.github.openrouterspark.spark.read;

import java.util.function.Supplier;
import org.apache.spark.sql.connector.read.ScanBuilder;
import org.apache.spark.sql.types.StructType;

/**
 * What the data source needs from a dataset to offer it as a table: its columns, its scan builders,
 * and whether it offers the {@code _as_of} metadata column.
 */
public record DatasetDefinition(
    StructType schema, Supplier<ScanBuilder> scanBuilders, boolean asOfColumn) {}
