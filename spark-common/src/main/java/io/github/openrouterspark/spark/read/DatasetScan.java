package io.github.openrouterspark.spark.read;

import io.github.openrouterspark.options.ReadOptions;
import io.github.openrouterspark.spark.metrics.ConnectorMetrics;
import io.github.openrouterspark.spark.stream.DatasetStreams;
import java.util.OptionalLong;
import org.apache.spark.sql.connector.metric.CustomMetric;
import org.apache.spark.sql.connector.read.Batch;
import org.apache.spark.sql.connector.read.InputPartition;
import org.apache.spark.sql.connector.read.PartitionReaderFactory;
import org.apache.spark.sql.connector.read.Scan;
import org.apache.spark.sql.connector.read.Statistics;
import org.apache.spark.sql.connector.read.SupportsReportStatistics;
import org.apache.spark.sql.connector.read.streaming.MicroBatchStream;
import org.apache.spark.sql.types.StructType;

/**
 * Every dataset's scan and batch: one planned {@link DatasetRead} and the connection its readers
 * use. EXPLAIN reads {@code OpenRouter <dataset> <plan>, <pushdown report>}.
 */
public final class DatasetScan implements Scan, Batch, SupportsReportStatistics {
  private final ReadOptions options;
  private final DatasetRead read;
  private final Connection connection;

  private DatasetScan(ReadOptions options, DatasetRead read, Connection connection) {
    this.options = options;
    this.read = read;
    this.connection = connection;
  }

  /**
   * The scan of {@code read}; fails, before any request, without a key or when the plan needs more
   * requests than {@code maxRequestsPerQuery}.
   */
  public static DatasetScan of(ReadOptions options, DatasetRead read) {
    DatasetScan scan = new DatasetScan(options, read, Connection.of(options));
    RequestBudget.check(options, read.plannedRequests(), scan.description());
    return scan;
  }

  @Override
  public StructType readSchema() {
    return read.readSchema();
  }

  @Override
  public Batch toBatch() {
    return this;
  }

  /**
   * {@code spark.readStream}: the dataset's completed days (or buckets) as they come, each batch
   * read by a scan like this one over the batch's range.
   */
  @Override
  public MicroBatchStream toMicroBatchStream(String checkpointLocation) {
    return DatasetStreams.open(options, checkpointLocation);
  }

  @Override
  public InputPartition[] planInputPartitions() {
    return read.partitions().toArray(new InputPartition[0]);
  }

  /** Spark asks for it while planning too (EXPLAIN included): the connection starts nothing yet. */
  @Override
  public PartitionReaderFactory createReaderFactory() {
    return new ConnectedReaderFactory(connection, read.reading());
  }

  @Override
  public CustomMetric[] supportedCustomMetrics() {
    return ConnectorMetrics.supported();
  }

  @Override
  public Statistics estimateStatistics() {
    OptionalLong rows = read.estimatedRows();
    OptionalLong bytes =
        rows.isPresent()
            ? OptionalLong.of(rows.getAsLong() * read.estimatedRowBytes())
            : OptionalLong.empty();
    return new Statistics() {
      @Override
      public OptionalLong sizeInBytes() {
        return bytes;
      }

      @Override
      public OptionalLong numRows() {
        return rows;
      }
    };
  }

  @Override
  public String description() {
    return "OpenRouter "
        + options.dataset().apiName()
        + " "
        + read.plan()
        + ", "
        + read.pushdown().explain();
  }

  @Override
  public String toString() {
    return description();
  }
}
