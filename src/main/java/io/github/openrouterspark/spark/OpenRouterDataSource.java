package io.github.openrouterspark.spark;

import io.github.openrouterspark.options.ReadOptions;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.connector.catalog.SessionConfigSupport;
import org.apache.spark.sql.connector.catalog.Table;
import org.apache.spark.sql.connector.catalog.TableProvider;
import org.apache.spark.sql.connector.expressions.Transform;
import org.apache.spark.sql.sources.DataSourceRegister;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.util.CaseInsensitiveStringMap;

/**
 * Entry point for {@code spark.read.format("openrouter")}. Options are validated here, when the
 * DataFrame is defined, so mistakes surface before any request; session confs
 * {@code spark.datasource.openrouter.<option>} supply defaults.
 */
public final class OpenRouterDataSource implements TableProvider, DataSourceRegister, SessionConfigSupport {
  public static final String SHORT_NAME = "openrouter";

  @Override
  public String shortName() {
    return SHORT_NAME;
  }

  @Override
  public String keyPrefix() {
    return SHORT_NAME;
  }

  @Override
  public StructType inferSchema(CaseInsensitiveStringMap options) {
    // The case-sensitive view keeps the user's spelling for error messages.
    return tableFor(parse(options.asCaseSensitiveMap())).schema();
  }

  @Override
  public Table getTable(StructType schema, Transform[] partitioning, Map<String, String> properties) {
    return tableFor(parse(properties));
  }

  private static Table tableFor(ReadOptions options) {
    return switch (options.dataset()) {
      case RANKINGS_DAILY -> new DatasetTable(options.dataset().apiName(), RankingsDailyColumns.SCHEMA,
          () -> new RankingsDailyScanBuilder(options));
      case APP_RANKINGS -> new DatasetTable(options.dataset().apiName(), AppRankingsColumns.SCHEMA,
          () -> new AppRankingsScanBuilder(options));
      case ANALYTICS_META -> new DatasetTable(options.dataset().apiName(), AnalyticsSchema.metaTableSchema(),
          () -> new AnalyticsMetaScan(options), false);
      case ANALYTICS -> {
        // Resolving the schema is the one moment that needs I/O: the columns come from /analytics/meta.
        AnalyticsSchema schema = AnalyticsSchema.of(AnalyticsMetaCache.get(options), options.analytics());
        yield new DatasetTable(options.dataset().apiName(), schema.struct(),
            () -> new AnalyticsScanBuilder(options, schema, java.time.Clock.systemUTC()), false);
      }
    };
  }

  private static ReadOptions parse(Map<String, String> options) {
    return ReadOptions.parse(options, OpenRouterDataSource::sparkConf, System.getenv());
  }

  private static String sparkConf(String key) {
    return SparkSession.getActiveSession().isDefined()
        ? SparkSession.getActiveSession().get().conf().get(key, null)
        : null;
  }
}
