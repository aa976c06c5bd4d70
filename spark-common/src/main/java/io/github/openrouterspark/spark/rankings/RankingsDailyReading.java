package io.github.openrouterspark.spark.rankings;

import io.github.openrouterspark.api.DayCache;
import io.github.openrouterspark.api.OpenRouterClient;
import io.github.openrouterspark.api.RequestMetrics;
import io.github.openrouterspark.spark.read.Connection;
import io.github.openrouterspark.spark.read.PartitionReading;
import java.time.Clock;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.connector.read.InputPartition;
import org.apache.spark.sql.connector.read.PartitionReader;

/**
 * How an executor reads a rankings-daily partition: a window from the API, or days from the day
 * cache, filling {@code layout}'s columns. Readers of daily rows keep their completed days in the
 * executor's {@link io.github.openrouterspark.api.DayCache} when the cache is enabled.
 */
record RankingsDailyReading(RankingsDailyLayout layout) implements PartitionReading {

  @Override
  public PartitionReader<InternalRow> open(InputPartition partition, Connection connection) {
    OpenRouterClient api = connection.http();
    if (partition instanceof CachedDaysPartition days) {
      return new CachedDaysPartitionReader(
          api, days, layout, dayCache(days.slice(), connection), Clock.systemUTC());
    }
    WindowPartition window = (WindowPartition) partition;
    return new RankingsDailyPartitionReader(
        api,
        window,
        layout,
        dayCache(window.slice(), connection),
        new RequestMetrics(),
        Clock.systemUTC());
  }

  private static DayCache.Scope dayCache(RankingsDailySlice slice, Connection connection) {
    return slice.dayCacheScope(connection.client(), connection.key(), connection.cache());
  }
}
