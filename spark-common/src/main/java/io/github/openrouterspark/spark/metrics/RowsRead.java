package io.github.openrouterspark.spark.metrics;

import org.apache.spark.sql.connector.metric.CustomSumMetric;

/** Summed over tasks: rows read from OpenRouter. */
public final class RowsRead extends CustomSumMetric {
  static final String NAME = "openrouterRows";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "rows read from OpenRouter";
  }
}
