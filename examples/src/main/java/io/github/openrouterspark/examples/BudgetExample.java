package io.github.openrouterspark.examples;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.desc;
import static org.apache.spark.sql.functions.round;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import io.github.openrouterspark.emulator.OpenRouterEmulator;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import org.apache.spark.sql.DataFrameReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The README's analytics example: an account's daily cost per model over the last 30 days ({@code
 * analytics}, one request), joined with an internal budget table to find the days each model went
 * over its budget.
 *
 * <p>By default it reads the embedded emulator's synthetic account. With {@code --live} it reads
 * the real API with the management key in {@code OPENROUTER_MANAGEMENT_KEY}.
 */
public final class BudgetExample {
  static final String BUDGETS_CSV = "examples/data/model_budgets.csv";

  private BudgetExample() {}

  public static void main(String[] args) {
    boolean live = Arrays.asList(args).contains("--live");
    String key =
        live
            ? System.getenv("OPENROUTER_MANAGEMENT_KEY")
            : OpenRouterEmulator.DEFAULT_MANAGEMENT_KEY;
    if (key == null) {
      System.err.println(
          "--live needs a management key in OPENROUTER_MANAGEMENT_KEY"
              + " (https://openrouter.ai/settings/management-keys).");
      System.exit(2);
    }
    OpenRouterEmulator emulator = live ? null : OpenRouterEmulator.start();
    SparkSession spark =
        SparkSession.builder()
            .master("local[2]")
            .appName("openrouter-spark budget example")
            .config("spark.ui.enabled", "false")
            .config("spark.driver.host", "127.0.0.1")
            .config("spark.driver.bindAddress", "127.0.0.1")
            .config("spark.sql.shuffle.partitions", "2")
            .config("spark.sql.session.timeZone", "UTC")
            .getOrCreate();
    try {
      DataFrameReader reader = spark.read().format("openrouter").option("apiKey", key);
      if (emulator != null) {
        reader = reader.option("baseUrl", emulator.baseUrl());
        System.out.println(
            "Reading the analytics of the embedded emulator's account at " + emulator.baseUrl());
      }
      LocalDate yesterday = LocalDate.now(ZoneOffset.UTC).minusDays(1);
      Dataset<Row> overBudget = daysOverBudget(spark, reader, yesterday.minusDays(29), yesterday);
      System.out.println(
          "\nDays over budget per model, " + yesterday.minusDays(29) + " .. " + yesterday + ":");
      overBudget.show(false);
    } finally {
      spark.stop();
      if (emulator != null) {
        emulator.close();
      }
    }
  }

  /**
   * Daily cost per model from {@code analytics}, joined with the budget table: per budgeted model,
   * the 30-day spend, the budget, and the number of days spent over the daily budget.
   */
  static Dataset<Row> daysOverBudget(
      SparkSession spark, DataFrameReader reader, LocalDate first, LocalDate last) {
    Dataset<Row> dailyCost =
        reader
            .option("dataset", "analytics")
            .option("granularity", "day")
            .option("dimensions", "model") // each row: one model's day
            .option("startTime", first.toString())
            .option("endTime", last.toString()) // a date as endTime includes that day
            .load()
            .select("date", "model", "total_usage", "request_count");
    Dataset<Row> budgets =
        spark
            .read()
            .option("header", "true")
            .schema("model STRING, daily_budget_usd DOUBLE, owner STRING")
            .csv(BUDGETS_CSV);
    return dailyCost
        .join(budgets, "model")
        .groupBy("model", "owner", "daily_budget_usd")
        .agg(
            round(sum("total_usage"), 2).as("spend_usd"),
            sum("request_count").as("requests"),
            count(when(col("total_usage").gt(col("daily_budget_usd")), true))
                .as("days_over_budget"))
        .orderBy(desc("days_over_budget"), desc("spend_usd"));
  }
}
