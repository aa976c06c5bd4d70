package io.github.openrouterspark.spark.metrics;

import org.apache.spark.sql.connector.metric.CustomSumMetric;

/** Summed over tasks: OpenRouter retries. */
public final class Retries extends CustomSumMetric {
  static final String NAME = "openrouterRetries";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "OpenRouter retries";
  }
}
