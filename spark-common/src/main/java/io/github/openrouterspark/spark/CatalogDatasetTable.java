package io.github.openrouterspark.spark;

import io.github.openrouterspark.options.DatasetName;
import io.github.openrouterspark.options.InvalidOptionException;
import io.github.openrouterspark.options.ReaderOption;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.apache.spark.sql.connector.catalog.MetadataColumn;
import org.apache.spark.sql.connector.catalog.SupportsMetadataColumns;
import org.apache.spark.sql.connector.catalog.SupportsRead;
import org.apache.spark.sql.connector.catalog.Table;
import org.apache.spark.sql.connector.catalog.TableCapability;
import org.apache.spark.sql.connector.catalog.TableCatalog;
import org.apache.spark.sql.connector.read.ScanBuilder;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.util.CaseInsensitiveStringMap;

/**
 * One dataset of {@link OpenRouterCatalog}: its schema comes from the catalog's options, and each
 * scan reads with the catalog's options overridden by the query's own, validated then (before any
 * request), exactly as {@code spark.read.format("openrouter")} with those options would.
 */
final class CatalogDatasetTable implements SupportsRead, SupportsMetadataColumns {
  private final String name;
  private final DatasetName dataset;
  private final Map<String, String> catalogOptions;
  private final Table defaults;

  CatalogDatasetTable(String name, DatasetName dataset, Map<String, String> catalogOptions) {
    this.name = name;
    this.dataset = dataset;
    this.catalogOptions = catalogOptions;
    this.defaults = OpenRouterDataSource.table(options(Map.of()));
  }

  /**
   * The catalog's options that apply to this dataset (a catalog sets them for all its tables: an
   * app-rankings option is no mistake on analytics), overridden by {@code query}'s, and the
   * dataset.
   */
  private Map<String, String> options(Map<String, String> query) {
    Map<String, String> merged = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    catalogOptions.forEach(
        (key, value) -> {
          Optional<ReaderOption> option = ReaderOption.byKey(key);
          if (option.isEmpty() || option.get().datasets().contains(dataset)) {
            merged.put(key, value);
          }
        });
    merged.putAll(query);
    merged.remove(ReaderOption.PATH.key());
    merged.put(ReaderOption.DATASET.key(), dataset.apiName());
    return merged;
  }

  @Override
  public ScanBuilder newScanBuilder(CaseInsensitiveStringMap query) {
    Map<String, String> given = new HashMap<>(query.asCaseSensitiveMap());
    Table table = given.isEmpty() ? defaults : OpenRouterDataSource.table(options(given));
    if (!schemaOf(table).equals(schema())) {
      throw new InvalidOptionException(
          "The options of this query change the columns of "
              + name
              + " (from "
              + schema().simpleString()
              + " to "
              + schemaOf(table).simpleString()
              + "): a catalog table's columns are fixed by the catalog's options"
              + " (spark.sql.catalog.<name>.<option>). Set the option there, or read with"
              + " spark.read.format(\"openrouter\").");
    }
    return ((SupportsRead) table).newScanBuilder(query);
  }

  @SuppressWarnings("deprecation") // Table.schema(): Spark 3.5 and 4.0 have no columns()
  private static StructType schemaOf(Table table) {
    return table.schema();
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  @SuppressWarnings("deprecation") // columns() replaces schema() from Spark 4.1
  public StructType schema() {
    return schemaOf(defaults);
  }

  @Override
  public Set<TableCapability> capabilities() {
    return defaults.capabilities();
  }

  @Override
  public MetadataColumn[] metadataColumns() {
    return defaults instanceof SupportsMetadataColumns columns
        ? columns.metadataColumns()
        : new MetadataColumn[0];
  }

  /** What DESCRIBE EXTENDED and SHOW CREATE TABLE print: never the key. */
  @Override
  public Map<String, String> properties() {
    Map<String, String> shown = new HashMap<>();
    shown.put(TableCatalog.PROP_PROVIDER, OpenRouterDataSource.SHORT_NAME);
    shown.put(
        TableCatalog.PROP_COMMENT,
        "OpenRouter dataset " + dataset.apiName() + ", read through the OpenRouter API");
    options(Map.of())
        .forEach(
            (key, value) -> {
              if (!key.equalsIgnoreCase(ReaderOption.DATASET.key())) {
                shown.put(TableCatalog.OPTION_PREFIX + key, value);
              }
            });
    shown.put(TableCatalog.OPTION_PREFIX + ReaderOption.DATASET.key(), dataset.apiName());
    return ProviderOptions.displayedProperties(shown);
  }

  @Override
  public String toString() {
    return name;
  }
}
