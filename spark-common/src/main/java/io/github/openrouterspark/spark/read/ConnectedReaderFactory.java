package io.github.openrouterspark.spark.read;

import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.connector.read.InputPartition;
import org.apache.spark.sql.connector.read.PartitionReader;
import org.apache.spark.sql.connector.read.PartitionReaderFactory;

/** Every dataset's reader factory, shipped to executors: the scan's connection and its reading. */
record ConnectedReaderFactory(Connection connection, PartitionReading reading)
    implements PartitionReaderFactory {
  @Override
  public PartitionReader<InternalRow> createReader(InputPartition partition) {
    return reading.open(partition, connection);
  }
}
