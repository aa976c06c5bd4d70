package io.github.openrouterspark.spark;

import io.github.openrouterspark.api.ApiKey;
import io.github.openrouterspark.api.CacheSettings;
import io.github.openrouterspark.api.ClientSettings;
import io.github.openrouterspark.api.DatasetsClient;
import io.github.openrouterspark.api.TrafficSettings;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.connector.read.InputPartition;
import org.apache.spark.sql.connector.read.PartitionReader;
import org.apache.spark.sql.connector.read.PartitionReaderFactory;

/** Shipped to executors: everything a reader needs, the key included (hidden from toString). */
record RankingsDailyReaderFactory(
    ClientSettings client, TrafficSettings traffic, ApiKey key, RowLayout layout, CacheSettings cache)
    implements PartitionReaderFactory {

  @Override
  public PartitionReader<InternalRow> createReader(InputPartition partition) {
    return new RankingsDailyPartitionReader(
        new DatasetsClient(client, traffic, key, cache), (WindowPartition) partition, layout);
  }
}
