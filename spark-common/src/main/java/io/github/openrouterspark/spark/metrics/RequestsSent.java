package io.github.openrouterspark.spark.metrics;

import org.apache.spark.sql.connector.metric.CustomSumMetric;

/** Summed over tasks: OpenRouter requests sent. */
public final class RequestsSent extends CustomSumMetric {
  static final String NAME = "openrouterRequests";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "OpenRouter requests sent";
  }
}
