package io.github.openrouterspark.spark.metrics;

import org.apache.spark.sql.connector.metric.CustomSumMetric;

/** Summed over tasks: OpenRouter response bytes. */
public final class BytesRead extends CustomSumMetric {
  static final String NAME = "openrouterBytes";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "OpenRouter response bytes";
  }
}
