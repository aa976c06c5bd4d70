package io.github.openrouterspark.spark.analytics;

import io.github.openrouterspark.api.AnalyticsClient;
import io.github.openrouterspark.plan.AnalyticsGranularity;
import io.github.openrouterspark.spark.read.Connection;
import io.github.openrouterspark.spark.read.PartitionReading;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.connector.read.InputPartition;
import org.apache.spark.sql.connector.read.PartitionReader;

/**
 * How an executor reads an analytics window and turns its responses into rows.
 *
 * @param splittable whether a truncated window may be split into halves whose rows together are the
 *     window's rows (a time series, or partial sums Spark adds up)
 * @param limited whether the query carries a pushed LIMIT, which truncates by design
 */
record AnalyticsReading(
    AnalyticsRowLayout layout,
    AnalyticsGranularity granularity,
    boolean splittable,
    boolean limited)
    implements PartitionReading {

  @Override
  public PartitionReader<InternalRow> open(InputPartition partition, Connection connection) {
    return new AnalyticsPartitionReader(
        new AnalyticsClient(connection.http(AnalyticsMetaCache.LIMITER_SCOPE)),
        (AnalyticsPartition) partition,
        this);
  }
}
