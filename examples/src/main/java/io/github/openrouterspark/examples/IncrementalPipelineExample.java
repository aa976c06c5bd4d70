package io.github.openrouterspark.examples;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.desc;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.sum;

import io.github.openrouterspark.emulator.OpenRouterEmulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.apache.spark.sql.streaming.StreamingQueryException;
import org.apache.spark.sql.streaming.Trigger;

/**
 * The README's incremental pipeline: a job scheduled once a day that appends the days of {@code
 * rankings-daily} completed since its last run to a Parquet table ({@code Trigger.AvailableNow}
 * with a checkpoint: the first run backfills from {@code startDate}, later runs read only the new
 * day, a run with nothing new sends no request), then joins the whole table with the company's own
 * usage per model.
 *
 * <p>{@code main} runs it twice against the embedded emulator: the backfill, then a re-run the same
 * day, which costs nothing. The tests move the emulator's clock day by day.
 */
public final class IncrementalPipelineExample {
  static final String INTERNAL_USAGE_CSV = "examples/data/internal_usage.csv";

  private IncrementalPipelineExample() {}

  public static void main(String[] args) throws Exception {
    Path work = Files.createTempDirectory("openrouter-incremental");
    SparkSession spark =
        SparkSession.builder()
            .master("local[2]")
            .appName("openrouter-spark incremental example")
            .config("spark.ui.enabled", "false")
            .config("spark.driver.host", "127.0.0.1")
            .config("spark.driver.bindAddress", "127.0.0.1")
            .config("spark.sql.shuffle.partitions", "2")
            .config("spark.sql.session.timeZone", "UTC")
            .getOrCreate();
    try (OpenRouterEmulator emulator = OpenRouterEmulator.start()) {
      Map<String, String> connection =
          Map.of("baseUrl", emulator.baseUrl(), "apiKey", OpenRouterEmulator.DEFAULT_API_KEY);
      for (String run : new String[] {"first run (backfill)", "second run, same day"}) {
        int before = emulator.requestLog().size();
        Dataset<Row> share =
            dailyRun(spark, connection, "2025-01-01", work.resolve("rankings"), work);
        System.out.println(run + ": " + (emulator.requestLog().size() - before) + " request(s)");
        share.show(false);
      }
      System.out.println(
          "Synthetic data from the embedded emulator, not OpenRouter's: the model names are real,"
              + " the numbers are invented.");
    } finally {
      spark.stop();
    }
  }

  /**
   * One scheduled run: appends what completed since the last run to the Parquet table at {@code
   * table} (progress kept in {@code work}/checkpoint), then our usage against the table's market.
   *
   * @param connection reader options: the key (or leave it to OPENROUTER_API_KEY), a baseUrl
   * @param startDate the first day the table holds (the first run reads from it)
   */
  public static Dataset<Row> dailyRun(
      SparkSession spark, Map<String, String> connection, String startDate, Path table, Path work)
      throws TimeoutException, StreamingQueryException {
    StreamingQuery append =
        spark
            .readStream()
            .format("openrouter")
            .options(connection)
            .option("startDate", startDate)
            .load("rankings-daily")
            .select("date", "model_permaslug", "total_tokens")
            .writeStream()
            .format("parquet")
            .option("path", table.toString())
            .option("checkpointLocation", work.resolve("checkpoint").toString())
            .trigger(Trigger.AvailableNow())
            .start();
    append.awaitTermination();
    return ourShare(spark, spark.read().parquet(table.toString()));
  }

  /** Per model of our usage: our tokens, the market's over the table's days, and our share. */
  static Dataset<Row> ourShare(SparkSession spark, Dataset<Row> rankings) {
    Dataset<Row> market =
        rankings
            .groupBy("model_permaslug")
            .agg(
                sum("total_tokens").as("market_tokens"),
                countDistinct("date").as("days"),
                min("date").as("from"),
                max("date").as("through"));
    Dataset<Row> internal =
        spark
            .read()
            .option("header", "true")
            .schema("model_permaslug STRING, our_tokens BIGINT")
            .csv(INTERNAL_USAGE_CSV);
    return internal
        .join(market, "model_permaslug")
        .withColumn(
            "our_share_pct",
            col("our_tokens")
                .cast("decimal(38,0)")
                .multiply(100)
                .divide(col("market_tokens"))
                .cast("decimal(12,6)"))
        .orderBy(desc("our_tokens"));
  }
}
