package io.github.openrouterspark.spark;

import io.github.openrouterspark.api.AnalyticsClient;
import io.github.openrouterspark.api.ApiKey;
import io.github.openrouterspark.api.CacheSettings;
import io.github.openrouterspark.api.ClientSettings;
import io.github.openrouterspark.api.DatasetsClient;
import io.github.openrouterspark.api.TrafficSettings;
import io.github.openrouterspark.plan.AnalyticsGranularity;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.connector.read.InputPartition;
import org.apache.spark.sql.connector.read.PartitionReader;
import org.apache.spark.sql.connector.read.PartitionReaderFactory;

/**
 * Shipped to executors: everything an analytics reader needs, the key included (hidden from
 * toString).
 *
 * @param splittable whether a truncated window may be split into halves whose rows together are
 *     the window's rows (a time series, or partial sums Spark adds up)
 * @param limited whether the query carries a pushed LIMIT, which truncates by design
 */
record AnalyticsReaderFactory(
    ClientSettings client,
    TrafficSettings traffic,
    ApiKey key,
    CacheSettings cache,
    AnalyticsRowLayout layout,
    AnalyticsGranularity granularity,
    boolean splittable,
    boolean limited)
    implements PartitionReaderFactory {

  @Override
  public PartitionReader<InternalRow> createReader(InputPartition partition) {
    DatasetsClient http = new DatasetsClient(client, traffic, key, cache, AnalyticsMetaCache.LIMITER_SCOPE)
        .cancelledWhen(TaskCancellation.current());
    return new AnalyticsPartitionReader(new AnalyticsClient(http), (AnalyticsPartition) partition, this);
  }
}
