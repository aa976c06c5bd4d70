package io.github.openrouterspark.spark;

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
  private final StructType readSchema;
  private final List<AnalyticsPartition> partitions;
  private final AnalyticsReaderFactory readers;
  private final String description;

  AnalyticsScan(StructType readSchema, List<AnalyticsPartition> partitions, AnalyticsReaderFactory readers,
      String description) {
    this.readSchema = readSchema;
    this.partitions = List.copyOf(partitions);
    this.readers = readers;
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
    return readers;
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
