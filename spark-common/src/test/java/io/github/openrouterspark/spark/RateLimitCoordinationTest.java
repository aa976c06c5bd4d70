package io.github.openrouterspark.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.openrouterspark.emulator.Fault;
import io.github.openrouterspark.emulator.OpenRouterEmulator;
import io.github.openrouterspark.emulator.RetryAfterFlavour;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The coordinator keeps every task of every query under one per-key rate, in one JVM and across
 * executor JVMs; 429s are retried as the API asks; exhausted retries fail the query clearly. The
 * first two tests run for about a minute each: that is the rate limit at work.
 */
class RateLimitCoordinationTest {
  /** The minute-long tests; spark-3.5/pom.xml leaves them to the Spark 4 line (see its comment). */
  static final String REAL_MINUTES = "real-minutes";

  private static final String START = "2026-02-01";
  private static final int RATE = 10;
  private static final int WINDOWS = 8;

  private static List<String> truth(OpenRouterEmulator emulator, int queries) {
    List<String> rows = new ArrayList<>();
    for (int q = 0; q < queries; q++) {
      String sort = q % 2 == 0 ? "popular" : "trending";
      for (int d = 0; d < WINDOWS; d++) {
        LocalDate day = LocalDate.parse(START).plusDays(d);
        emulator.market().appRankings(day, day, sort, null, null).stream()
            .filter(r -> r.rank() <= 10)
            .forEach(
                r ->
                    rows.add(
                        day
                            + "|"
                            + sort
                            + "|"
                            + r.rank()
                            + "|"
                            + r.appId()
                            + "|"
                            + r.totalTokens()));
      }
    }
    rows.sort(Comparator.naturalOrder());
    return rows;
  }

  private static void assertCoordinated(String master, int expectedExecutors) throws Exception {
    try (OpenRouterEmulator emulator =
        OpenRouterEmulator.builder().rateLimitPerMinute(RATE).start()) {
      ProbeRun run =
          ProbeRun.start(
              master,
              emulator.baseUrl(),
              OpenRouterEmulator.DEFAULT_API_KEY,
              RATE,
              2,
              WINDOWS,
              START);
      List<String> rows = new ArrayList<>(run.rows());
      rows.sort(Comparator.naturalOrder());
      assertEquals(truth(emulator, 2), rows, run.log());
      long rejected = emulator.requestLog().all().stream().filter(r -> r.status() == 429).count();
      assertEquals(0, rejected, "429s from the API");
      assertEquals(2 * WINDOWS, emulator.requestLog().size());
      // 16 requests at 10 per rolling minute: the 11th cannot leave before a minute has passed.
      assertTrue(
          run.elapsedMillis() >= 59_000,
          "finished in " + run.elapsedMillis() + " ms: not rate limited?");
      if (expectedExecutors > 0) {
        assertEquals(expectedExecutors, run.executors(), "driver plus executor JVMs");
      }
    }
  }

  @Test
  @Tag(REAL_MINUTES)
  void eightTasksAndTwoConcurrentQueriesInOneJvmGetNo429() throws Exception {
    assertCoordinated("local[8]", -1);
  }

  @Test
  @Tag(REAL_MINUTES)
  void twoExecutorJvmsShareTheDriversLimiterAndGetNo429() throws Exception {
    assertCoordinated("local-cluster[2,2,1024]", 3);
  }

  @ParameterizedTest
  @EnumSource(RetryAfterFlavour.class)
  void a429StormWithEachRetryAfterFlavourStillReturnsTheTruth(RetryAfterFlavour flavour) {
    try (OpenRouterEmulator emulator = OpenRouterEmulator.builder().retryAfter(flavour).start()) {
      emulator.faults().failNext(2, Fault.status(429, Duration.ofMillis(300)));
      Dataset<Row> df =
          TestSpark.reader(emulator)
              .option("startDate", START)
              .option("endDate", START)
              .load("app-rankings")
              .where("rank <= 5");
      List<String> actual =
          df.collectAsList().stream()
              .map(
                  r ->
                      r.getAs("rank")
                          + "|"
                          + r.getAs("app_id")
                          + "|"
                          + ((BigDecimal) r.getAs("total_tokens")).toBigIntegerExact())
              .toList();
      LocalDate day = LocalDate.parse(START);
      assertEquals(
          emulator.market().appRankings(day, day, "popular", null, null).stream()
              .filter(r -> r.rank() <= 5)
              .map(r -> r.rank() + "|" + r.appId() + "|" + r.totalTokens())
              .toList(),
          actual);
      assertEquals(
          List.of(429, 429, 200),
          emulator.requestLog().all().stream().map(r -> r.status()).toList());
    }
  }

  @Test
  void exhaustedRetriesFailClearlyWithNoPartialResult() {
    try (OpenRouterEmulator emulator = OpenRouterEmulator.builder().start()) {
      emulator.faults().failNext(10, Fault.status(503));
      Dataset<Row> df =
          TestSpark.reader(emulator)
              .option("startDate", START)
              .option("endDate", START)
              .option("maxRetries", "2")
              .load("app-rankings");
      Throwable e = assertThrows(Throwable.class, df::collectAsList);
      StringBuilder messages = new StringBuilder();
      for (Throwable t = e; t != null; t = t.getCause()) {
        messages.append(t.getMessage()).append('\n');
      }
      String msg = messages.toString();
      assertTrue(msg.contains("after 3 attempts"), msg);
      assertTrue(msg.contains("HTTP 503"), msg);
      assertTrue(msg.contains("maxRetries"), msg);
      assertFalse(msg.contains(OpenRouterEmulator.DEFAULT_API_KEY), msg);
      assertEquals(3, emulator.requestLog().size());
    }
  }

  @Test
  void aQueryOverItsRequestBudgetFailsBeforeItsFirstRequest() {
    try (OpenRouterEmulator emulator = TestEmulators.lenient()) {
      Dataset<Row> df =
          TestSpark.reader(emulator)
              .option("startDate", "2025-01-01")
              .option("endDate", "2025-04-30")
              .option("windowDays", "1")
              .load("rankings-daily");
      String plan = TestSpark.explain(df, "EXTENDED");
      assertTrue(plan.contains("PlannedRequests: 120"), plan);
      Throwable e = assertThrows(Throwable.class, df::collectAsList);
      assertTrue(
          e.getMessage()
              .contains("would send up to 120 requests, more than maxRequestsPerQuery=100"),
          e.getMessage());
      assertTrue(
          e.getMessage().contains(".option(\"maxRequestsPerQuery\", \"120\")"), e.getMessage());
      assertEquals(0, emulator.requestLog().size());
      long n =
          TestSpark.reader(emulator)
              .option("startDate", "2025-01-01")
              .option("endDate", "2025-04-30")
              .option("windowDays", "1")
              .option("maxRequestsPerQuery", "120")
              .load("rankings-daily")
              .count();
      assertEquals(
          emulator
              .market()
              .rankingsDaily(LocalDate.parse("2025-01-01"), LocalDate.parse("2025-04-30"))
              .size(),
          n);
      assertEquals(120, emulator.requestLog().size());
    }
  }

  @Test
  void wrapped400TransientIsRetried() {
    try (OpenRouterEmulator emulator = OpenRouterEmulator.builder().start()) {
      emulator.faults().failNext(1, Fault.wrapped400(502));
      long n =
          TestSpark.reader(emulator)
              .option("startDate", START)
              .option("endDate", START)
              .load("app-rankings")
              .count();
      assertEquals(50, n);
      assertEquals(
          List.of(400, 200), emulator.requestLog().all().stream().map(r -> r.status()).toList());
    }
  }
}
