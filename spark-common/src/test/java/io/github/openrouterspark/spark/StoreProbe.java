package io.github.openrouterspark.spark;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * A separate application that reads rankings-daily through a response store ({@code cacheDir}) and
 * prints its rows, for the tests that share one store between applications.
 *
 * <p>Arguments: master baseUrl apiKey cacheDir startDate endDate
 */
public final class StoreProbe {
  private StoreProbe() {}

  public static void main(String[] args) throws Exception {
    SparkSession spark = CoordinationProbe.session(args[0], "openrouter-store-probe");
    spark.sparkContext().setLogLevel("WARN");
    for (Row row :
        spark
            .read()
            .format("openrouter")
            .option("baseUrl", args[1])
            .option("apiKey", args[2])
            .option("rateLimitPerMinute", "10000")
            .option("cacheDir", args[3])
            .option("startDate", args[4])
            .option("endDate", args[5])
            .load("rankings-daily")
            .orderBy("date", "model_permaslug")
            .collectAsList()) {
      System.out.println("ROW " + row.mkString("|"));
    }
    spark.stop();
  }
}
