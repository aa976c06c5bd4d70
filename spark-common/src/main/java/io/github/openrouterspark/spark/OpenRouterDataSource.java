package io.github.openrouterspark.spark;

import io.github.openrouterspark.options.ApiKeySources;
import io.github.openrouterspark.options.InvalidOptionException;
import io.github.openrouterspark.options.ReadOptions;
import io.github.openrouterspark.options.ReaderOption;
import io.github.openrouterspark.options.SparkConfs;
import io.github.openrouterspark.spark.analytics.AnalyticsDatasets;
import io.github.openrouterspark.spark.apprankings.AppRankingsDataset;
import io.github.openrouterspark.spark.rankings.RankingsDailyDataset;
import io.github.openrouterspark.spark.read.DatasetDefinition;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.SQLContext;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.connector.catalog.SessionConfigSupport;
import org.apache.spark.sql.connector.catalog.Table;
import org.apache.spark.sql.connector.catalog.TableProvider;
import org.apache.spark.sql.connector.expressions.Transform;
import org.apache.spark.sql.sources.BaseRelation;
import org.apache.spark.sql.sources.DataSourceRegister;
import org.apache.spark.sql.sources.RelationProvider;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.util.CaseInsensitiveStringMap;

/**
 * Entry point for {@code spark.read.format("openrouter")} and {@code USING openrouter} in SQL.
 * Options are validated here, when the DataFrame or table is defined, so mistakes surface before
 * any request; session confs {@code spark.datasource.openrouter.<option>} supply defaults.
 */
public final class OpenRouterDataSource
    implements TableProvider, DataSourceRegister, SessionConfigSupport, RelationProvider {
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
    return table(options.asCaseSensitiveMap()).schema();
  }

  @Override
  public Table getTable(
      StructType schema, Transform[] partitioning, Map<String, String> properties) {
    Table table = table(properties);
    if (schema != null && schema.fields().length > 0 && table instanceof DatasetTable) {
      requireDatasetColumns(schema, table);
    }
    return table;
  }

  /**
   * Columns may be given, as SHOW CREATE TABLE prints them, so that its DDL re-creates the table;
   * they must be the dataset's own (a dataset's schema is fixed by the API, not chosen).
   */
  @Override
  public boolean supportsExternalMetadata() {
    return true;
  }

  @SuppressWarnings("deprecation") // Table.schema(): Spark 3.5 and 4.0 have no columns()
  private static void requireDatasetColumns(StructType given, Table table) {
    StructType actual = table.schema();
    boolean same = given.fields().length == actual.fields().length;
    for (int i = 0; same && i < given.fields().length; i++) {
      same =
          given.fields()[i].name().equals(actual.fields()[i].name())
              && given.fields()[i].dataType().equals(actual.fields()[i].dataType())
              && given.fields()[i].nullable() == actual.fields()[i].nullable();
    }
    if (!same) {
      throw new InvalidOptionException(
          "The columns given for "
              + table.name()
              + " ("
              + given.simpleString()
              + ") are not the dataset's: give none, or exactly "
              + actual.simpleString()
              + ".");
    }
  }

  static Table table(Map<String, String> properties) {
    boolean catalogTable = ProviderOptions.isCatalogTable(properties);
    try {
      Table table = tableFor(parse(properties));
      // Spark 4 prints a catalog table's DDL (SHOW CREATE TABLE) from the table's properties.
      return catalogTable && table instanceof DatasetTable dataset
          ? dataset.withProperties(ProviderOptions.displayedProperties(properties))
          : table;
    } catch (InvalidOptionException e) {
      if (catalogTable) {
        // still droppable; reading it fails with e's message
        return new InvalidOptionsTable(e, ProviderOptions.displayedProperties(properties));
      }
      throw e;
    }
  }

  /**
   * Spark 3.5 reads a table made with {@code CREATE TABLE ... USING openrouter} through this V1
   * entry point (Spark 4, and every {@code spark.read} and temporary view, use the TableProvider
   * methods above). The parameters are the table's OPTIONS plus its storage location as {@code
   * path}, which names no dataset here.
   */
  @Override
  @SuppressWarnings("deprecation") // Table.schema(): Spark 3.5 has no columns()
  public BaseRelation createRelation(
      SQLContext sqlContext, scala.collection.immutable.Map<String, String> parameters) {
    Map<String, String> options = new HashMap<>(toJava(parameters));
    options.keySet().removeIf(ReaderOption.PATH.key()::equalsIgnoreCase);
    // Validated now, with the session defaults the read will see: the table fails as early as a
    // read.
    ReadOptions validated = parse(ProviderOptions.withSessionDefaults(options, sessionDefaults()));
    Table table = tableFor(validated);
    return new CatalogTableRelation(sqlContext, options, table.schema(), table.name());
  }

  /** The registry of datasets: one entry each. */
  private static Table tableFor(ReadOptions options) {
    DatasetDefinition dataset =
        switch (options.dataset()) {
          case RANKINGS_DAILY -> RankingsDailyDataset.of(options);
          case APP_RANKINGS -> AppRankingsDataset.of(options);
          case ANALYTICS -> AnalyticsDatasets.analytics(options);
          case ANALYTICS_META -> AnalyticsDatasets.meta(options);
        };
    return new DatasetTable(
        options.dataset().apiName(),
        dataset.schema(),
        dataset.scanBuilders(),
        dataset.asOfColumn());
  }

  private static ReadOptions parse(Map<String, String> properties) {
    Map<String, String> options =
        ProviderOptions.readerOptions(properties, OpenRouterDataSource::sessionDefaults);
    Optional<SparkSession> session = activeSession();
    SparkConfs confs = SparkConfs.of(session.map(s -> toJava(s.conf().getAll())).orElse(Map.of()));
    Map<String, String> env = System.getenv();
    ReadOptions parsed = ReadOptions.parse(options, confs, env);
    session.ifPresent(
        s -> {
          ApiKeySources.resolve(options, confs, env)
              .ifPresent(key -> KeyExposure.warnOnce(key.source(), s));
          KeyExposure.redactKeyOptions(s);
        });
    return parsed;
  }

  private static Optional<SparkSession> activeSession() {
    return SparkSession.getActiveSession().isDefined()
        ? Optional.of(SparkSession.getActiveSession().get())
        : Optional.empty();
  }

  /**
   * The session confs spark.datasource.openrouter.&lt;option&gt;, keyed by option, as Spark's
   * readers see them.
   */
  private static Map<String, String> sessionDefaults() {
    Map<String, String> defaults = new HashMap<>();
    if (SparkSession.getActiveSession().isDefined()) {
      toJava(SparkSession.getActiveSession().get().conf().getAll())
          .forEach(
              (key, value) -> {
                if (key.startsWith(ReadOptions.SESSION_CONF_PREFIX)) {
                  defaults.put(key.substring(ReadOptions.SESSION_CONF_PREFIX.length()), value);
                }
              });
    }
    return defaults;
  }

  /**
   * Through Iterator and Tuple2, which are the same in Scala 2.12 (Spark 3.5) and 2.13 (Spark 4).
   */
  private static Map<String, String> toJava(scala.collection.Map<String, String> map) {
    Map<String, String> result = new HashMap<>();
    scala.collection.Iterator<scala.Tuple2<String, String>> entries = map.iterator();
    while (entries.hasNext()) {
      scala.Tuple2<String, String> entry = entries.next();
      result.put(entry._1(), entry._2());
    }
    return result;
  }
}
