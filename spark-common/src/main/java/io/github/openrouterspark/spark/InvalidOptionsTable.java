package io.github.openrouterspark.spark;

import io.github.openrouterspark.options.InvalidOptionException;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.connector.catalog.SupportsRead;
import org.apache.spark.sql.connector.catalog.TableCapability;
import org.apache.spark.sql.connector.read.ScanBuilder;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.util.CaseInsensitiveStringMap;

/**
 * A table made with {@code CREATE TABLE ... USING openrouter} whose OPTIONS are invalid. Spark 4's
 * session catalog loads a table through the provider for DROP TABLE and DESCRIBE too, so failing to
 * load would leave a table nobody can drop; this one loads, has no columns, and fails every read
 * with the validation message.
 */
final class InvalidOptionsTable implements SupportsRead {
  private final String message;
  private final Map<String, String> properties;

  /**
   * @param properties the table's catalog properties, the key redacted (for SHOW CREATE TABLE)
   */
  InvalidOptionsTable(InvalidOptionException error, Map<String, String> properties) {
    this.message = error.getMessage();
    this.properties = Map.copyOf(properties);
  }

  @Override
  public Map<String, String> properties() {
    return properties;
  }

  @Override
  public String name() {
    return "openrouter (invalid options)";
  }

  @Override
  @SuppressWarnings(
      "deprecation") // columns() replaces schema() from Spark 4.1; 3.5 and 4.0 need schema()
  public StructType schema() {
    return new StructType();
  }

  @Override
  public Set<TableCapability> capabilities() {
    return Set.of(TableCapability.BATCH_READ);
  }

  @Override
  public ScanBuilder newScanBuilder(CaseInsensitiveStringMap options) {
    throw new InvalidOptionException(message);
  }
}
