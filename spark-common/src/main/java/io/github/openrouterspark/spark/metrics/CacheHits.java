package io.github.openrouterspark.spark.metrics;

import org.apache.spark.sql.connector.metric.CustomSumMetric;

/** Summed over tasks: OpenRouter responses from cache. */
public final class CacheHits extends CustomSumMetric {
  static final String NAME = "openrouterCacheHits";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "OpenRouter responses from cache";
  }
}
