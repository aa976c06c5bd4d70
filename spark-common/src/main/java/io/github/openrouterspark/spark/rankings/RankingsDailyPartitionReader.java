package io.github.openrouterspark.spark.rankings;

import io.github.openrouterspark.api.ApiRequest;
import io.github.openrouterspark.api.DatasetMeta;
import io.github.openrouterspark.api.DatasetResponseCursor;
import io.github.openrouterspark.api.DayCache;
import io.github.openrouterspark.api.KeptBody;
import io.github.openrouterspark.api.OpenRouterClient;
import io.github.openrouterspark.api.RankingsDailyItem;
import io.github.openrouterspark.api.RequestMetrics;
import io.github.openrouterspark.plan.BucketCalendar;
import io.github.openrouterspark.plan.DateSet;
import io.github.openrouterspark.plan.Window;
import io.github.openrouterspark.spark.metrics.ConnectorMetrics;
import io.github.openrouterspark.spark.read.SparkValues;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.sql.connector.metric.CustomTaskMetric;
import org.apache.spark.sql.connector.read.PartitionReader;
import org.apache.spark.sql.types.Decimal;

/**
 * Reads one window of one parameter set: one request, turned into Spark rows that carry the
 * parameter set in the key columns. Rows on dates the query does not want (the window may span gaps
 * between wanted buckets) are dropped here, which is what lets date predicates be reported to Spark
 * as fully handled.
 *
 * <p>The response is read twice, so that memory does not grow with its size. The first pass, inside
 * the client's retry loop, streams the body and checks all of it (dates, meta coverage, duplicates,
 * decimal range) while building no row, and keeps one copy of the body ({@link KeptBody}: a
 * temporary file once it is large). A response that breaks off is requested again and checked
 * afresh, so no row is ever returned twice, and none from a response that turns out to be wrong.
 * The second pass decodes the kept copy lazily, one row per {@link #next()}, with {@code _as_of}
 * already known from the first. {@link #close()} (which Spark calls however the task ends) deletes
 * the copy.
 *
 * <p>With a {@link DayCache.Scope} (daily rows, cache enabled), the first pass also keeps every row
 * of the window, wanted or not, and once the response has been read to its end and its meta checked
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

  private final boolean tokensSelected;

  /** The response's kept body, once it has been read and checked, until the reader closes. */
  private KeptBody body;

  /** The second pass over {@link #body}. */
  private DatasetResponseCursor<RankingsDailyItem> rest;

  private Instant asOf;
  private boolean done;

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
    this.tokensSelected =
        Arrays.asList(layout.columns()).contains(RankingsDailyColumns.TOTAL_TOKENS);
  }

  @Override
  public boolean next() {
    if (done) {
      return false;
    }
    if (rest == null) {
      readWindow();
    }
    while (rest.next()) {
      RankingsDailyItem item = rest.item();
      if (dates.contains(item.date())) {
        GenericInternalRow row = toRow(item);
        if (rows.needsAsOf()) {
          rows.fillAsOf(row, asOf);
        }
        current = row;
        rowsRead++;
        return true;
      }
    }
    done = true;
    release();
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
    done = true;
    release();
  }

  /** Rows of the window read so far; for a caller that reads several windows in one task. */
  long rowsRead() {
    return rowsRead;
  }

  /** What the first pass learnt of one window's response. */
  private record Checked(WindowDays days, DatasetMeta meta) {}

  private void readWindow() {
    OpenRouterClient.Kept<Checked> read =
        client.readKept(request, new RankingsDailyItem(), metrics, this::check, null);
    body = read.body();
    Checked checked = read.value();
    asOf = checked.meta().asOf();
    if (dayCache != null) {
      checked.days().storeCompleted(dayCache, window, checked.meta(), LocalDate.now(clock));
    }
    try {
      rest = body.reopen(request, new RankingsDailyItem());
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Could not re-read the kept response of OpenRouter API request " + request, e);
    }
  }

  /**
   * The first pass, called once per attempt that got a response: checks every row as {@link
   * #next()} will use it, building none.
   */
  private Checked check(DatasetResponseCursor<RankingsDailyItem> cursor) {
    WindowDays days = dayCache == null ? null : new WindowDays();
    lastDate = null;
    while (cursor.next()) {
      RankingsDailyItem item = cursor.item();
      if (days != null) {
        days.add(item);
      }
      if (wanted(item) && tokensSelected) {
        decimal(item.totalTokens());
      }
    }
    return new Checked(days, checkMeta(cursor.meta()));
  }

  private void release() {
    try {
      if (rest != null) {
        rest.close();
      }
    } catch (IOException ignored) {
      // Only a local copy: nothing is lost.
    } finally {
      rest = null;
      if (body != null) {
        try {
          body.close();
        } catch (IOException e) {
          throw new UncheckedIOException("Could not delete a kept response body", e);
        } finally {
          body = null;
        }
      }
    }
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
