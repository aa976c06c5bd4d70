package io.github.openrouterspark.spark.rankings;

import io.github.openrouterspark.plan.BucketCalendar;
import io.github.openrouterspark.plan.BucketPlan;
import io.github.openrouterspark.plan.CachedDaysPlan;
import io.github.openrouterspark.plan.DateSet;
import io.github.openrouterspark.plan.Window;
import io.github.openrouterspark.spark.read.DatasetRead;
import io.github.openrouterspark.spark.read.PartitionReading;
import io.github.openrouterspark.spark.read.PushdownReport;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.apache.spark.sql.connector.read.InputPartition;
import org.apache.spark.sql.types.StructType;

/**
 * A planned rankings-daily read: its plan was computed without I/O when it was built, so describing
 * it, estimating it and planning its partitions are free and repeatable. It reads the windows of
 * each parameter set (one partition and one request each) and, for daily rows with the cache
 * enabled, the days the driver found in its day cache (one partition per run of such days between
 * windows, reading the day cache of the JVM it runs in). Partitions are in date order within each
 * parameter set.
 */
final class RankingsDailyRead implements DatasetRead {
  /** The API returns at most the top 50 plus one {@code other} row per bucket. */
  private static final int MAX_ROWS_PER_BUCKET = 51;

  /** Rough width of a row as Spark holds it, for the optimizer's size estimate. */
  private static final int ESTIMATED_ROW_BYTES = 64;

  private static final int SHOWN = 6;

  private final List<RankingsDailySlice> slices;
  private final Map<BucketCalendar, BucketPlan> plans;

  /** Per parameter set: the windows to fetch and the days served from the day cache. */
  private final Map<RankingsDailySlice, CachedDaysPlan> reads;

  private final int windowDays;
  private final StructType readSchema;
  private final PushdownReport pushdown;

  RankingsDailyRead(
      List<RankingsDailySlice> slices,
      Map<BucketCalendar, BucketPlan> plans,
      Map<RankingsDailySlice, CachedDaysPlan> reads,
      int windowDays,
      StructType readSchema,
      PushdownReport pushdown) {
    this.slices = List.copyOf(slices);
    this.plans = Map.copyOf(plans);
    this.reads = Map.copyOf(reads);
    this.windowDays = windowDays;
    this.readSchema = readSchema;
    this.pushdown = pushdown;
  }

  @Override
  public StructType readSchema() {
    return readSchema;
  }

  @Override
  public List<InputPartition> partitions() {
    List<InputPartition> partitions = new ArrayList<>();
    for (RankingsDailySlice slice : slices) {
      DateSet starts = plans.get(slice.calendar()).starts();
      // Supplier: each partition's index is its position, known only once it is added.
      for (Supplier<InputPartition> p :
          reads
              .get(slice)
              .inDateOrder(
                  w ->
                      (Supplier<InputPartition>)
                          () -> new WindowPartition(partitions.size(), w, slice, starts),
                  run ->
                      () -> new CachedDaysPartition(partitions.size(), slice, run, windowDays))) {
        partitions.add(p.get());
      }
    }
    return partitions;
  }

  @Override
  public PartitionReading reading() {
    return new RankingsDailyReading(RankingsDailyLayout.of(readSchema));
  }

  @Override
  public PushdownReport pushdown() {
    return pushdown;
  }

  /** The requests the scan sends: its windows (days served from the day cache cost none). */
  @Override
  public int plannedRequests() {
    return slices.stream().mapToInt(s -> reads.get(s).requestCount()).sum();
  }

  /** Days (of all parameter sets) served from the day cache. */
  long cachedDayCount() {
    return slices.stream().mapToLong(s -> reads.get(s).cachedDayCount()).sum();
  }

  @Override
  public OptionalLong estimatedRows() {
    return OptionalLong.of(
        slices.stream().mapToLong(s -> plans.get(s.calendar()).bucketCount()).sum()
            * MAX_ROWS_PER_BUCKET);
  }

  @Override
  public int estimatedRowBytes() {
    return ESTIMATED_ROW_BYTES;
  }

  /**
   * E.g. {@code Dates: {2025-02-01..2025-02-10}, Windows: [2025-02-01..2025-02-10], ParameterSets:
   * [period=day (default)], PlannedRequests: 1, ...}. With several periods, dates and windows are
   * shown per period; for week and month the dates are the bucket starts. When days come from the
   * day cache, {@code CachedDays: n} follows the planned requests (n days summed over the parameter
   * sets), and the windows are those still fetched.
   */
  @Override
  public String plan() {
    List<BucketCalendar> calendars =
        slices.stream().map(RankingsDailySlice::calendar).distinct().sorted().toList();
    String dates;
    String windows;
    if (calendars.size() == 1) {
      BucketPlan plan = plans.get(calendars.get(0));
      dates = datesOf(plan);
      windows = "[" + windowsOf(calendars.get(0)) + "]";
    } else {
      dates =
          calendars.stream()
              .map(c -> c.period() + ": " + datesOf(plans.get(c)))
              .collect(Collectors.joining("; ", "[", "]"));
      windows =
          calendars.stream()
              .map(c -> c.period() + ": " + windowsOf(c))
              .collect(Collectors.joining("; ", "[", "]"));
    }
    return "Dates: "
        + (calendars.isEmpty() ? "no dates" : dates)
        + ", Windows: "
        + (calendars.isEmpty() ? "[]" : windows)
        + ", ParameterSets: "
        + shown(slices.stream().map(RankingsDailySlice::toString).toList(), ", ")
        + ", PlannedRequests: "
        + plannedRequests()
        + (cachedDayCount() > 0 ? ", CachedDays: " + cachedDayCount() : "");
  }

  private static String datesOf(BucketPlan plan) {
    if (plan.calendar() == BucketCalendar.DAY || plan.bucketCount() == 0) {
      return plan.starts().toString();
    }
    String unit = plan.calendar().period() + (plan.bucketCount() == 1 ? "" : "s");
    return plan.bucketCount()
        + " "
        + unit
        + " starting "
        + plan.starts().first()
        + (plan.bucketCount() == 1 ? "" : ".." + plan.starts().last());
  }

  /**
   * The windows the parameter sets of {@code calendar} fetch: without the day cache they all fetch
   * the same windows; with it, each its own, shown here as one sorted list without repeats.
   */
  private String windowsOf(BucketCalendar calendar) {
    List<Window> all =
        slices.stream()
            .filter(s -> s.calendar() == calendar)
            .flatMap(s -> reads.get(s).windows().stream())
            .distinct()
            .sorted(Comparator.comparing(Window::start).thenComparing(Window::end))
            .toList();
    String list = shown(all.stream().map(Window::toString).toList(), ", ");
    return list.substring(1, list.length() - 1);
  }

  private static String shown(List<String> items, String separator) {
    String out = items.stream().limit(SHOWN).collect(Collectors.joining(separator));
    if (items.size() > SHOWN) {
      out += separator + "… " + (items.size() - SHOWN) + " more";
    }
    return "[" + out + "]";
  }
}
