package io.github.openrouterspark.spark.metrics;

import io.github.openrouterspark.api.RequestMetrics;
import org.apache.spark.sql.connector.metric.CustomMetric;
import org.apache.spark.sql.connector.metric.CustomTaskMetric;

/**
 * The custom metrics every OpenRouter scan reports in the Spark UI (SQL tab), summed over tasks.
 */
public final class ConnectorMetrics {
  private ConnectorMetrics() {}

  public static CustomMetric[] supported() {
    return new CustomMetric[] {
      new RequestsSent(),
      new CacheHits(),
      new RateLimitedResponses(),
      new Retries(),
      new PermitWaitMillis(),
      new BytesRead(),
      new RowsRead()
    };
  }

  /** The task's current values, for {@code PartitionReader.currentMetricsValues()}. */
  public static CustomTaskMetric[] values(RequestMetrics m, long rows) {
    return new CustomTaskMetric[] {
      value(RequestsSent.NAME, m.requests()),
      value(CacheHits.NAME, m.cacheHits()),
      value(RateLimitedResponses.NAME, m.rateLimitedResponses()),
      value(Retries.NAME, m.retries()),
      value(PermitWaitMillis.NAME, m.permitWaitMillis()),
      value(BytesRead.NAME, m.bytes()),
      value(RowsRead.NAME, rows)
    };
  }

  private static CustomTaskMetric value(String name, long value) {
    return new CustomTaskMetric() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public long value() {
        return value;
      }
    };
  }
}
