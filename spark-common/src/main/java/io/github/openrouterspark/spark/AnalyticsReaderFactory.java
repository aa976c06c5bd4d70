package io.github.openrouterspark.spark;

import io.github.openrouterspark.api.AnalyticsClient;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.connector.read.InputPartition;
import org.apache.spark.sql.connector.read.PartitionReader;
import org.apache.spark.sql.connector.read.PartitionReaderFactory;

/** Shipped to executors: the scan's connection and how its responses become rows. */
record AnalyticsReaderFactory(Connection connection, AnalyticsScan.Decoding decoding)
    implements PartitionReaderFactory {

  @Override
  public PartitionReader<InternalRow> createReader(InputPartition partition) {
    return new AnalyticsPartitionReader(new AnalyticsClient(connection.http(AnalyticsMetaCache.LIMITER_SCOPE)),
        (AnalyticsPartition) partition, decoding);
  }
}
