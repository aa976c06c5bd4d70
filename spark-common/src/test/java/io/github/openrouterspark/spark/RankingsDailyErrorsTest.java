package io.github.openrouterspark.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.openrouterspark.emulator.OpenRouterEmulator;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.DataFrameReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Bad input fails clearly before any request; API failures fail the query loudly, never with fewer
 * rows.
 */
class RankingsDailyErrorsTest {
  @RegisterExtension static final EmulatorExtension EMULATOR = EmulatorExtension.lenient();
  private static final OpenRouterEmulator emulator = EMULATOR.emulator();

  private static String messageChain(Throwable e) {
    StringBuilder sb = new StringBuilder();
    for (Throwable t = e; t != null; t = t.getCause()) {
      sb.append(t.getMessage()).append('\n');
    }
    return sb.toString();
  }

  private static String failureOf(Runnable action) {
    Throwable e = assertThrows(Throwable.class, action::run);
    return messageChain(e);
  }

  @Test
  void eachInvalidOptionNamesOptionValueAndWhatIsAllowedWithoutARequest() {
    Map<String, List<String>> cases =
        Map.of(
            "startDate", List.of("2025-13-01", "YYYY-MM-DD"),
            "endDate", List.of("2025-02-30", "calendar date"),
            "windowDays", List.of("367", "1 to 366"),
            "connectTimeout", List.of("fast", "500ms, 30s or 2m"),
            "readTimeout", List.of("0", "from 1ms to 10m"),
            "baseUrl", List.of("ftp://example.com", "http or https URL"),
            "appCategories", List.of("a,b,c", "1 or 2 comma-separated"),
            "httpReferer", List.of("line\nbreak", "printable ASCII"));
    cases.forEach(
        (option, valueAndAllowed) -> {
          DataFrameReader reader =
              TestSpark.reader(emulator).option(option, valueAndAllowed.get(0));
          String msg = failureOf(() -> reader.load("rankings-daily").collectAsList());
          assertTrue(msg.contains("'" + option + "'"), option + ": " + msg);
          assertTrue(msg.contains(valueAndAllowed.get(0)), option + ": " + msg);
          assertTrue(msg.contains(valueAndAllowed.get(1)), option + ": " + msg);
        });
    assertEquals(0, emulator.requestLog().size());
  }

  @Test
  void startAfterEndIsRejected() {
    String msg =
        failureOf(
            () ->
                TestSpark.reader(emulator)
                    .option("startDate", "2025-05-02")
                    .option("endDate", "2025-05-01")
                    .load("rankings-daily")
                    .collectAsList());
    assertTrue(msg.contains("startDate must be on or before endDate"), msg);
    assertEquals(0, emulator.requestLog().size());
  }

  @Test
  void unknownOptionSuggestsTheNearestName() {
    String msg =
        failureOf(() -> TestSpark.reader(emulator).option("windowDay", "7").load("rankings-daily"));
    assertTrue(msg.contains("Unknown option 'windowDay'"), msg);
    assertTrue(msg.contains("Did you mean 'windowDays'?"), msg);
    assertEquals(0, emulator.requestLog().size());
  }

  @Test
  void unknownDatasetListsTheKnownOnes() {
    String msg = failureOf(() -> TestSpark.reader(emulator).load("rankings-weekly"));
    assertTrue(msg.contains("Unknown dataset 'rankings-weekly'"), msg);
    assertTrue(msg.contains("rankings-daily"), msg);
    String none = failureOf(() -> TestSpark.reader(emulator).load());
    assertTrue(none.contains("No dataset was chosen"), none);
  }

  @Test
  void missingKeySaysTheThreeWaysToGiveOne() {
    assumeTrue(System.getenv("OPENROUTER_API_KEY") == null, "the environment supplies a key");
    assumeTrue(!TestSpark.session().conf().contains("spark.openrouter.apiKey"));
    Dataset<Row> df =
        TestSpark.session()
            .read()
            .format("openrouter")
            .option("baseUrl", emulator.baseUrl())
            .load("rankings-daily");
    assertEquals(8, df.schema().size(), "the schema needs no key");
    String msg = failureOf(df::collectAsList);
    assertTrue(msg.contains(".option(\"apiKey\""), msg);
    assertTrue(msg.contains("spark.openrouter.apiKey"), msg);
    assertTrue(msg.contains("OPENROUTER_API_KEY"), msg);
    assertEquals(0, emulator.requestLog().size());
  }

  @Test
  void keyFromSparkConfIsUsed() {
    TestSpark.session().conf().set("spark.openrouter.apiKey", OpenRouterEmulator.DEFAULT_API_KEY);
    try {
      long n =
          TestSpark.session()
              .read()
              .format("openrouter")
              .option("baseUrl", emulator.baseUrl())
              .option("rateLimitPerMinute", "10000")
              .option("cache", "false")
              .option("startDate", "2025-03-03")
              .option("endDate", "2025-03-03")
              .load("rankings-daily")
              .count();
      assertEquals(
          emulator
              .market()
              .rankingsDaily(
                  java.time.LocalDate.parse("2025-03-03"), java.time.LocalDate.parse("2025-03-03"))
              .size(),
          n);
      assertEquals(200, emulator.requestLog().all().get(0).status());
    } finally {
      TestSpark.session().conf().unset("spark.openrouter.apiKey");
    }
  }

  @Test
  void rejectedKeyFailsTheQueryWithoutShowingTheKey() {
    String wrongKey = "or-not-a-valid-key-77xQ";
    String msg =
        failureOf(
            () ->
                TestSpark.session()
                    .read()
                    .format("openrouter")
                    .option("baseUrl", emulator.baseUrl())
                    .option("apiKey", wrongKey)
                    .option("startDate", "2025-03-03")
                    .option("endDate", "2025-03-03")
                    .load("rankings-daily")
                    .collectAsList());
    assertTrue(msg.contains("HTTP 401"), msg);
    assertTrue(
        msg.contains("GET /datasets/rankings-daily?start_date=2025-03-03&end_date=2025-03-03"),
        msg);
    assertTrue(msg.contains("spark.openrouter.apiKey"), msg);
    assertFalse(msg.contains(wrongKey), msg);
    assertEquals(1, emulator.requestLog().size(), "401 is not retried");
  }

  @Test
  void rateLimitExhaustionFailsLoudlyRatherThanReturningFewerRows() {
    // 429s are retried as long as the API asks (up to maxRetryWait); with no retries left, the
    // query fails.
    // Its own key: a 429 pauses the key for every query of the JVM, which would slow the other
    // tests.
    String key = "or-strict-test-key-429";
    try (OpenRouterEmulator strict =
        OpenRouterEmulator.builder().apiKey(key, "strict-account").rateLimitPerMinute(1).start()) {
      Dataset<Row> df =
          TestSpark.reader(strict)
              .option("apiKey", key)
              .option("startDate", "2025-03-01")
              .option("endDate", "2025-03-02")
              .option("windowDays", "1")
              .option("maxRetries", "0")
              .load("rankings-daily");
      String msg = failureOf(df::collectAsList);
      assertTrue(msg.contains("HTTP 429"), msg);
      assertTrue(msg.contains("30 requests/minute per key"), msg);
      assertEquals(1, strict.requestLog().all().stream().filter(r -> r.status() == 429).count());
    }
  }

  @Test
  void keyNeverAppearsInToStringOfPlanObjects() {
    Dataset<Row> df = TestSpark.reader(emulator).load("rankings-daily");
    String all = df.queryExecution().toString();
    assertFalse(all.contains(OpenRouterEmulator.DEFAULT_API_KEY), all);
  }
}
