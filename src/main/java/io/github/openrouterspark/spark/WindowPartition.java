package io.github.openrouterspark.spark;

import io.github.openrouterspark.plan.Window;
import org.apache.spark.sql.connector.read.InputPartition;

/** One request's window; the unit of parallelism. */
record WindowPartition(int index, Window window) implements InputPartition {}
