package io.github.openrouterspark.spark;

import io.github.openrouterspark.options.ReadOptions;
import java.util.Set;
import org.apache.spark.sql.connector.catalog.MetadataColumn;
import org.apache.spark.sql.connector.catalog.SupportsMetadataColumns;
import org.apache.spark.sql.connector.catalog.SupportsRead;
import org.apache.spark.sql.connector.catalog.TableCapability;
import org.apache.spark.sql.connector.read.ScanBuilder;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.util.CaseInsensitiveStringMap;

/** The {@code rankings-daily} dataset as a read-only table. */
final class RankingsDailyTable implements SupportsRead, SupportsMetadataColumns {
  private final ReadOptions options;

  RankingsDailyTable(ReadOptions options) {
    this.options = options;
  }

  @Override
  public String name() {
    return "openrouter.rankings-daily";
  }

  @Override
  @SuppressWarnings("deprecation") // columns() replaces schema() from Spark 4.1; 3.5 and 4.0 need schema()
  public StructType schema() {
    return RankingsDailyColumns.SCHEMA;
  }

  @Override
  public Set<TableCapability> capabilities() {
    return Set.of(TableCapability.BATCH_READ);
  }

  @Override
  public MetadataColumn[] metadataColumns() {
    return new MetadataColumn[] {AsOfColumn.INSTANCE};
  }

  @Override
  public ScanBuilder newScanBuilder(CaseInsensitiveStringMap scanOptions) {
    // The options were parsed when the table was created; the same map arrives here again.
    return new RankingsDailyScanBuilder(options);
  }

  @Override
  public String toString() {
    return name();
  }
}
