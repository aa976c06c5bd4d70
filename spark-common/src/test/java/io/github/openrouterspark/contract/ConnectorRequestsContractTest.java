package io.github.openrouterspark.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.openrouterspark.emulator.LoggedRequest;
import io.github.openrouterspark.emulator.OpenRouterEmulator;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.spark.sql.DataFrameReader;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

/**
 * Every request the connector sends, for each dataset and each kind of pushdown, conforms to
 * OpenRouter's official OpenAPI document: parameters, security and (for analytics) the JSON body.
 * The emulator's log holds the requests exactly as they arrived.
 */
class ConnectorRequestsContractTest {

  @Test
  void everyRequestTheConnectorSendsConformsToTheOfficialSpec() {
    OpenApiValidator validator = OpenApiValidator.forVendoredSpec();
    SparkSession spark =
        SparkSession.builder()
            .master("local[2]")
            .config("spark.ui.enabled", "false")
            .config("spark.driver.host", "127.0.0.1")
            .config("spark.driver.bindAddress", "127.0.0.1")
            .config("spark.sql.session.timeZone", "UTC")
            .getOrCreate();
    try (OpenRouterEmulator emulator =
        OpenRouterEmulator.builder()
            .rateLimitPerMinute(100_000)
            .dailyLimitPerAccount(100_000)
            .start()) {
      // A DataFrameReader collects options, so each read starts from a new one.
      java.util.function.Supplier<DataFrameReader> datasets =
          () ->
              spark
                  .read()
                  .format("openrouter")
                  .option("baseUrl", emulator.baseUrl())
                  .option("apiKey", OpenRouterEmulator.DEFAULT_API_KEY)
                  .option("rateLimitPerMinute", "10000")
                  .option("cache", "false")
                  .option("appTitle", "contract test")
                  .option("httpReferer", "https://example.test");
      datasets
          .get()
          .load("rankings-daily")
          .where("date >= DATE '2026-01-01' AND date <= DATE '2026-02-10'")
          .collectAsList();
      datasets
          .get()
          .option("modality", "text")
          .option("period", "week")
          .load("rankings-daily")
          .collectAsList();
      datasets
          .get()
          .load("app-rankings")
          .where("category = 'coding' AND sort = 'trending' AND rank <= 120")
          .collectAsList();

      java.util.function.Supplier<DataFrameReader> analytics =
          () ->
              spark
                  .read()
                  .format("openrouter")
                  .option("baseUrl", emulator.baseUrl())
                  .option("apiKey", OpenRouterEmulator.DEFAULT_MANAGEMENT_KEY)
                  .option("rateLimitPerMinute", "10000")
                  .option("cache", "false")
                  .option("dataset", "analytics")
                  .option("startTime", "2026-10-01")
                  .option("endTime", "2026-10-20");
      spark
          .read()
          .format("openrouter")
          .option("baseUrl", emulator.baseUrl())
          .option("apiKey", OpenRouterEmulator.DEFAULT_MANAGEMENT_KEY)
          .load("analytics-meta")
          .collectAsList();
      analytics
          .get()
          .option("granularity", "day")
          .option("dimensions", "model,country")
          .load()
          .where("country IN ('DE', 'FR') AND country <> 'US' AND model >= 'a'")
          .select("date", "model", "total_usage", "p50_latency")
          .collectAsList();
      analytics
          .get()
          .option("dimensions", "model")
          .load()
          .select("model", "total_usage")
          .orderBy(org.apache.spark.sql.functions.desc("total_usage"))
          .limit(5)
          .collectAsList();

      List<LoggedRequest> sent = emulator.requestLog().all();
      Set<String> operations =
          sent.stream().map(r -> r.method() + " " + r.path()).collect(Collectors.toSet());
      assertEquals(
          Set.of(
              "GET /api/v1/datasets/rankings-daily",
              "GET /api/v1/datasets/app-rankings",
              "GET /api/v1/analytics/meta",
              "POST /api/v1/analytics/query"),
          operations);
      List<String> problems = new ArrayList<>();
      for (LoggedRequest r : sent) {
        assertEquals(200, r.status(), r.toString());
        // The emulator logs no Authorization header (it keeps keys out of logs); a 200 for an
        // account proves the bearer key was sent, so the security check gets a stand-in.
        assertTrue(r.account() != null, r.toString());
        java.util.Map<String, String> headers = new java.util.HashMap<>(r.headers());
        headers.put("authorization", "Bearer logged-without-key");
        OpenApiValidator.HttpRequestRecord request =
            new OpenApiValidator.HttpRequestRecord(
                r.method(), r.path(), r.query(), headers, r.body());
        for (OpenApiValidator.Violation v : validator.validateRequest(request)) {
          problems.add(r.method() + " " + r.path() + " " + r.query() + " " + r.body() + ": " + v);
        }
      }
      assertTrue(problems.isEmpty(), String.join("\n", problems));
      assertTrue(sent.size() >= 6, "requests: " + sent.size());
    }
  }
}
