package io.github.openrouterspark.spark.analytics;

import io.github.openrouterspark.spark.read.DatasetRead;
import io.github.openrouterspark.spark.read.PushdownReport;
import java.util.List;
import org.apache.spark.sql.connector.read.InputPartition;
import org.apache.spark.sql.types.StructType;

/**
 * A planned analytics read: one partition per window, all planned without I/O.
 *
 * @param plan the EXPLAIN facts: grain, windows, the request body's template
 */
record AnalyticsRead(
    StructType readSchema,
    List<AnalyticsPartition> windows,
    AnalyticsReading reading,
    String plan,
    PushdownReport pushdown)
    implements DatasetRead {

  AnalyticsRead {
    windows = List.copyOf(windows);
  }

  @Override
  public List<InputPartition> partitions() {
    return List.copyOf(windows);
  }

  @Override
  public int plannedRequests() {
    return windows.size();
  }
}
