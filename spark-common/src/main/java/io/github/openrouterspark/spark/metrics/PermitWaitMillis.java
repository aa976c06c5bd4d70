package io.github.openrouterspark.spark.metrics;

import org.apache.spark.sql.connector.metric.CustomSumMetric;

/** Summed over tasks: time waiting for the OpenRouter rate limit (ms). */
public final class PermitWaitMillis extends CustomSumMetric {
  static final String NAME = "openrouterPermitWaitMs";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "time waiting for the OpenRouter rate limit (ms)";
  }
}
