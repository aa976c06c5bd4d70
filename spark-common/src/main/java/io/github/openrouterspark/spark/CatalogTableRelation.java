package io.github.openrouterspark.spark;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.rdd.RDD;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SQLContext;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.sources.BaseRelation;
import org.apache.spark.sql.sources.Filter;
import org.apache.spark.sql.sources.PrunedFilteredScan;
import org.apache.spark.sql.types.StructType;

/**
 * A table made with {@code CREATE TABLE ... USING openrouter}, read through Spark's V1 data source
 * API. Spark 3.5's session catalog can only resolve such a table as a V1 relation (Spark 4 asks the
 * TableProvider instead), so on 3.5 this relation stands in for the table: every scan is an
 * ordinary {@code spark.read} of the table's options, with the scan's filters applied to it, so the
 * V2 reader still plans the requests and date predicates still narrow them.
 */
final class CatalogTableRelation extends BaseRelation implements PrunedFilteredScan {
  private final SQLContext sqlContext;
  private final Map<String, String> options;
  private final StructType schema;
  private final String name;

  /**
   * @param options the table's OPTIONS, already validated; session defaults apply as for any read
   * @param name the dataset's table name, for plans (the options hold the key: never print them)
   */
  CatalogTableRelation(
      SQLContext sqlContext, Map<String, String> options, StructType schema, String name) {
    this.sqlContext = sqlContext;
    this.options = Map.copyOf(options);
    this.schema = schema;
    this.name = name;
  }

  @Override
  public SQLContext sqlContext() {
    return sqlContext;
  }

  @Override
  public StructType schema() {
    return schema;
  }

  /** Spark evaluates every filter again on our rows: the inner read only uses them to read less. */
  @Override
  public Filter[] unhandledFilters(Filter[] filters) {
    return filters;
  }

  @Override
  public RDD<Row> buildScan(String[] requiredColumns, Filter[] filters) {
    Dataset<Row> rows =
        sqlContext
            .sparkSession()
            .read()
            .format(OpenRouterDataSource.SHORT_NAME)
            .options(options)
            .load();
    // The filters are a conjunction: each one that has an exact Column form may narrow the read.
    for (Filter filter : filters) {
      Optional<Column> condition = V1Filters.toColumn(filter);
      if (condition.isPresent()) {
        rows = rows.where(condition.get());
      }
    }
    return rows.select(Arrays.stream(requiredColumns).map(functions::col).toArray(Column[]::new))
        .rdd();
  }

  @Override
  public String toString() {
    return name;
  }
}
