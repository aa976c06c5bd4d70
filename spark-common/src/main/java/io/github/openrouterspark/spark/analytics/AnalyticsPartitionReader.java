package io.github.openrouterspark.spark.analytics;

import io.github.openrouterspark.api.AnalyticsClient;
import io.github.openrouterspark.api.AnalyticsQueryBody;
import io.github.openrouterspark.api.AnalyticsResult;
import io.github.openrouterspark.api.AnalyticsRowCursor;
import io.github.openrouterspark.api.KeptBody;
import io.github.openrouterspark.api.OpenRouterClient;
import io.github.openrouterspark.api.RequestMetrics;
import io.github.openrouterspark.plan.AnalyticsWindowPlanner;
import io.github.openrouterspark.plan.TimeWindow;
import io.github.openrouterspark.spark.metrics.ConnectorMetrics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.Deque;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.connector.metric.CustomTaskMetric;
import org.apache.spark.sql.connector.read.PartitionReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads one analytics window completely. The API says whether it cut a result short only after the
 * rows ({@code metadata.truncated}), so each response is read twice: once, inside the client's
 * retry loop, to check and convert every row (keeping none) while one copy of the body is kept (a
 * temporary file once it is large), then again from that copy, one row per {@link #next()}, once
 * the metadata said the result is complete. Memory does not grow with the response. A truncated
 * window is split in two at a bucket start and both halves are read in its place, in order, until
 * every piece is complete; when a window cannot be split (one bucket, or totals that do not add
 * up), the task fails rather than return a short result. A pushed LIMIT truncates by design and is
 * not split.
 */
final class AnalyticsPartitionReader implements PartitionReader<InternalRow> {
  private static final Logger LOG = LoggerFactory.getLogger(AnalyticsPartitionReader.class);

  private final AnalyticsClient client;
  private final AnalyticsReading plan;
  private final Deque<TimeWindow> pending = new ArrayDeque<>();
  private final AnalyticsQueryBody query;
  private final RequestMetrics metrics = new RequestMetrics();
  private KeptBody kept;
  private AnalyticsRowCursor rows;
  private AnalyticsRowDecoder decoder;
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
    while (true) {
      if (rows != null) {
        if (rows.next()) {
          current = decoder.last();
          rowsRead++;
          return true;
        }
        release();
      }
      if (pending.isEmpty()) {
        return false;
      }
      read(pending.pop());
    }
  }

  /** Reads {@code window}: opens its rows, or replaces it with its halves when truncated. */
  private void read(TimeWindow window) {
    AnalyticsQueryBody body = query.over(window.start(), window.end());
    OpenRouterClient.Kept<AnalyticsClient.Answer<AnalyticsRowDecoder>> answer =
        client.queryKept(body, () -> new AnalyticsRowDecoder(plan.layout()), metrics, null);
    kept = answer.body();
    AnalyticsResult result = answer.value().result();
    for (String warning : result.warnings()) {
      LOG.warn("OpenRouter analytics warning for {}: {}", body.toRequest(), warning);
    }
    if (!result.truncated() || plan.limited()) {
      decoder = new AnalyticsRowDecoder(plan.layout());
      try {
        rows = client.rows(body, kept, decoder);
      } catch (IOException e) {
        release();
        throw new UncheckedIOException(
            "Could not re-read the kept response of OpenRouter analytics request "
                + body.toRequest(),
            e);
      }
      return;
    }
    release();
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
  }

  /** Closes the current response's second pass and deletes its kept body. */
  private void release() {
    try {
      if (rows != null) {
        rows.close();
      }
    } catch (IOException ignored) {
      // Only a local copy: nothing is lost.
    } finally {
      rows = null;
      decoder = null;
      if (kept != null) {
        try {
          kept.close();
        } catch (IOException e) {
          throw new UncheckedIOException("Could not delete a kept response body", e);
        } finally {
          kept = null;
        }
      }
    }
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
    pending.clear();
    release();
  }
}
