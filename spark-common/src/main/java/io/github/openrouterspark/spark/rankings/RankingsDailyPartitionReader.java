package io.github.openrouterspark.spark.rankings;

import io.github.openrouterspark.api.ApiRequest;
import io.github.openrouterspark.api.DatasetMeta;
import io.github.openrouterspark.api.DatasetResponseCursor;
import io.github.openrouterspark.api.DayCache;
import io.github.openrouterspark.api.OpenRouterClient;
import io.github.openrouterspark.api.RankingsDailyItem;
import io.github.openrouterspark.api.RequestMetrics;
import io.github.openrouterspark.plan.BucketCalendar;
import io.github.openrouterspark.plan.DateSet;
import io.github.openrouterspark.plan.Window;
import io.github.openrouterspark.spark.metrics.ConnectorMetrics;
import io.github.openrouterspark.spark.read.SparkValues;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.sql.connector.metric.CustomTaskMetric;
import org.apache.spark.sql.connector.read.PartitionReader;
import org.apache.spark.sql.types.Decimal;

/**
 * Reads one window of one parameter set: one request, decoded as it streams in, straight into Spark
 * rows that carry the parameter set in the key columns. Rows on dates the query does not want (the
 * window may span gaps between wanted buckets) are dropped here, which is what lets date predicates
 * be reported to Spark as fully handled.
 *
 * <p>The whole window is decoded and checked inside the client's retry loop before its first row is
 * returned: a response that breaks off is requested again and decoded afresh, so no row is ever
 * returned twice, and none from a response that turns out to be wrong.
 *
 * <p>With a {@link DayCache.Scope} (daily rows, cache enabled), the reader also keeps every row of
 * the window, wanted or not, and once the response has been read to its end and its meta checked
 * stores the window's completed days in the {@link DayCache}: the days before both today (UTC, at
 * read time) and the date of the response's {@code as_of}. A window is stored whole or not at all.
 */
final class RankingsDailyPartitionReader implements PartitionReader<InternalRow> {
  private final OpenRouterClient client;
  private final Window window;
  private final RankingsDailySlice slice;
  private final DateSet dates;
  private final RankingsDailyRows rows;

  /** Rows of a week or month are dated by their bucket's start, which may precede the window. */
  private final LocalDate firstBucket;

  private final LocalDate lastBucket;
  private final BucketCalendar calendar;
  private final RequestMetrics metrics;
  private final DayCache.Scope dayCache;
  private final Clock clock;
  private final ApiRequest request;
  private long rowsRead;

  /** The window's wanted rows, once its response has been read and checked. */
  private Iterator<GenericInternalRow> held;

  private InternalRow current;
  private LocalDate lastDate;
  private boolean lastDateWanted;

  RankingsDailyPartitionReader(
      OpenRouterClient client, WindowPartition partition, RankingsDailyLayout layout) {
    this(client, partition, layout, null, new RequestMetrics(), Clock.systemUTC());
  }

  /**
   * @param dayCache where to store the window's completed days, or null to store nothing (only for
   *     daily rows)
   * @param metrics the counters to add this reader's traffic to
   */
  RankingsDailyPartitionReader(
      OpenRouterClient client,
      WindowPartition partition,
      RankingsDailyLayout layout,
      DayCache.Scope dayCache,
      RequestMetrics metrics,
      Clock clock) {
    this.client = client;
    this.window = partition.window();
    this.slice = partition.slice();
    this.dates = partition.starts();
    this.rows = new RankingsDailyRows(slice, layout);
    this.calendar = slice.calendar();
    this.firstBucket = calendar.bucketOf(window.start());
    this.lastBucket = calendar.bucketOf(window.end());
    this.metrics = metrics;
    if (dayCache != null && calendar != BucketCalendar.DAY) {
      throw new IllegalArgumentException("only daily rows are kept by day: " + slice);
    }
    this.dayCache = dayCache;
    this.clock = clock;
    this.request = slice.query(window).toRequest();
  }

  @Override
  public boolean next() {
    if (held == null) {
      held = readWindow().iterator();
    }
    if (held.hasNext()) {
      current = held.next();
      rowsRead++;
      return true;
    }
    return false;
  }

  @Override
  public CustomTaskMetric[] currentMetricsValues() {
    return ConnectorMetrics.values(metrics, rowsRead);
  }

  @Override
  public InternalRow get() {
    return current;
  }

  @Override
  public void close() throws IOException {
    // The response was read completely, and closed, before the first row was returned.
  }

  /** Rows of the window read so far; for a caller that reads several windows in one task. */
  long rowsRead() {
    return rowsRead;
  }

  /** One window's response, decoded and checked. */
  private record WindowRows(List<GenericInternalRow> wanted, WindowDays days, DatasetMeta meta) {}

  private List<GenericInternalRow> readWindow() {
    WindowRows read = client.read(request, new RankingsDailyItem(), metrics, this::decode);
    if (dayCache != null) {
      read.days().storeCompleted(dayCache, window, read.meta(), LocalDate.now(clock));
    }
    return read.wanted();
  }

  /** Called once per attempt that got a response: everything is built afresh. */
  private WindowRows decode(DatasetResponseCursor<RankingsDailyItem> cursor) {
    List<GenericInternalRow> wanted = new ArrayList<>();
    WindowDays days = dayCache == null ? null : new WindowDays();
    lastDate = null;
    while (cursor.next()) {
      RankingsDailyItem item = cursor.item();
      if (days != null) {
        days.add(item);
      }
      if (wanted(item)) {
        wanted.add(toRow(item));
      }
    }
    DatasetMeta meta = checkMeta(cursor.meta());
    if (rows.needsAsOf()) {
      wanted.forEach(r -> rows.fillAsOf(r, meta.asOf()));
    }
    return new WindowRows(wanted, days, meta);
  }

  private boolean wanted(RankingsDailyItem item) {
    LocalDate date = item.date();
    if (date != lastDate) {
      if (date.isBefore(firstBucket) || date.isAfter(lastBucket) || !calendar.isBucketStart(date)) {
        throw inconsistent(
            "a row dated "
                + date
                + ", outside the requested window "
                + window
                + (calendar == BucketCalendar.DAY
                    ? ""
                    : " (whose "
                        + calendar.period()
                        + " buckets start "
                        + firstBucket
                        + ".."
                        + lastBucket
                        + ")"));
      }
      lastDate = date;
      lastDateWanted = dates.contains(date);
    }
    return lastDateWanted;
  }

  /** The API must have covered the whole window, or rows would be silently missing. */
  private DatasetMeta checkMeta(DatasetMeta meta) {
    if (meta.startDate().isAfter(window.start()) || meta.endDate().isBefore(window.end())) {
      throw inconsistent(
          "meta.start_date/end_date "
              + meta.startDate()
              + ".."
              + meta.endDate()
              + ", narrower than the requested window "
              + window
              + ", so rows would be missing");
    }
    return meta;
  }

  private IllegalStateException inconsistent(String what) {
    return new IllegalStateException(
        "OpenRouter API request "
            + request
            + " returned "
            + what
            + ". The query was stopped rather than return a partial result; if this persists, report it.");
  }

  private GenericInternalRow toRow(RankingsDailyItem item) {
    return rows.row(item.date(), item.modelPermaslug(), item.totalTokens(), this::decimal);
  }

  private Decimal decimal(String digits) {
    Decimal value = SparkValues.decimal38(digits);
    if (value == null) {
      throw inconsistent("total_tokens " + digits + ", which exceeds DECIMAL(38,0)");
    }
    return value;
  }
}
