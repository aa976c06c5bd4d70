package io.github.openrouterspark.spark;

import io.github.openrouterspark.options.ReadOptions;
import io.github.openrouterspark.plan.BucketCalendar;
import io.github.openrouterspark.plan.BucketPlan;
import io.github.openrouterspark.plan.Window;
import io.github.openrouterspark.spark.metrics.ConnectorMetrics;
import io.github.openrouterspark.spark.pushdown.PredicateText;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.stream.Collectors;
import org.apache.spark.sql.connector.expressions.filter.Predicate;
import org.apache.spark.sql.connector.metric.CustomMetric;
import org.apache.spark.sql.connector.read.Batch;
import org.apache.spark.sql.connector.read.InputPartition;
import org.apache.spark.sql.connector.read.PartitionReaderFactory;
import org.apache.spark.sql.connector.read.Scan;
import org.apache.spark.sql.connector.read.Statistics;
import org.apache.spark.sql.connector.read.SupportsReportStatistics;
import org.apache.spark.sql.types.StructType;

/**
 * An immutable rankings-daily scan: its plan was computed without I/O when it was built, so
 * describing it, estimating it and planning its partitions are free and repeatable. It reads
 * every window of its period for every parameter set: one partition and one request each.
 */
final class RankingsDailyScan implements Scan, Batch, SupportsReportStatistics {
  /** The API returns at most the top 50 plus one {@code other} row per bucket. */
  private static final int MAX_ROWS_PER_BUCKET = 51;

  /** Rough width of a row as Spark holds it, for the optimizer's size estimate. */
  private static final int ESTIMATED_ROW_BYTES = 64;

  private static final int SHOWN = 6;

  private final ReadOptions options;
  private final List<RankingsDailySlice> slices;
  private final Map<BucketCalendar, BucketPlan> plans;
  private final StructType readSchema;
  private final List<Predicate> fullyPushed;
  private final List<Predicate> partiallyPushed;
  private final List<Predicate> postScan;

  RankingsDailyScan(
      ReadOptions options,
      List<RankingsDailySlice> slices,
      Map<BucketCalendar, BucketPlan> plans,
      StructType readSchema,
      List<Predicate> fullyPushed,
      List<Predicate> partiallyPushed,
      List<Predicate> postScan) {
    this.options = options;
    this.slices = List.copyOf(slices);
    this.plans = Map.copyOf(plans);
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
    List<InputPartition> partitions = new ArrayList<>();
    for (RankingsDailySlice slice : slices) {
      BucketPlan plan = plans.get(slice.calendar());
      for (Window window : plan.windows()) {
        partitions.add(new WindowPartition(partitions.size(), window, slice, plan.starts()));
      }
    }
    return partitions.toArray(new InputPartition[0]);
  }

  @Override
  public PartitionReaderFactory createReaderFactory() {
    return new RankingsDailyReaderFactory(options.client(), DriverServices.traffic(options), options.requireApiKey(),
        RowLayout.of(readSchema), options.cache());
  }

  @Override
  public CustomMetric[] supportedCustomMetrics() {
    return ConnectorMetrics.supported();
  }

  int requestCount() {
    return slices.stream().mapToInt(s -> plans.get(s.calendar()).requestCount()).sum();
  }

  @Override
  public Statistics estimateStatistics() {
    long rows = slices.stream().mapToLong(s -> plans.get(s.calendar()).bucketCount()).sum() * MAX_ROWS_PER_BUCKET;
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

  /**
   * E.g. {@code Dates: {2025-02-01..2025-02-10}, Windows: [2025-02-01..2025-02-10], ParameterSets:
   * [period=day (default)], PlannedRequests: 1, ...}. With several periods, dates and windows are
   * shown per period; for week and month the dates are the bucket starts.
   */
  @Override
  public String description() {
    List<BucketCalendar> calendars = slices.stream().map(RankingsDailySlice::calendar).distinct().sorted().toList();
    String dates;
    String windows;
    if (calendars.size() == 1) {
      BucketPlan plan = plans.get(calendars.get(0));
      dates = datesOf(plan);
      windows = "[" + windowsOf(plan) + "]";
    } else {
      dates = calendars.stream().map(c -> c.period() + ": " + datesOf(plans.get(c)))
          .collect(Collectors.joining("; ", "[", "]"));
      windows = calendars.stream().map(c -> c.period() + ": " + windowsOf(plans.get(c)))
          .collect(Collectors.joining("; ", "[", "]"));
    }
    return "OpenRouter rankings-daily"
        + " Dates: " + (calendars.isEmpty() ? "no dates" : dates)
        + ", Windows: " + (calendars.isEmpty() ? "[]" : windows)
        + ", ParameterSets: " + shown(slices.stream().map(RankingsDailySlice::toString).toList(), ", ")
        + ", PlannedRequests: " + requestCount()
        + ", PushedFilters: " + PredicateText.render(fullyPushed)
        + ", PartiallyPushedFilters: " + PredicateText.render(partiallyPushed)
        + ", PostScanFilters: " + PredicateText.render(postScan);
  }

  private static String datesOf(BucketPlan plan) {
    if (plan.calendar() == BucketCalendar.DAY || plan.bucketCount() == 0) {
      return plan.starts().toString();
    }
    String unit = plan.calendar().period() + (plan.bucketCount() == 1 ? "" : "s");
    return plan.bucketCount() + " " + unit + " starting " + plan.starts().first()
        + (plan.bucketCount() == 1 ? "" : ".." + plan.starts().last());
  }

  private static String windowsOf(BucketPlan plan) {
    String list = shown(plan.windows().stream().map(Window::toString).toList(), ", ");
    return list.substring(1, list.length() - 1);
  }

  private static String shown(List<String> items, String separator) {
    String out = items.stream().limit(SHOWN).collect(Collectors.joining(separator));
    if (items.size() > SHOWN) {
      out += separator + "… " + (items.size() - SHOWN) + " more";
    }
    return "[" + out + "]";
  }

  @Override
  public String toString() {
    return description();
  }
}
