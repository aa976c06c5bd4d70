package io.github.openrouterspark.spark.analytics;

import io.github.openrouterspark.api.AnalyticsClient;
import io.github.openrouterspark.api.AnalyticsQueryBody;
import io.github.openrouterspark.api.AnalyticsResult;
import io.github.openrouterspark.api.RequestMetrics;
import io.github.openrouterspark.plan.AnalyticsWindowPlanner;
import io.github.openrouterspark.plan.TimeWindow;
import io.github.openrouterspark.spark.metrics.ConnectorMetrics;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.sql.connector.metric.CustomTaskMetric;
import org.apache.spark.sql.connector.read.PartitionReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads one analytics window completely. The API says whether it cut a result short only after the
 * rows ({@code metadata.truncated}), so each response's rows (at most the API's limit of 10,000)
 * are held until then. A truncated window is split in two at a bucket start and both halves are
 * read in its place, in order, until every piece is complete; when a window cannot be split (one
 * bucket, or totals that do not add up), the task fails rather than return a short result. A pushed
 * LIMIT truncates by design and is not split.
 */
final class AnalyticsPartitionReader implements PartitionReader<InternalRow> {
  private static final Logger LOG = LoggerFactory.getLogger(AnalyticsPartitionReader.class);

  private final AnalyticsClient client;
  private final AnalyticsReading plan;
  private final Deque<TimeWindow> pending = new ArrayDeque<>();
  private final AnalyticsQueryBody query;
  private final RequestMetrics metrics = new RequestMetrics();
  private Iterator<GenericInternalRow> rows = List.<GenericInternalRow>of().iterator();
  private InternalRow current;
  private long rowsRead;

  AnalyticsPartitionReader(
      AnalyticsClient client, AnalyticsPartition partition, AnalyticsReading plan) {
    this.client = client;
    this.plan = plan;
    this.query = partition.query();
    pending.add(new TimeWindow(query.start(), query.end()));
  }

  @Override
  public boolean next() {
    while (!rows.hasNext()) {
      if (pending.isEmpty()) {
        return false;
      }
      rows = read(pending.pop()).iterator();
    }
    current = rows.next();
    rowsRead++;
    return true;
  }

  private List<GenericInternalRow> read(TimeWindow window) {
    AnalyticsQueryBody body = query.over(window.start(), window.end());
    AnalyticsClient.Answer<AnalyticsRowDecoder> answer =
        client.query(body, () -> new AnalyticsRowDecoder(plan.layout()), metrics);
    AnalyticsResult result = answer.result();
    AnalyticsRowDecoder decoder = answer.rows();
    for (String warning : result.warnings()) {
      LOG.warn("OpenRouter analytics warning for {}: {}", body.toRequest(), warning);
    }
    if (!result.truncated() || plan.limited()) {
      return decoder.takeRows();
    }
    TimeWindow[] halves =
        plan.splittable() ? AnalyticsWindowPlanner.split(window, plan.granularity()) : null;
    if (halves == null) {
      throw new IllegalStateException(
          "OpenRouter analytics request "
              + body.toRequest()
              + " returned a truncated"
              + " result (more than "
              + body.limit()
              + " rows), and "
              + (plan.splittable()
                  ? "its window is a single "
                      + plan.granularity().apiName()
                      + " bucket, so it cannot be split further."
                  : "totals over a window cannot be split into parts without changing them.")
              + " The query was stopped rather than return a partial result: add filters on dimension columns,"
              + " group by fewer dimensions, "
              + (plan.splittable() ? "or use a finer granularity." : "or set a granularity."));
    }
    LOG.info(
        "OpenRouter analytics result for {} was truncated at {} rows; reading {} and {} instead",
        window,
        body.limit(),
        halves[0],
        halves[1]);
    pending.push(halves[1]);
    pending.push(halves[0]);
    return List.of();
  }

  @Override
  public InternalRow get() {
    return current;
  }

  @Override
  public CustomTaskMetric[] currentMetricsValues() {
    return ConnectorMetrics.values(metrics, rowsRead);
  }

  @Override
  public void close() {
    // Each response is closed as soon as it has been read.
  }
}
