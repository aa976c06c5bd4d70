package io.github.openrouterspark.spark;

import io.github.openrouterspark.api.DatasetsClient;
import io.github.openrouterspark.api.DayCache;
import io.github.openrouterspark.api.RequestMetrics;
import java.time.Clock;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.connector.read.InputPartition;
import org.apache.spark.sql.connector.read.PartitionReader;
import org.apache.spark.sql.connector.read.PartitionReaderFactory;

/**
 * Shipped to executors: the scan's connection and the columns to fill. Readers of daily rows keep
 * their completed days in the executor's {@link io.github.openrouterspark.api.DayCache} when the
 * cache is enabled.
 */
record RankingsDailyReaderFactory(Connection connection, RowLayout layout) implements PartitionReaderFactory {

  @Override
  public PartitionReader<InternalRow> createReader(InputPartition partition) {
    DatasetsClient api = connection.http();
    if (partition instanceof CachedDaysPartition days) {
      return new CachedDaysPartitionReader(api, days, layout, dayCache(days.slice()), Clock.systemUTC());
    }
    WindowPartition window = (WindowPartition) partition;
    return new RankingsDailyPartitionReader(api, window, layout, dayCache(window.slice()), new RequestMetrics(),
        Clock.systemUTC());
  }

  private DayCache.Scope dayCache(RankingsDailySlice slice) {
    return slice.dayCacheScope(connection.client(), connection.key(), connection.cache());
  }
}
