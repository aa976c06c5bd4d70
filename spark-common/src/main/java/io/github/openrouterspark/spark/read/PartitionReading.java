package io.github.openrouterspark.spark.read;

import java.io.Serializable;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.connector.read.InputPartition;
import org.apache.spark.sql.connector.read.PartitionReader;

/** How one dataset reads one of its partitions on an executor, through the scan's connection. */
@FunctionalInterface
public interface PartitionReading extends Serializable {
  PartitionReader<InternalRow> open(InputPartition partition, Connection connection);
}
