package io.github.openrouterspark.spark.rankings;

import io.github.openrouterspark.options.ReadOptions;
import io.github.openrouterspark.spark.read.DatasetDefinition;

/** The {@code rankings-daily} dataset, as the data source offers it. */
public final class RankingsDailyDataset {
  private RankingsDailyDataset() {}

  public static DatasetDefinition of(ReadOptions options) {
    return new DatasetDefinition(
        RankingsDailyColumns.SCHEMA, () -> new RankingsDailyScanBuilder(options), true);
  }
}
