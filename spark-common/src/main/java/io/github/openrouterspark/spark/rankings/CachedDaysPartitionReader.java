package io.github.openrouterspark.spark.rankings;

import io.github.openrouterspark.api.DayCache;
import io.github.openrouterspark.api.OpenRouterClient;
import io.github.openrouterspark.api.RequestMetrics;
import io.github.openrouterspark.plan.CachedDaysPlan;
import io.github.openrouterspark.plan.CachedDaysPlanner;
import io.github.openrouterspark.plan.DateRange;
import io.github.openrouterspark.plan.DateSet;
import io.github.openrouterspark.spark.metrics.ConnectorMetrics;
import io.github.openrouterspark.spark.read.SparkValues;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.sql.connector.metric.CustomTaskMetric;
import org.apache.spark.sql.connector.read.PartitionReader;
import org.apache.spark.sql.types.Decimal;

/**
 * Returns the rows of a {@link CachedDaysPartition} in date order: the days this JVM's {@link
 * DayCache} holds from memory, exactly as the API returned them (order, {@code other}, and the
 * {@code _as_of} of their response), and any other day by fetching it (the fewest windows over the
 * missing days; a day in memory that such a window spans is read from the response). The days found
 * in memory are looked up once, when the first row is asked for, so an eviction while the partition
 * is being read cannot lose them.
 */
final class CachedDaysPartitionReader implements PartitionReader<InternalRow> {
  private final OpenRouterClient client;
  private final CachedDaysPartition partition;
  private final RankingsDailyLayout layout;
  private final RankingsDailyRows rows;
  private final DayCache.Scope dayCache;
  private final Clock clock;
  private final RequestMetrics metrics = new RequestMetrics();

  private Iterator<Supplier<PartitionReader<InternalRow>>> parts;

  /** The window being fetched, or the run of days in memory being returned. */
  private PartitionReader<InternalRow> part;

  private InternalRow current;
  private long rowsFromMemory;
  private long rowsOfClosedWindows;

  /**
   * @param dayCache the partition's parameter set's days; null when this JVM has no cache to read
   */
  CachedDaysPartitionReader(
      OpenRouterClient client,
      CachedDaysPartition partition,
      RankingsDailyLayout layout,
      DayCache.Scope dayCache,
      Clock clock) {
    this.client = client;
    this.partition = partition;
    this.layout = layout;
    this.rows = new RankingsDailyRows(partition.slice(), layout);
    this.dayCache = dayCache;
    this.clock = clock;
  }

  @Override
  public boolean next() throws IOException {
    if (parts == null) {
      parts = plan().iterator();
    }
    while (true) {
      if (part != null) {
        if (part.next()) {
          current = part.get();
          return true;
        }
        closePart();
      }
      if (!parts.hasNext()) {
        return false;
      }
      part = parts.next().get();
    }
  }

  /**
   * Looks the days up in this JVM's cache, then orders the windows over the missing days and the
   * runs of days found in memory by date.
   */
  private List<Supplier<PartitionReader<InternalRow>>> plan() {
    Map<LocalDate, DayCache.Day> held = new HashMap<>();
    if (dayCache != null) {
      for (DateRange range : partition.days().ranges()) {
        for (LocalDate d = range.start(); !d.isAfter(range.end()); d = d.plusDays(1)) {
          LocalDate day = d;
          dayCache
              .get(day)
              .ifPresent(
                  found -> {
                    held.put(day, found);
                    metrics.cacheHit();
                  });
        }
      }
    }
    CachedDaysPlan plan =
        CachedDaysPlanner.plan(
            partition.days(), DateSet.ofDates(held.keySet()), partition.windowDays());
    return plan.inDateOrder(
        w ->
            () ->
                new RankingsDailyPartitionReader(
                    client,
                    new WindowPartition(partition.index(), w, partition.slice(), partition.days()),
                    layout,
                    dayCache,
                    metrics,
                    clock),
        run -> () -> new MemoryReader(rowsOf(run, held).iterator()));
  }

  /** Rows of days in memory, counted into {@link #rowsFromMemory}. */
  private final class MemoryReader implements PartitionReader<InternalRow> {
    private final Iterator<GenericInternalRow> rows;
    private InternalRow row;

    MemoryReader(Iterator<GenericInternalRow> rows) {
      this.rows = rows;
    }

    @Override
    public boolean next() {
      if (!rows.hasNext()) {
        return false;
      }
      row = rows.next();
      rowsFromMemory++;
      return true;
    }

    @Override
    public InternalRow get() {
      return row;
    }

    @Override
    public void close() {}
  }

  private List<GenericInternalRow> rowsOf(DateSet run, Map<LocalDate, DayCache.Day> held) {
    List<GenericInternalRow> out = new ArrayList<>();
    for (DateRange range : run.ranges()) {
      for (LocalDate d = range.start(); !d.isAfter(range.end()); d = d.plusDays(1)) {
        DayCache.Day day = held.get(d);
        for (DayCache.Row r : day.rows()) {
          GenericInternalRow row = rows.row(d, r.modelPermaslug(), r.totalTokens(), this::decimal);
          rows.fillAsOf(row, day.asOf());
          out.add(row);
        }
      }
    }
    return out;
  }

  private Decimal decimal(String digits) {
    Decimal value = SparkValues.decimal38(digits);
    if (value == null) {
      throw new IllegalStateException(
          "The OpenRouter API returned total_tokens "
              + digits
              + " for "
              + partition.slice()
              + ", which exceeds DECIMAL(38,0). The query was stopped rather than return a"
              + " partial result; if this persists, report it.");
    }
    return value;
  }

  private void closePart() throws IOException {
    try {
      part.close();
    } finally {
      if (part instanceof RankingsDailyPartitionReader fetched) {
        rowsOfClosedWindows += fetched.rowsRead();
      }
      part = null;
    }
  }

  @Override
  public InternalRow get() {
    return current;
  }

  @Override
  public CustomTaskMetric[] currentMetricsValues() {
    long fetched =
        rowsOfClosedWindows + (part instanceof RankingsDailyPartitionReader w ? w.rowsRead() : 0);
    return ConnectorMetrics.values(metrics, rowsFromMemory + fetched);
  }

  @Override
  public void close() throws IOException {
    if (part != null) {
      closePart();
    }
  }
}
