package io.github.openrouterspark.spark.stream;

import org.apache.spark.sql.connector.read.InputPartition;
import org.apache.spark.sql.connector.read.PartitionReaderFactory;

/**
 * One partition of a micro-batch with the reader factory of the batch scan that planned it: Spark
 * asks a stream for one factory for all its batches, while each batch's scan has its own.
 */
record StreamPartition(InputPartition partition, PartitionReaderFactory factory)
    implements InputPartition {
  @Override
  public String[] preferredLocations() {
    return partition.preferredLocations();
  }
}
