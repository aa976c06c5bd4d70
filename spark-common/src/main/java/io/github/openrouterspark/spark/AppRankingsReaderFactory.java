package io.github.openrouterspark.spark;

import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.connector.read.InputPartition;
import org.apache.spark.sql.connector.read.PartitionReader;
import org.apache.spark.sql.connector.read.PartitionReaderFactory;

/** Shipped to executors: the scan's connection and the columns to fill. */
record AppRankingsReaderFactory(Connection connection, AppRankingsLayout layout) implements PartitionReaderFactory {

  @Override
  public PartitionReader<InternalRow> createReader(InputPartition partition) {
    return new AppRankingsPartitionReader(connection.http(), ((AppRankingsPartition) partition).task(), layout);
  }
}
