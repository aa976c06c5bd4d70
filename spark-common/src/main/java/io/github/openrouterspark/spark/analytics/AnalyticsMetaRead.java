package io.github.openrouterspark.spark.analytics;

import io.github.openrouterspark.api.AnalyticsClient;
import io.github.openrouterspark.api.AnalyticsMeta;
import io.github.openrouterspark.spark.read.Connection;
import io.github.openrouterspark.spark.read.DatasetRead;
import io.github.openrouterspark.spark.read.PartitionReading;
import io.github.openrouterspark.spark.read.PushdownReport;
import java.util.List;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.connector.read.InputPartition;
import org.apache.spark.sql.connector.read.PartitionReader;
import org.apache.spark.sql.types.StructType;

/**
 * The {@code analytics-meta} table: one row per metric, dimension, operator and granularity of
 * {@code GET /analytics/meta}, read by one task with one request. Nothing is pushed.
 */
final class AnalyticsMetaRead implements DatasetRead {
  @Override
  public StructType readSchema() {
    return AnalyticsSchema.metaTableSchema();
  }

  @Override
  public List<InputPartition> partitions() {
    return List.of(new Partition());
  }

  @Override
  public int plannedRequests() {
    return 1;
  }

  @Override
  public String plan() {
    return "PlannedRequests: 1 (GET " + AnalyticsMeta.PATH + ")";
  }

  @Override
  public PushdownReport pushdown() {
    return PushdownReport.NOTHING;
  }

  @Override
  public PartitionReading reading() {
    return new Reading();
  }

  private record Partition() implements InputPartition {}

  private record Reading() implements PartitionReading {
    @Override
    public PartitionReader<InternalRow> open(InputPartition partition, Connection connection) {
      // The metadata is read fresh: the response cache is for query responses.
      return new AnalyticsMetaReader(
          new AnalyticsClient(connection.withoutCache().http(AnalyticsMetaCache.LIMITER_SCOPE)));
    }
  }
}
