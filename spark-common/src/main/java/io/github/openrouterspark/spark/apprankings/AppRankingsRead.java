package io.github.openrouterspark.spark.apprankings;

import io.github.openrouterspark.plan.AppRankingsPlanner;
import io.github.openrouterspark.plan.AppRankingsTask;
import io.github.openrouterspark.plan.RankPage;
import io.github.openrouterspark.spark.read.DatasetRead;
import io.github.openrouterspark.spark.read.PartitionReading;
import io.github.openrouterspark.spark.read.PushdownReport;
import java.util.List;
import java.util.OptionalLong;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.spark.sql.connector.read.InputPartition;
import org.apache.spark.sql.types.StructType;

/** A planned app-rankings read: its rankings and pages were planned without I/O. */
final class AppRankingsRead implements DatasetRead {
  private static final int ESTIMATED_ROW_BYTES = 96;
  private static final int TASKS_SHOWN = 6;

  private final List<AppRankingsTask> tasks;
  private final StructType readSchema;
  private final PushdownReport pushdown;

  AppRankingsRead(List<AppRankingsTask> tasks, StructType readSchema, PushdownReport pushdown) {
    this.tasks = List.copyOf(tasks);
    this.readSchema = readSchema;
    this.pushdown = pushdown;
  }

  @Override
  public StructType readSchema() {
    return readSchema;
  }

  @Override
  public List<InputPartition> partitions() {
    return IntStream.range(0, tasks.size())
        .mapToObj(i -> (InputPartition) new AppRankingsPartition(i, tasks.get(i)))
        .toList();
  }

  @Override
  public int plannedRequests() {
    return AppRankingsPlanner.requestCount(tasks);
  }

  @Override
  public PartitionReading reading() {
    return new AppRankingsReading(AppRankingsLayout.of(readSchema));
  }

  @Override
  public PushdownReport pushdown() {
    return pushdown;
  }

  @Override
  public OptionalLong estimatedRows() {
    return OptionalLong.of(
        tasks.stream().flatMap(t -> t.pages().stream()).mapToLong(RankPage::limit).sum());
  }

  @Override
  public int estimatedRowBytes() {
    return ESTIMATED_ROW_BYTES;
  }

  @Override
  public String plan() {
    String shown =
        tasks.stream()
            .limit(TASKS_SHOWN)
            .map(AppRankingsTask::toString)
            .collect(Collectors.joining("; "));
    if (tasks.size() > TASKS_SHOWN) {
      shown += "; … " + (tasks.size() - TASKS_SHOWN) + " more";
    }
    return "Rankings: ["
        + shown
        + "]"
        + ", PlannedRequests: "
        + plannedRequests()
        + " (at most: a short page ends its ranking)";
  }
}
