package io.github.openrouterspark.spark;

import io.github.openrouterspark.emulator.OpenRouterEmulator;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.spark.sql.DataFrameReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * One local SparkSession for all test classes (starting Spark is the slowest part of a test).
 * Public for the notebook check, which runs the notebooks' queries on the same session.
 */
public final class TestSpark {
  private static SparkSession session;

  private TestSpark() {}

  public static synchronized SparkSession session() {
    if (session == null) {
      session =
          SparkSession.builder()
              .master("local[2]")
              .appName("openrouter-spark-tests")
              .config("spark.ui.enabled", "false")
              .config("spark.driver.host", "127.0.0.1")
              .config("spark.driver.bindAddress", "127.0.0.1")
              .config("spark.sql.shuffle.partitions", "2")
              .config("spark.sql.datetime.java8API.enabled", "true")
              .config("spark.sql.session.timeZone", "UTC")
              .getOrCreate();
    }
    return session;
  }

  /**
   * A reader pointed at {@code emulator} with its default key, for functional tests that count
   * requests: no response cache, and a client-side rate high enough not to slow them (the rate
   * limiter and the cache have their own tests).
   */
  public static DataFrameReader reader(OpenRouterEmulator emulator) {
    return session()
        .read()
        .format("openrouter")
        .option("baseUrl", emulator.baseUrl())
        .option("apiKey", OpenRouterEmulator.DEFAULT_API_KEY)
        .option("rateLimitPerMinute", "10000")
        .option("cache", "false");
  }

  /** The plan text of {@code EXPLAIN <mode>} for a query over {@code df}. */
  public static String explain(Dataset<Row> df, String mode) {
    String view = "explain_" + Long.toHexString(System.nanoTime());
    df.createOrReplaceTempView(view);
    try {
      List<Row> rows = session().sql("EXPLAIN " + mode + " SELECT * FROM " + view).collectAsList();
      return rows.stream().map(r -> r.getString(0)).collect(Collectors.joining("\n"));
    } finally {
      session().catalog().dropTempView(view);
    }
  }
}
