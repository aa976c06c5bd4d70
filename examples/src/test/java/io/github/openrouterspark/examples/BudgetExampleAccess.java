package io.github.openrouterspark.examples;

import java.time.LocalDate;
import org.apache.spark.sql.DataFrameReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/** Opens the example's package-private query to tests in other packages. */
public final class BudgetExampleAccess {
  private BudgetExampleAccess() {}

  public static Dataset<Row> daysOverBudget(
      SparkSession spark, DataFrameReader reader, LocalDate first, LocalDate last) {
    return BudgetExample.daysOverBudget(spark, reader, first, last);
  }
}
