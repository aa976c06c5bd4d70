package io.github.openrouterspark.examples;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.desc;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.round;
import static org.apache.spark.sql.functions.sum;

import io.github.openrouterspark.emulator.OpenRouterEmulator;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import org.apache.spark.sql.DataFrameReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The README's example job: the last 90 days of OpenRouter's daily model rankings, the top 10
 * models and their share of all traffic, joined with a company's own usage to show its share of
 * each model's market, ending with the citation the dataset's licence asks for (or, for the
 * emulator's rows, the statement that they are synthetic).
 *
 * <p>By default it reads from the embedded emulator. With {@code --live} it reads the real API
 * using the {@code OPENROUTER_API_KEY} environment variable (one request for 90 days).
 */
public final class MarketShareExample {
  private static final String INTERNAL_USAGE_CSV = "examples/data/internal_usage.csv";

  private MarketShareExample() {}

  public static void main(String[] args) {
    boolean live = Arrays.asList(args).contains("--live");
    if (live && System.getenv("OPENROUTER_API_KEY") == null) {
      System.err.println(
          "--live needs the OPENROUTER_API_KEY environment variable; without it the example uses the emulator.");
      System.exit(2);
    }
    OpenRouterEmulator emulator = live ? null : OpenRouterEmulator.start();
    SparkSession spark =
        SparkSession.builder()
            .master("local[2]")
            .appName("openrouter-spark example")
            .config("spark.ui.enabled", "false")
            .config("spark.driver.host", "127.0.0.1")
            .config("spark.driver.bindAddress", "127.0.0.1")
            .config("spark.sql.shuffle.partitions", "2")
            .config("spark.sql.datetime.java8API.enabled", "true")
            .config("spark.sql.session.timeZone", "UTC")
            .getOrCreate();
    try {
      run(spark, emulator);
    } finally {
      spark.stop();
      if (emulator != null) {
        emulator.close();
      }
    }
  }

  private static void run(SparkSession spark, OpenRouterEmulator emulator) {
    LocalDate end = LocalDate.now(ZoneOffset.UTC).minusDays(1);
    LocalDate start = end.minusDays(89);
    DataFrameReader reader =
        spark
            .read()
            .format("openrouter")
            .option("startDate", start.toString())
            .option("endDate", end.toString());
    if (emulator != null) {
      // The key comes from OPENROUTER_API_KEY (or spark.openrouter.apiKey) when reading the live
      // API.
      reader =
          reader
              .option("baseUrl", emulator.baseUrl())
              .option("apiKey", OpenRouterEmulator.DEFAULT_API_KEY);
      System.out.println("Reading from the embedded OpenRouter emulator at " + emulator.baseUrl());
    } else {
      System.out.println("Reading from the live OpenRouter API");
    }

    Dataset<Row> rankings =
        reader
            .load("rankings-daily")
            .select(col("date"), col("model_permaslug"), col("total_tokens"), col("_as_of"))
            .cache();
    Row totals =
        rankings.agg(sum("total_tokens").as("all_tokens"), max("_as_of").as("as_of")).first();
    System.out.printf(
        "%nOpenRouter traffic %s .. %s: %,d tokens%n",
        start, end, totals.getDecimal(0).toBigInteger());

    Dataset<Row> byModel =
        rankings
            .where(col("model_permaslug").notEqual("other"))
            .groupBy("model_permaslug")
            .agg(sum("total_tokens").as("market_tokens"))
            .withColumn(
                "share_of_all_traffic_pct",
                round(col("market_tokens").multiply(100).divide(lit(totals.getDecimal(0))), 2));

    System.out.println("\nTop 10 models by tokens, last 90 days:");
    byModel.orderBy(desc("market_tokens")).limit(10).show(false);

    Dataset<Row> internal =
        spark
            .read()
            .option("header", "true")
            .schema("model_permaslug STRING, our_tokens BIGINT")
            .csv(INTERNAL_USAGE_CSV);
    Dataset<Row> ourShare =
        internal
            .join(
                byModel,
                internal.col("model_permaslug").equalTo(byModel.col("model_permaslug")),
                "left")
            .drop(byModel.col("model_permaslug"))
            .withColumn(
                "our_share_of_model_market_pct",
                col("our_tokens")
                    .cast("decimal(38,0)")
                    .multiply(100)
                    .divide(col("market_tokens"))
                    .cast("decimal(12,4)"))
            .orderBy(desc("our_tokens"));
    System.out.println(
        "Our usage ("
            + INTERNAL_USAGE_CSV
            + ") against the market"
            + " (market_tokens is null for models outside the daily top 50):");
    ourShare
        .select("model_permaslug", "our_tokens", "market_tokens", "our_share_of_model_market_pct")
        .show(false);

    System.out.println(sourceLine(emulator != null, totals.get(1)));
  }

  /**
   * The last line: OpenRouter's citation for real rows; for the emulator's, a statement that they
   * are synthetic and no citation, so nobody takes invented numbers for OpenRouter's market data.
   */
  static String sourceLine(boolean fromEmulator, Object asOf) {
    return fromEmulator
        ? "Synthetic data from the embedded emulator, not OpenRouter's: the model names are real, the numbers are invented."
        : "Source: OpenRouter (openrouter.ai/rankings), as of " + asOf + ".";
  }
}
