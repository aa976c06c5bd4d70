package io.github.openrouterspark.spark.apprankings;

import io.github.openrouterspark.options.ReadOptions;
import io.github.openrouterspark.spark.read.DatasetDefinition;

/** The {@code app-rankings} dataset, as the data source offers it. */
public final class AppRankingsDataset {
  private AppRankingsDataset() {}

  public static DatasetDefinition of(ReadOptions options) {
    return new DatasetDefinition(
        AppRankingsColumns.SCHEMA, () -> new AppRankingsScanBuilder(options), true);
  }
}
