package io.github.openrouterspark.spark.apprankings;

import io.github.openrouterspark.spark.read.Connection;
import io.github.openrouterspark.spark.read.PartitionReading;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.connector.read.InputPartition;
import org.apache.spark.sql.connector.read.PartitionReader;

/** How an executor reads one ranking, page by page, filling {@code layout}'s columns. */
record AppRankingsReading(AppRankingsLayout layout) implements PartitionReading {

  @Override
  public PartitionReader<InternalRow> open(InputPartition partition, Connection connection) {
    return new AppRankingsPartitionReader(
        connection.http(), ((AppRankingsPartition) partition).task(), layout);
  }
}
