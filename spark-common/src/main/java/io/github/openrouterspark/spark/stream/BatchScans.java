package io.github.openrouterspark.spark.stream;

import io.github.openrouterspark.options.ReadOptions;
import io.github.openrouterspark.spark.analytics.AnalyticsDatasets;
import io.github.openrouterspark.spark.apprankings.AppRankingsDataset;
import io.github.openrouterspark.spark.rankings.RankingsDailyDataset;
import io.github.openrouterspark.spark.read.DatasetDefinition;
import org.apache.spark.sql.connector.read.Scan;

/**
 * The batch scan of one micro-batch: the dataset's own scan builder over the batch's range, so
 * slices, parameter options, windows, the day cache and the request budget work exactly as in
 * {@code spark.read}. Streams get no pushdown from Spark, so the builder is built as given.
 */
final class BatchScans {
  private BatchScans() {}

  static Scan build(ReadOptions options) {
    DatasetDefinition definition =
        switch (options.dataset()) {
          case RANKINGS_DAILY -> RankingsDailyDataset.of(options);
          case APP_RANKINGS -> AppRankingsDataset.of(options);
          case ANALYTICS -> AnalyticsDatasets.analytics(options);
          case ANALYTICS_META ->
              throw new IllegalArgumentException("analytics-meta cannot be streamed");
        };
    return definition.scanBuilders().get().build();
  }
}
