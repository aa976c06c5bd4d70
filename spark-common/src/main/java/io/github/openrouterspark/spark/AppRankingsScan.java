package io.github.openrouterspark.spark;

import io.github.openrouterspark.options.ReadOptions;
import io.github.openrouterspark.plan.AppRankingsPlanner;
import io.github.openrouterspark.plan.AppRankingsTask;
import io.github.openrouterspark.plan.RankPage;
import io.github.openrouterspark.spark.read.PushdownReport;
import java.util.List;
import java.util.OptionalLong;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import io.github.openrouterspark.spark.metrics.ConnectorMetrics;
import org.apache.spark.sql.connector.metric.CustomMetric;
import org.apache.spark.sql.connector.read.Batch;
import org.apache.spark.sql.connector.read.InputPartition;
import org.apache.spark.sql.connector.read.PartitionReaderFactory;
import org.apache.spark.sql.connector.read.Scan;
import org.apache.spark.sql.connector.read.Statistics;
import org.apache.spark.sql.connector.read.SupportsReportStatistics;
import org.apache.spark.sql.types.StructType;

/** An immutable app-rankings scan: its rankings and pages were planned without I/O. */
final class AppRankingsScan implements Scan, Batch, SupportsReportStatistics {
  private static final int ESTIMATED_ROW_BYTES = 96;
  private static final int TASKS_SHOWN = 6;

  private final Connection connection;
  private final List<AppRankingsTask> tasks;
  private final StructType readSchema;
  private final PushdownReport pushdown;

  AppRankingsScan(
      ReadOptions options,
      List<AppRankingsTask> tasks,
      StructType readSchema,
      PushdownReport pushdown) {
    this.connection = Connection.of(options);
    this.tasks = tasks;
    this.readSchema = readSchema;
    this.pushdown = pushdown;
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
    return IntStream.range(0, tasks.size())
        .mapToObj(i -> new AppRankingsPartition(i, tasks.get(i)))
        .toArray(InputPartition[]::new);
  }

  @Override
  public PartitionReaderFactory createReaderFactory() {
    return new AppRankingsReaderFactory(connection, AppRankingsLayout.of(readSchema));
  }

  @Override
  public CustomMetric[] supportedCustomMetrics() {
    return ConnectorMetrics.supported();
  }

  @Override
  public Statistics estimateStatistics() {
    long rows = tasks.stream().flatMap(t -> t.pages().stream()).mapToLong(RankPage::limit).sum();
    return new Statistics() {
      @Override
      public OptionalLong sizeInBytes() {
        return OptionalLong.of(rows * ESTIMATED_ROW_BYTES);
      }

      @Override
      public OptionalLong numRows() {
        return OptionalLong.of(rows);
      }
    };
  }

  @Override
  public String description() {
    String shown = tasks.stream().limit(TASKS_SHOWN).map(AppRankingsTask::toString).collect(Collectors.joining("; "));
    if (tasks.size() > TASKS_SHOWN) {
      shown += "; … " + (tasks.size() - TASKS_SHOWN) + " more";
    }
    return "OpenRouter app-rankings"
        + " Rankings: [" + shown + "]"
        + ", PlannedRequests: " + AppRankingsPlanner.requestCount(tasks) + " (at most: a short page ends its ranking)"
        + ", " + pushdown.explain();
  }

  @Override
  public String toString() {
    return description();
  }
}
