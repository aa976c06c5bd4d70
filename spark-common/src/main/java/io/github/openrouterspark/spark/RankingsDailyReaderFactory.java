package io.github.openrouterspark.spark;

import io.github.openrouterspark.api.ApiKey;
import io.github.openrouterspark.api.CacheSettings;
import io.github.openrouterspark.api.ClientSettings;
import io.github.openrouterspark.api.DatasetsClient;
import io.github.openrouterspark.api.RequestMetrics;
import io.github.openrouterspark.api.TrafficSettings;
import java.time.Clock;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.connector.read.InputPartition;
import org.apache.spark.sql.connector.read.PartitionReader;
import org.apache.spark.sql.connector.read.PartitionReaderFactory;

/**
 * Shipped to executors: everything a reader needs, the key included (hidden from toString). Readers
 * of daily rows keep their completed days in the executor's {@link io.github.openrouterspark.api.DayCache}
 * when the cache is enabled.
 */
record RankingsDailyReaderFactory(
    ClientSettings client, TrafficSettings traffic, ApiKey key, RowLayout layout, CacheSettings cache)
    implements PartitionReaderFactory {

  @Override
  public PartitionReader<InternalRow> createReader(InputPartition partition) {
    DatasetsClient api = new DatasetsClient(client, traffic, key, cache).cancelledWhen(TaskCancellation.current());
    if (partition instanceof CachedDaysPartition days) {
      return new CachedDaysPartitionReader(
          api, days, layout, days.slice().dayCacheScope(client, key, cache), Clock.systemUTC());
    }
    WindowPartition window = (WindowPartition) partition;
    return new RankingsDailyPartitionReader(api, window, layout, window.slice().dayCacheScope(client, key, cache),
        new RequestMetrics(), Clock.systemUTC());
  }
}
