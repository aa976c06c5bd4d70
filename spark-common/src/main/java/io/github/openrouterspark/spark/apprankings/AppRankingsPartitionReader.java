package io.github.openrouterspark.spark.apprankings;

import io.github.openrouterspark.api.ApiRequest;
import io.github.openrouterspark.api.AppRankingsItem;
import io.github.openrouterspark.api.AppRankingsQuery;
import io.github.openrouterspark.api.DatasetMeta;
import io.github.openrouterspark.api.DatasetResponseCursor;
import io.github.openrouterspark.api.OpenRouterClient;
import io.github.openrouterspark.api.RequestMetrics;
import io.github.openrouterspark.plan.AppRankingsTask;
import io.github.openrouterspark.plan.RankPage;
import io.github.openrouterspark.spark.metrics.ConnectorMetrics;
import io.github.openrouterspark.spark.read.SparkValues;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.sql.connector.metric.CustomTaskMetric;
import org.apache.spark.sql.connector.read.PartitionReader;
import org.apache.spark.sql.types.Decimal;

/**
 * Reads one ranking page by page. A page holds at most 100 rows, so each is decoded into Spark rows
 * as it streams in and held until its {@code meta} (which may come last) has been checked. A page
 * shorter than its limit is the ranking's end: no further page is requested.
 */
final class AppRankingsPartitionReader implements PartitionReader<InternalRow> {
  private final OpenRouterClient client;
  private final AppRankingsTask task;
  private final AppRankingsColumns[] columns;

  private int nextPage;
  private boolean ended;
  private Iterator<GenericInternalRow> page = List.<GenericInternalRow>of().iterator();
  private InternalRow current;
  private final RequestMetrics metrics = new RequestMetrics();
  private long rowsRead;

  AppRankingsPartitionReader(
      OpenRouterClient client, AppRankingsTask task, AppRankingsLayout layout) {
    this.client = client;
    this.task = task;
    this.columns = layout.columns();
  }

  @Override
  public boolean next() {
    while (!page.hasNext()) {
      if (ended || nextPage >= task.pages().size()) {
        return false;
      }
      page = fetch(task.pages().get(nextPage++)).iterator();
    }
    current = page.next();
    rowsRead++;
    return true;
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
    // Each page's response is closed as soon as it has been read.
  }

  /** One page's rows, and how many ranks the response held (the wanted rows may be fewer). */
  private record Page(List<GenericInternalRow> rows, int received) {}

  private List<GenericInternalRow> fetch(RankPage rankPage) {
    ApiRequest request =
        new AppRankingsQuery(
                task.window().start(),
                task.window().end(),
                task.sort(),
                task.category(),
                task.subcategory(),
                rankPage.offset(),
                rankPage.limit())
            .toRequest();
    // Decoded completely inside the client's retry loop: a response that breaks off is read again
    // from the start, and no row of it is returned before the whole page was checked.
    Page page =
        client.read(
            request, new AppRankingsItem(), metrics, cursor -> decode(request, rankPage, cursor));
    ended = page.received() < rankPage.limit();
    return page.rows();
  }

  private Page decode(
      ApiRequest request, RankPage rankPage, DatasetResponseCursor<AppRankingsItem> cursor) {
    List<GenericInternalRow> rows = new ArrayList<>(rankPage.limit());
    int received = 0;
    long expectedRank = rankPage.firstRank();
    while (cursor.next()) {
      AppRankingsItem item = cursor.item();
      if (item.rank() != expectedRank || received == rankPage.limit()) {
        throw inconsistent(
            request,
            "rank "
                + item.rank()
                + " where rank "
                + expectedRank
                + " was expected (ranks are absolute and consecutive within "
                + rankPage
                + ")");
      }
      expectedRank++;
      received++;
      if (item.rank() >= task.ranks().lo() && item.rank() <= task.ranks().hi()) {
        rows.add(toRow(item, request));
      }
    }
    DatasetMeta meta = cursor.meta();
    if (!meta.startDate().equals(task.window().start())
        || !meta.endDate().equals(task.window().end())) {
      throw inconsistent(
          request,
          "meta.start_date/end_date "
              + meta.startDate()
              + ".."
              + meta.endDate()
              + " for the requested window "
              + task.window());
    }
    long asOf = SparkValues.timestamp(meta.asOf());
    for (GenericInternalRow row : rows) {
      for (int i = 0; i < columns.length; i++) {
        if (columns[i] == AppRankingsColumns.AS_OF) {
          row.update(i, asOf);
        }
      }
    }
    return new Page(rows, received);
  }

  private GenericInternalRow toRow(AppRankingsItem item, ApiRequest request) {
    Object[] values = new Object[columns.length];
    for (int i = 0; i < columns.length; i++) {
      values[i] =
          switch (columns[i]) {
            case START_DATE -> SparkValues.date(task.window().start());
            case END_DATE -> SparkValues.date(task.window().end());
            case SORT -> SparkValues.string(task.sort());
            case CATEGORY -> SparkValues.string(task.category());
            case SUBCATEGORY -> SparkValues.string(task.subcategory());
            case RANK -> (int) item.rank();
            case APP_ID -> item.appId();
            case APP_NAME -> SparkValues.string(item.appName());
            case TOTAL_REQUESTS -> item.totalRequests();
            case TOTAL_TOKENS -> tokens(item, request);
            case AS_OF -> null; // filled from meta once the page is complete
          };
    }
    return new GenericInternalRow(values);
  }

  private static Decimal tokens(AppRankingsItem item, ApiRequest request) {
    Decimal d = SparkValues.decimal38(item.totalTokens());
    if (d == null) {
      throw inconsistent(
          request, "total_tokens " + item.totalTokens() + ", which exceeds DECIMAL(38,0)");
    }
    return d;
  }

  private static IllegalStateException inconsistent(ApiRequest request, String what) {
    return new IllegalStateException(
        "OpenRouter API request "
            + request
            + " returned "
            + what
            + ". The query was stopped rather than return a wrong or partial result; if this persists, report it.");
  }
}
