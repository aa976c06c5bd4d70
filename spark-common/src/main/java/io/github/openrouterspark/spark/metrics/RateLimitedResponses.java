package io.github.openrouterspark.spark.metrics;

import org.apache.spark.sql.connector.metric.CustomSumMetric;

/** Summed over tasks: OpenRouter 429 responses. */
public final class RateLimitedResponses extends CustomSumMetric {
  static final String NAME = "openrouter429s";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "OpenRouter 429 responses";
  }
}
