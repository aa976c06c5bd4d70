package io.github.openrouterspark.spark;

import io.github.openrouterspark.options.ReaderOption;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.apache.spark.sql.connector.catalog.TableCatalog;

/**
 * The reader options in what Spark hands the provider.
 *
 * <p>{@code spark.read} and {@code CREATE TEMPORARY VIEW ... USING openrouter} hand over the
 * options themselves, session defaults ({@code spark.datasource.openrouter.<option>}) already
 * merged in. A table made with {@code CREATE TABLE ... USING openrouter OPTIONS (...)} is loaded by
 * the session catalog, which hands over all the table's properties instead: the OPTIONS under the
 * prefix {@code option.}, beside catalog metadata (provider, owner, the managed location as {@code
 * path}, comment, ...) that are no reader options, and without the session defaults. This class
 * turns both into the same option map, so that either is validated the same way.
 */
final class ProviderOptions {
  private ProviderOptions() {}

  /**
   * @param properties what Spark passed to {@code inferSchema} or {@code getTable}
   * @param sessionDefaults the session confs {@code spark.datasource.openrouter.<option>}, keyed by
   *     option
   */
  static Map<String, String> readerOptions(
      Map<String, String> properties, Supplier<Map<String, String>> sessionDefaults) {
    if (!isCatalogTable(properties)) {
      return properties;
    }
    Map<String, String> options = new HashMap<>();
    properties.forEach(
        (key, value) -> {
          if (key.startsWith(TableCatalog.OPTION_PREFIX)) {
            options.put(key.substring(TableCatalog.OPTION_PREFIX.length()), value);
          }
        });
    return withSessionDefaults(options, sessionDefaults.get());
  }

  /** {@code options} over {@code defaults}, as Spark's readers merge them. */
  static Map<String, String> withSessionDefaults(
      Map<String, String> options, Map<String, String> defaults) {
    // Option names are case-insensitive: an option replaces a session default spelt in any case.
    Map<String, String> merged = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    merged.putAll(defaults);
    merged.putAll(options);
    return merged;
  }

  /**
   * A catalog table's properties as Spark may print them (SHOW CREATE TABLE, DESCRIBE TABLE
   * EXTENDED, SHOW TBLPROPERTIES): everything as stored, but the key options' values redacted
   * whatever the session's redaction patterns, so the DDL re-creates the table once the key is
   * filled in.
   */
  static Map<String, String> displayedProperties(Map<String, String> properties) {
    Map<String, String> shown = new HashMap<>();
    properties.forEach(
        (key, value) -> {
          boolean keyOption =
              key.startsWith(TableCatalog.OPTION_PREFIX)
                  && ReaderOption.byKey(key.substring(TableCatalog.OPTION_PREFIX.length()))
                      .filter(o -> o == ReaderOption.API_KEY || o == ReaderOption.API_KEY_SECRET)
                      .isPresent();
          shown.put(key, keyOption ? KeyExposure.REDACTED : value);
        });
    return Map.copyOf(shown);
  }

  /**
   * Only the catalog passes the provider's own name as a property; no reader option is called that.
   */
  static boolean isCatalogTable(Map<String, String> properties) {
    String provider = properties.get(TableCatalog.PROP_PROVIDER);
    return provider != null
        && (provider.toLowerCase(Locale.ROOT).equals(OpenRouterDataSource.SHORT_NAME)
            || provider.equals(OpenRouterDataSource.class.getName()));
  }
}
