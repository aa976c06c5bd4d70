package io.github.openrouterspark.spark;

import io.github.openrouterspark.options.ReadOptions;
import io.github.openrouterspark.plan.AnalyticsGranularity;
import io.github.openrouterspark.spark.metrics.ConnectorMetrics;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.spark.sql.connector.metric.CustomMetric;
import org.apache.spark.sql.connector.read.Batch;
import org.apache.spark.sql.connector.read.InputPartition;
import org.apache.spark.sql.connector.read.PartitionReaderFactory;
import org.apache.spark.sql.connector.read.Scan;
import org.apache.spark.sql.types.StructType;

/** An immutable analytics scan: one partition per planned window, all planned without I/O. */
final class AnalyticsScan implements Scan, Batch {
  /**
   * How readers turn responses into rows.
   *
   * @param splittable whether a truncated window may be split into halves whose rows together are
   *     the window's rows (a time series, or partial sums Spark adds up)
   * @param limited whether the query carries a pushed LIMIT, which truncates by design
   */
  record Decoding(AnalyticsRowLayout layout, AnalyticsGranularity granularity, boolean splittable, boolean limited)
      implements java.io.Serializable {}

  private final Connection connection;
  private final StructType readSchema;
  private final List<AnalyticsPartition> partitions;
  private final Decoding decoding;
  private final String description;

  AnalyticsScan(ReadOptions options, StructType readSchema, List<AnalyticsPartition> partitions, Decoding decoding,
      String description) {
    this.connection = Connection.of(options);
    this.readSchema = readSchema;
    this.partitions = List.copyOf(partitions);
    this.decoding = decoding;
    this.description = description;
  }

  @Override
  public StructType readSchema() {
    return readSchema;
  }

  @Override
  public Batch toBatch() {
    return this;
  }

  @Override
  public InputPartition[] planInputPartitions() {
    return IntStream.range(0, partitions.size()).mapToObj(partitions::get).toArray(InputPartition[]::new);
  }

  @Override
  public PartitionReaderFactory createReaderFactory() {
    return new AnalyticsReaderFactory(connection, decoding);
  }

  @Override
  public CustomMetric[] supportedCustomMetrics() {
    return ConnectorMetrics.supported();
  }

  @Override
  public String description() {
    return description;
  }

  @Override
  public String toString() {
    return description;
  }
}
