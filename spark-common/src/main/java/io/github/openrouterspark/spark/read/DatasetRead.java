package io.github.openrouterspark.spark.read;

import java.util.List;
import java.util.OptionalLong;
import org.apache.spark.sql.connector.read.InputPartition;
import org.apache.spark.sql.types.StructType;

/**
 * What differs between datasets once a query is planned: everything {@link DatasetScan} needs from
 * one dataset. Planned without I/O, immutable, so describing it and planning its partitions are
 * free and repeatable.
 */
public interface DatasetRead {
  StructType readSchema();

  /** One per task, each with its index as position. */
  List<InputPartition> partitions();

  /** The requests the plan sends, checked against {@code maxRequestsPerQuery}. */
  int plannedRequests();

  /** The dataset's own EXPLAIN facts (windows, parameter sets, planned requests...). */
  String plan();

  PushdownReport pushdown();

  /** How an executor reads one of {@link #partitions()}; shipped with the reader factory. */
  PartitionReading reading();

  /** Rows the plan returns at most, for the optimizer; empty when unknown. */
  default OptionalLong estimatedRows() {
    return OptionalLong.empty();
  }

  /** Rough width of a row as Spark holds it, for the optimizer's size estimate. */
  default int estimatedRowBytes() {
    return 64;
  }
}
