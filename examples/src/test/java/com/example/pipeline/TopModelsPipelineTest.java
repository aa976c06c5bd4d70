package com.example.pipeline;

// README: user pipeline test (begin)
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.openrouterspark.emulator.OpenRouterEmulator;
import io.github.openrouterspark.emulator.junit.OpenRouterEmulatorExtension;
import java.time.LocalDate;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A pipeline's own test: its query against the emulator, checked against the emulator's truth. */
@ExtendWith(OpenRouterEmulatorExtension.class)
class TopModelsPipelineTest {
  private final SparkSession spark = SparkSession.builder().master("local[2]").getOrCreate();

  @Test
  void readsAYearOfRankingsWithOneRequest(OpenRouterEmulator api) {
    Dataset<Row> rankings =
        spark
            .read()
            .format("openrouter")
            .option("baseUrl", api.baseUrl())
            .option("apiKey", OpenRouterEmulator.DEFAULT_API_KEY)
            .load("rankings-daily")
            .where("date BETWEEN DATE'2025-01-01' AND DATE'2025-12-31'");

    long expected =
        api.market()
            .rankingsDaily(LocalDate.parse("2025-01-01"), LocalDate.parse("2025-12-31"))
            .size();
    assertEquals(expected, rankings.count());
    assertEquals(1, api.requestLog().size(), "the date filter became one request's date range");
  }
}
// README: user pipeline test (end)
