package io.github.openrouterspark.spark;

import io.github.openrouterspark.api.DatasetMeta;
import io.github.openrouterspark.api.DatasetResponseCursor;
import io.github.openrouterspark.api.DatasetsClient;
import io.github.openrouterspark.api.RankingsDailyItem;
import io.github.openrouterspark.api.RequestMetrics;
import io.github.openrouterspark.spark.metrics.ConnectorMetrics;
import io.github.openrouterspark.plan.BucketCalendar;
import io.github.openrouterspark.plan.DateSet;
import io.github.openrouterspark.plan.Window;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.sql.connector.metric.CustomTaskMetric;
import org.apache.spark.sql.connector.read.PartitionReader;
import org.apache.spark.sql.types.Decimal;
import org.apache.spark.unsafe.types.UTF8String;

/**
 * Reads one window of one parameter set: one request, decoded as it streams in, straight into
 * Spark rows that carry the parameter set in the key columns. Rows on dates the query does not
 * want (the window may span gaps between wanted buckets) are dropped here, which is what lets
 * date predicates be reported to Spark as fully handled.
 */
final class RankingsDailyPartitionReader implements PartitionReader<InternalRow> {
  private final DatasetsClient client;
  private final Window window;
  private final RankingsDailySlice slice;
  private final DateSet dates;
  private final RowLayout layout;
  /** Rows of a week or month are dated by their bucket's start, which may precede the window. */
  private final LocalDate firstBucket;
  private final LocalDate lastBucket;
  private final BucketCalendar calendar;
  private final UTF8String[] keyValues;
  private final RequestMetrics metrics = new RequestMetrics();
  private long rowsRead;

  private DatasetResponseCursor<RankingsDailyItem> cursor;
  private Iterator<GenericInternalRow> held;
  private InternalRow current;
  private LocalDate lastDate;
  private boolean lastDateWanted;

  RankingsDailyPartitionReader(DatasetsClient client, WindowPartition partition, RowLayout layout) {
    this.client = client;
    this.window = partition.window();
    this.slice = partition.slice();
    this.dates = partition.starts();
    this.layout = layout;
    this.calendar = slice.calendar();
    this.firstBucket = calendar.bucketOf(window.start());
    this.lastBucket = calendar.bucketOf(window.end());
    this.keyValues = new UTF8String[] {
        SparkValues.string(slice.effectivePeriod()), SparkValues.string(slice.modality()),
        SparkValues.string(slice.contextBucket()), SparkValues.string(slice.category()),
        SparkValues.string(slice.languageType())};
  }

  @Override
  public boolean next() {
    if (held != null) {
      return nextHeld();
    }
    if (cursor == null) {
      cursor = client.open(slice.query(window).toRequest(), new RankingsDailyItem(), metrics);
    }
    while (cursor.next()) {
      if (!wanted(cursor.item())) {
        continue;
      }
      GenericInternalRow row = toRow(cursor.item());
      if (layout.needsAsOf() && cursor.meta() == null) {
        // meta (with as_of) comes after data in this response: hold the window's rows until it arrives.
        holdRestOfWindow(row);
        return nextHeld();
      }
      fillAsOf(row, cursor.meta());
      current = row;
      rowsRead++;
      return true;
    }
    checkMeta(cursor.meta());
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
    if (cursor != null) {
      cursor.close();
    }
  }

  private void holdRestOfWindow(GenericInternalRow first) {
    List<GenericInternalRow> rows = new ArrayList<>();
    rows.add(first);
    while (cursor.next()) {
      if (wanted(cursor.item())) {
        rows.add(toRow(cursor.item()));
      }
    }
    DatasetMeta meta = checkMeta(cursor.meta());
    rows.forEach(r -> fillAsOf(r, meta));
    held = rows.iterator();
  }

  private boolean nextHeld() {
    if (held.hasNext()) {
      current = held.next();
      rowsRead++;
      return true;
    }
    return false;
  }

  private boolean wanted(RankingsDailyItem item) {
    LocalDate date = item.date();
    if (date != lastDate) {
      if (date.isBefore(firstBucket) || date.isAfter(lastBucket) || !calendar.isBucketStart(date)) {
        throw inconsistent("a row dated " + date + ", outside the requested window " + window
            + (calendar == BucketCalendar.DAY ? ""
                : " (whose " + calendar.period() + " buckets start " + firstBucket + ".." + lastBucket + ")"));
      }
      lastDate = date;
      lastDateWanted = dates.contains(date);
    }
    return lastDateWanted;
  }

  /** The API must have covered the whole window, or rows would be silently missing. */
  private DatasetMeta checkMeta(DatasetMeta meta) {
    if (meta.startDate().isAfter(window.start()) || meta.endDate().isBefore(window.end())) {
      throw inconsistent("meta.start_date/end_date " + meta.startDate() + ".." + meta.endDate()
          + ", narrower than the requested window " + window + ", so rows would be missing");
    }
    return meta;
  }

  private IllegalStateException inconsistent(String what) {
    return new IllegalStateException("OpenRouter API request " + cursor.request() + " returned " + what
        + ". The query was stopped rather than return a partial result; if this persists, report it.");
  }

  private GenericInternalRow toRow(RankingsDailyItem item) {
    Object[] values = new Object[layout.width()];
    RankingsDailyColumns[] columns = layout.columns();
    for (int i = 0; i < values.length; i++) {
      values[i] = switch (columns[i]) {
        case DATE -> SparkValues.date(item.date());
        case MODEL_PERMASLUG -> UTF8String.fromString(item.modelPermaslug());
        case TOTAL_TOKENS -> decimal(item.totalTokens());
        case PERIOD -> keyValues[0];
        case MODALITY -> keyValues[1];
        case CONTEXT_BUCKET -> keyValues[2];
        case CATEGORY -> keyValues[3];
        case LANGUAGE_TYPE -> keyValues[4];
        case AS_OF -> null; // filled from meta
      };
    }
    return new GenericInternalRow(values);
  }

  private void fillAsOf(GenericInternalRow row, DatasetMeta meta) {
    RankingsDailyColumns[] columns = layout.columns();
    for (int i = 0; i < columns.length; i++) {
      if (columns[i] == RankingsDailyColumns.AS_OF) {
        row.update(i, SparkValues.timestamp(meta.asOf()));
      }
    }
  }

  private Decimal decimal(String digits) {
    Decimal value = SparkValues.decimal38(digits);
    if (value == null) {
      throw inconsistent("total_tokens " + digits + ", which exceeds DECIMAL(38,0)");
    }
    return value;
  }
}
