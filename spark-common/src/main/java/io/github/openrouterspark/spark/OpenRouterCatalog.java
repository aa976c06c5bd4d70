package io.github.openrouterspark.spark;

import io.github.openrouterspark.options.DatasetName;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.catalyst.analysis.NoSuchNamespaceException;
import org.apache.spark.sql.catalyst.analysis.NoSuchTableException;
import org.apache.spark.sql.connector.catalog.Identifier;
import org.apache.spark.sql.connector.catalog.Table;
import org.apache.spark.sql.connector.catalog.TableCatalog;
import org.apache.spark.sql.connector.catalog.TableChange;
import org.apache.spark.sql.connector.expressions.Transform;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.util.CaseInsensitiveStringMap;

/**
 * The datasets as a read-only SQL catalog: with {@code spark.sql.catalog.openrouter} set to this
 * class, {@code SHOW TABLES IN openrouter} lists {@code rankings_daily}, {@code app_rankings},
 * {@code analytics} and {@code analytics_meta}, and {@code SELECT ... FROM
 * openrouter.rankings_daily} reads with the same pushdown and requests as {@code spark.read}. The
 * catalog's confs {@code spark.sql.catalog.openrouter.<option>} are every table's default options;
 * a query's own options ({@code spark.read.options(...).table(...)}, or {@code WITH (...)} on Spark
 * 4) override them.
 *
 * <p>Tables have no namespace: {@code openrouter.<table>}. Loading a table parses and validates its
 * options (no request); everything that writes or changes a table fails.
 */
public final class OpenRouterCatalog implements TableCatalog {
  private String name = OpenRouterDataSource.SHORT_NAME;
  private Map<String, String> options = Map.of();

  @Override
  public void initialize(String name, CaseInsensitiveStringMap options) {
    this.name = name;
    this.options = Map.copyOf(new HashMap<>(options.asCaseSensitiveMap()));
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public Identifier[] listTables(String[] namespace) throws NoSuchNamespaceException {
    requireNoNamespace(namespace);
    return Arrays.stream(DatasetName.values())
        .map(d -> Identifier.of(new String[0], tableName(d)))
        .toArray(Identifier[]::new);
  }

  @Override
  public Table loadTable(Identifier ident) throws NoSuchTableException {
    DatasetName dataset = ident.namespace().length == 0 ? dataset(ident.name()).orElse(null) : null;
    if (dataset == null) {
      throw new NoSuchTableException(ident);
    }
    return new CatalogDatasetTable(name + "." + tableName(dataset), dataset, options);
  }

  @Override
  public void invalidateTable(Identifier ident) {
    // Nothing is cached per table: loading one costs no request.
  }

  @Override
  @SuppressWarnings("deprecation") // still abstract in Spark 3.5 and 4
  public Table createTable(
      Identifier ident, StructType schema, Transform[] partitions, Map<String, String> properties) {
    throw readOnly("CREATE TABLE " + ident);
  }

  @Override
  public Table alterTable(Identifier ident, TableChange... changes) {
    throw readOnly("ALTER TABLE " + ident);
  }

  @Override
  public boolean dropTable(Identifier ident) {
    throw readOnly("DROP TABLE " + ident);
  }

  @Override
  public void renameTable(Identifier oldIdent, Identifier newIdent) {
    throw readOnly("ALTER TABLE " + oldIdent + " RENAME");
  }

  private UnsupportedOperationException readOnly(String statement) {
    return new UnsupportedOperationException(
        "The "
            + name
            + " catalog (OpenRouter datasets) is read-only: "
            + statement
            + " is not possible. Copy the rows you need into a table of another catalog, e.g."
            + " CREATE TABLE main.rankings AS SELECT * FROM "
            + name
            + ".rankings_daily.");
  }

  private static void requireNoNamespace(String[] namespace) throws NoSuchNamespaceException {
    if (namespace.length != 0) {
      throw new NoSuchNamespaceException(namespace);
    }
  }

  /** rankings-daily is {@code rankings_daily}: a hyphen would need quoting in SQL. */
  static String tableName(DatasetName dataset) {
    return dataset.apiName().replace('-', '_');
  }

  private static Optional<DatasetName> dataset(String table) {
    String normalized = table.toLowerCase(Locale.ROOT);
    return Arrays.stream(DatasetName.values())
        .filter(d -> tableName(d).equals(normalized))
        .findFirst();
  }
}
