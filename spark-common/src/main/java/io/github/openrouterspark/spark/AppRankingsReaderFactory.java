package io.github.openrouterspark.spark;

import io.github.openrouterspark.api.ApiKey;
import io.github.openrouterspark.api.CacheSettings;
import io.github.openrouterspark.api.TrafficSettings;
import io.github.openrouterspark.api.ClientSettings;
import io.github.openrouterspark.api.DatasetsClient;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.connector.read.InputPartition;
import org.apache.spark.sql.connector.read.PartitionReader;
import org.apache.spark.sql.connector.read.PartitionReaderFactory;

/** Shipped to executors: everything a reader needs, the key included (hidden from toString). */
record AppRankingsReaderFactory(
    ClientSettings client, TrafficSettings traffic, ApiKey key, AppRankingsLayout layout, CacheSettings cache)
    implements PartitionReaderFactory {

  @Override
  public PartitionReader<InternalRow> createReader(InputPartition partition) {
    AppRankingsPartition p = (AppRankingsPartition) partition;
    DatasetsClient api = new DatasetsClient(client, traffic, key, cache).cancelledWhen(TaskCancellation.current());
    return new AppRankingsPartitionReader(api, p.task(), layout);
  }
}
