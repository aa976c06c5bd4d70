package io.github.openrouterspark.spark;

import io.github.openrouterspark.options.DatasetName;
import io.github.openrouterspark.spark.read.AsOfColumn;
import io.github.openrouterspark.spark.stream.DatasetStreams;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.spark.sql.connector.catalog.MetadataColumn;
import org.apache.spark.sql.connector.catalog.SupportsMetadataColumns;
import org.apache.spark.sql.connector.catalog.SupportsRead;
import org.apache.spark.sql.connector.catalog.TableCapability;
import org.apache.spark.sql.connector.read.ScanBuilder;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.util.CaseInsensitiveStringMap;

/**
 * An OpenRouter dataset as a read-only table: a name, a fixed schema, the {@code _as_of} metadata
 * column, and the dataset's scan builder. The options were parsed and validated when the table was
 * created, so the scan builder needs nothing from the per-scan option map.
 */
final class DatasetTable implements SupportsRead, SupportsMetadataColumns {
  private final String name;
  private final StructType schema;
  private final Supplier<ScanBuilder> scanBuilders;
  private final boolean asOfColumn;
  private final Map<String, String> properties;
  private final Set<TableCapability> capabilities;

  /**
   * @param asOfColumn whether the table offers the {@code _as_of} metadata column (datasets do)
   */
  DatasetTable(
      String dataset, StructType schema, Supplier<ScanBuilder> scanBuilders, boolean asOfColumn) {
    this("openrouter." + dataset, schema, scanBuilders, asOfColumn, Map.of());
  }

  private DatasetTable(
      String name,
      StructType schema,
      Supplier<ScanBuilder> scanBuilders,
      boolean asOfColumn,
      Map<String, String> properties) {
    this.name = name;
    this.schema = schema;
    this.scanBuilders = scanBuilders;
    this.asOfColumn = asOfColumn;
    this.properties = properties;
    // readStream needs MICRO_BATCH_READ; every dataset of completed days offers it.
    this.capabilities =
        DatasetStreams.supports(DatasetName.parse(name.substring(name.lastIndexOf('.') + 1)))
            ? Set.of(TableCapability.BATCH_READ, TableCapability.MICRO_BATCH_READ)
            : Set.of(TableCapability.BATCH_READ);
  }

  /**
   * This table as a catalog table with {@code properties} (provider, {@code option.*}, ...), which
   * Spark 4 prints for SHOW CREATE TABLE and DESCRIBE TABLE EXTENDED: give them with the key
   * redacted.
   */
  DatasetTable withProperties(Map<String, String> properties) {
    return new DatasetTable(name, schema, scanBuilders, asOfColumn, Map.copyOf(properties));
  }

  @Override
  public Map<String, String> properties() {
    return properties;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  @SuppressWarnings(
      "deprecation") // columns() replaces schema() from Spark 4.1; 3.5 and 4.0 need schema()
  public StructType schema() {
    return schema;
  }

  @Override
  public Set<TableCapability> capabilities() {
    return capabilities;
  }

  @Override
  public MetadataColumn[] metadataColumns() {
    return asOfColumn ? new MetadataColumn[] {AsOfColumn.INSTANCE} : new MetadataColumn[0];
  }

  @Override
  public ScanBuilder newScanBuilder(CaseInsensitiveStringMap scanOptions) {
    return scanBuilders.get();
  }

  @Override
  public String toString() {
    return name;
  }
}
