package io.github.openrouterspark.docs;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.openrouterspark.emulator.OpenRouterEmulator;
import io.github.openrouterspark.spark.TestSpark;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.spark.sql.DataFrameReader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * docs/troubleshooting.md quotes the connector's real messages: each test provokes an error on the
 * emulator and checks that the doc's quoted text is part of the message the user sees. Not provoked
 * here: the 429 after retries (quoted from OpenRouterClient.retryAdvice and ApiException.compose).
 */
class TroubleshootingDocTest {
  private static final Path DOC = Path.of("docs/troubleshooting.md");

  /**
   * Its own key and account: a 429 pauses its key for the whole JVM, which must not slow other
   * tests.
   */
  private static final String KEY = "or-troubleshooting-doc-key";

  private static String doc;

  @BeforeAll
  static void readDoc() throws IOException {
    doc = Files.readString(DOC);
  }

  private static DataFrameReader reader(OpenRouterEmulator api, String key) {
    DataFrameReader r =
        TestSpark.session()
            .read()
            .format("openrouter")
            .option("baseUrl", api.baseUrl())
            .option("cache", "false")
            .option("rateLimitPerMinute", "10000");
    return key == null ? r : r.option("apiKey", key);
  }

  /**
   * The doc quotes each text, and the failure (or one of its causes, as Spark wraps task errors)
   * says it.
   */
  private static void assertQuoted(Executable failing, String... quotes) {
    Throwable e = assertThrows(Throwable.class, failing);
    for (String quote : quotes) {
      assertTrue(doc.contains(quote), DOC + " should quote: " + quote);
      Throwable t = e;
      while (t != null && (t.getMessage() == null || !t.getMessage().contains(quote))) {
        t = t.getCause();
      }
      assertTrue(
          t != null,
          "the connector's message no longer contains the text "
              + DOC
              + " quotes: "
              + quote
              + "\nIt says: "
              + e);
    }
  }

  @Test
  void missingKey() {
    try (OpenRouterEmulator api = OpenRouterEmulator.start()) {
      // An environment variable OPENROUTER_API_KEY on the build machine would be used: skip then.
      if (System.getenv("OPENROUTER_API_KEY") == null) {
        assertQuoted(
            () -> reader(api, null).load("rankings-daily").count(),
            "No OpenRouter API key was given. Set one of: the reader option .option(\"apiKey\", ...); the Spark"
                + " conf spark.openrouter.apiKey; or the environment variable OPENROUTER_API_KEY (on the driver).");
      }
    }
  }

  @Test
  void rejectedKey() {
    try (OpenRouterEmulator api = OpenRouterEmulator.start()) {
      assertQuoted(
          () -> reader(api, "not-a-key").load("rankings-daily").count(),
          "failed with HTTP 401: Invalid API key. The API key was rejected or missing: check the apiKey option,"
              + " the Spark conf spark.openrouter.apiKey or the OPENROUTER_API_KEY environment variable.");
    }
  }

  @Test
  void analyticsWithAnInferenceKey() {
    try (OpenRouterEmulator api = OpenRouterEmulator.start()) {
      assertQuoted(
          () -> reader(api, OpenRouterEmulator.DEFAULT_API_KEY).load("analytics").count(),
          "failed with HTTP 403: Only management keys can perform this operation. The analytics endpoints"
              + " accept only management keys, not inference keys: create a management key at"
              + " https://openrouter.ai/settings/management-keys and pass it as apiKey for the analytics and"
              + " analytics-meta datasets.");
    }
  }

  @Test
  void budget() {
    try (OpenRouterEmulator api = OpenRouterEmulator.start()) {
      assertQuoted(
          () ->
              reader(api, OpenRouterEmulator.DEFAULT_API_KEY)
                  .option("windowDays", "1")
                  .option("startDate", "2025-01-01")
                  .option("endDate", "2025-12-31")
                  .load("rankings-daily")
                  .count(),
          "This rankings-daily query would send up to 365 requests, more than maxRequestsPerQuery=100 (the API"
              + " allows 30 requests/minute per key and 500/day per account). Narrow the date range or the filters,"
              + " raise windowDays, or raise the limit with .option(\"maxRequestsPerQuery\", \"365\"). Plan: ");
    }
  }

  @Test
  void dailyLimit() {
    try (OpenRouterEmulator api =
        OpenRouterEmulator.builder()
            .apiKey(KEY, "troubleshooting-account")
            .dailyLimitPerAccount(1)
            .start()) {
      assertQuoted(
          () ->
              reader(api, KEY)
                  .option("maxRetries", "0")
                  .option("windowDays", "30")
                  .option("startDate", "2025-01-01")
                  .option("endDate", "2025-03-01")
                  .load("rankings-daily")
                  .count(),
          "failed with HTTP 429: Rate limit exceeded. The rate limit (30 requests/minute per key, 500/day per"
              + " account) was exceeded: wait and retry, narrow the date range, or raise windowDays so fewer"
              + " requests are needed.");
    }
  }

  @Test
  void optionErrors() {
    try (OpenRouterEmulator api = OpenRouterEmulator.start()) {
      assertQuoted(
          () ->
              reader(api, OpenRouterEmulator.DEFAULT_API_KEY)
                  .option("windowDayz", "3")
                  .load("rankings-daily"),
          "Unknown option 'windowDayz' for format 'openrouter'. Did you mean 'windowDays'? Known options: ");
      assertQuoted(
          () ->
              reader(api, OpenRouterEmulator.DEFAULT_API_KEY)
                  .option("windowDays", "400")
                  .load("rankings-daily"),
          "Invalid value '400' for option 'windowDays' of format 'openrouter': expected a whole number from 1 to 366.");
      assertQuoted(
          () ->
              reader(api, OpenRouterEmulator.DEFAULT_API_KEY)
                  .option("sort", "trending")
                  .load("rankings-daily"),
          "Option 'sort' does not apply to dataset 'rankings-daily'. app-rankings: popular or trending, when no"
              + " predicate on the sort column says otherwise.");
    }
  }
}
