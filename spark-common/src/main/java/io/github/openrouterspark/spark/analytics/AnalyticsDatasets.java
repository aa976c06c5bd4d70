package io.github.openrouterspark.spark.analytics;

import io.github.openrouterspark.options.ReadOptions;
import io.github.openrouterspark.spark.read.ConnectorClock;
import io.github.openrouterspark.spark.read.DatasetDefinition;
import io.github.openrouterspark.spark.read.DatasetScan;
import org.apache.spark.sql.connector.read.ScanBuilder;

/** The {@code analytics} and {@code analytics-meta} datasets, as the data source offers them. */
public final class AnalyticsDatasets {
  private AnalyticsDatasets() {}

  /**
   * Resolving the schema is the one moment that needs I/O: the columns come from /analytics/meta.
   */
  public static DatasetDefinition analytics(ReadOptions options) {
    AnalyticsSchema schema =
        AnalyticsSchema.of(AnalyticsMetaCache.get(options), options.analytics());
    return new DatasetDefinition(
        schema.struct(),
        () -> new AnalyticsScanBuilder(options, schema, ConnectorClock.current()),
        false);
  }

  /** Nothing to push: the scan builder only builds. */
  public static DatasetDefinition meta(ReadOptions options) {
    return new DatasetDefinition(
        AnalyticsSchema.metaTableSchema(),
        () -> (ScanBuilder) () -> DatasetScan.of(options, new AnalyticsMetaRead()),
        false);
  }
}
