package io.github.openrouterspark.spark;

import io.github.openrouterspark.api.DatasetMeta;
import io.github.openrouterspark.api.DatasetResponseCursor;
import io.github.openrouterspark.api.DatasetsClient;
import io.github.openrouterspark.api.RankingsDailyItem;
import io.github.openrouterspark.api.RankingsDailyQuery;
import io.github.openrouterspark.plan.DateSet;
import io.github.openrouterspark.plan.Window;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.sql.connector.read.PartitionReader;
import org.apache.spark.sql.types.Decimal;
import org.apache.spark.unsafe.types.UTF8String;

/**
 * Reads one window: one request, decoded as it streams in, straight into Spark rows. Rows on
 * dates the query does not want (the window may span gaps between wanted dates) are dropped here,
 * which is what lets date predicates be reported to Spark as fully handled.
 */
final class RankingsDailyPartitionReader implements PartitionReader<InternalRow> {
  private static final int MAX_DECIMAL_DIGITS = 38;

  private final DatasetsClient client;
  private final Window window;
  private final DateSet dates;
  private final RowLayout layout;

  private DatasetResponseCursor<RankingsDailyItem> cursor;
  private Iterator<GenericInternalRow> held;
  private InternalRow current;
  private LocalDate lastDate;
  private boolean lastDateWanted;

  RankingsDailyPartitionReader(DatasetsClient client, Window window, DateSet dates, RowLayout layout) {
    this.client = client;
    this.window = window;
    this.dates = dates;
    this.layout = layout;
  }

  @Override
  public boolean next() {
    if (held != null) {
      return nextHeld();
    }
    if (cursor == null) {
      cursor = client.open(new RankingsDailyQuery(window.start(), window.end()).toRequest(), new RankingsDailyItem());
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
      return true;
    }
    checkMeta(cursor.meta());
    return false;
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
      return true;
    }
    return false;
  }

  private boolean wanted(RankingsDailyItem item) {
    LocalDate date = item.date();
    if (date != lastDate) {
      if (date.isBefore(window.start()) || date.isAfter(window.end())) {
        throw inconsistent("a row dated " + date + ", outside the requested window " + window);
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
        case DATE -> (int) item.date().toEpochDay();
        case MODEL_PERMASLUG -> UTF8String.fromString(item.modelPermaslug());
        case TOTAL_TOKENS -> decimal(item.totalTokens());
        case AS_OF -> null; // filled from meta
      };
    }
    return new GenericInternalRow(values);
  }

  private void fillAsOf(GenericInternalRow row, DatasetMeta meta) {
    RankingsDailyColumns[] columns = layout.columns();
    for (int i = 0; i < columns.length; i++) {
      if (columns[i] == RankingsDailyColumns.AS_OF) {
        Instant asOf = meta.asOf();
        row.update(i, asOf.getEpochSecond() * 1_000_000L + asOf.getNano() / 1_000);
      }
    }
  }

  private Decimal decimal(String digits) {
    if (digits.length() <= 18) {
      return Decimal.apply(Long.parseLong(digits));
    }
    BigInteger value = new BigInteger(digits);
    if (value.toString().length() > MAX_DECIMAL_DIGITS) {
      throw inconsistent("total_tokens " + digits + ", which exceeds DECIMAL(38,0)");
    }
    return Decimal.apply(new BigDecimal(value));
  }
}
