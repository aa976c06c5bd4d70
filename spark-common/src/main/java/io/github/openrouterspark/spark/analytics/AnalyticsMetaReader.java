package io.github.openrouterspark.spark.analytics;

import io.github.openrouterspark.api.AnalyticsClient;
import io.github.openrouterspark.api.AnalyticsMeta;
import io.github.openrouterspark.api.RequestMetrics;
import io.github.openrouterspark.spark.metrics.ConnectorMetrics;
import io.github.openrouterspark.spark.read.SparkValues;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.sql.connector.metric.CustomTaskMetric;
import org.apache.spark.sql.connector.read.PartitionReader;

/**
 * Reads {@code GET /analytics/meta} into one row per metric, dimension, operator and granularity.
 */
final class AnalyticsMetaReader implements PartitionReader<InternalRow> {
  private final AnalyticsClient client;
  private final RequestMetrics metrics = new RequestMetrics();
  private Iterator<InternalRow> rows;
  private InternalRow current;
  private long rowsRead;

  AnalyticsMetaReader(AnalyticsClient client) {
    this.client = client;
  }

  @Override
  public boolean next() {
    if (rows == null) {
      rows = rows(client.meta(metrics)).iterator();
    }
    if (!rows.hasNext()) {
      return false;
    }
    current = rows.next();
    rowsRead++;
    return true;
  }

  private static List<InternalRow> rows(AnalyticsMeta meta) {
    List<InternalRow> out = new ArrayList<>();
    meta.metrics()
        .forEach(
            m ->
                out.add(
                    row(
                        "metric",
                        m.name(),
                        m.displayLabel(),
                        m.displayFormat(),
                        m.isRate(),
                        null)));
    meta.dimensions()
        .forEach(d -> out.add(row("dimension", d.name(), d.displayLabel(), null, null, null)));
    meta.operators()
        .forEach(o -> out.add(row("operator", o.name(), null, null, null, o.valueType())));
    meta.granularities()
        .forEach(g -> out.add(row("granularity", g.name(), g.displayLabel(), null, null, null)));
    return out;
  }

  private static InternalRow row(
      String kind, String name, String label, String format, Boolean isRate, String valueType) {
    return new GenericInternalRow(
        new Object[] {
          SparkValues.string(kind),
          SparkValues.string(name),
          SparkValues.string(label),
          SparkValues.string(format),
          isRate,
          SparkValues.string(valueType)
        });
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
    // The response was closed once read.
  }
}
