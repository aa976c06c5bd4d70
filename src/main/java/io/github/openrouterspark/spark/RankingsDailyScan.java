package io.github.openrouterspark.spark;

import io.github.openrouterspark.options.ReadOptions;
import io.github.openrouterspark.plan.DatePlan;
import io.github.openrouterspark.plan.Window;
import io.github.openrouterspark.spark.pushdown.PredicateText;
import java.util.List;
import java.util.OptionalLong;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.spark.sql.connector.expressions.filter.Predicate;
import org.apache.spark.sql.connector.read.Batch;
import org.apache.spark.sql.connector.read.InputPartition;
import org.apache.spark.sql.connector.read.PartitionReaderFactory;
import org.apache.spark.sql.connector.read.Scan;
import org.apache.spark.sql.connector.read.Statistics;
import org.apache.spark.sql.connector.read.SupportsReportStatistics;
import org.apache.spark.sql.types.StructType;

/**
 * An immutable rankings-daily scan: its plan was computed without I/O when it was built, so
 * describing it, estimating it and planning its partitions are free and repeatable.
 */
final class RankingsDailyScan implements Scan, Batch, SupportsReportStatistics {
  /** The API returns at most the top 50 plus one {@code other} row per day. */
  private static final int MAX_ROWS_PER_DAY = 51;

  /** Rough width of a row as Spark holds it, for the optimizer's size estimate. */
  private static final int ESTIMATED_ROW_BYTES = 64;

  private static final int WINDOWS_SHOWN = 6;

  private final ReadOptions options;
  private final DatePlan plan;
  private final StructType readSchema;
  private final List<Predicate> fullyPushed;
  private final List<Predicate> partiallyPushed;
  private final List<Predicate> postScan;

  RankingsDailyScan(
      ReadOptions options,
      DatePlan plan,
      StructType readSchema,
      List<Predicate> fullyPushed,
      List<Predicate> partiallyPushed,
      List<Predicate> postScan) {
    this.options = options;
    this.plan = plan;
    this.readSchema = readSchema;
    this.fullyPushed = fullyPushed;
    this.partiallyPushed = partiallyPushed;
    this.postScan = postScan;
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
    List<Window> windows = plan.windows();
    return IntStream.range(0, windows.size())
        .mapToObj(i -> new WindowPartition(i, windows.get(i)))
        .toArray(InputPartition[]::new);
  }

  @Override
  public PartitionReaderFactory createReaderFactory() {
    return new RankingsDailyReaderFactory(
        options.client(), options.requireApiKey(), plan.dates(), RowLayout.of(readSchema));
  }

  @Override
  public Statistics estimateStatistics() {
    long days = plan.dates().ranges().stream().mapToLong(r -> r.days()).sum();
    long rows = days * MAX_ROWS_PER_DAY;
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
    List<Window> windows = plan.windows();
    String shown = windows.stream().limit(WINDOWS_SHOWN).map(Window::toString).collect(Collectors.joining(", "));
    if (windows.size() > WINDOWS_SHOWN) {
      shown += ", … " + (windows.size() - WINDOWS_SHOWN) + " more";
    }
    return "OpenRouter rankings-daily"
        + " Dates: " + plan.dates()
        + ", Windows: [" + shown + "]"
        + ", PlannedRequests: " + plan.requestCount()
        + ", PushedFilters: " + PredicateText.render(fullyPushed)
        + ", PartiallyPushedFilters: " + PredicateText.render(partiallyPushed)
        + ", PostScanFilters: " + PredicateText.render(postScan);
  }

  @Override
  public String toString() {
    return description();
  }
}
