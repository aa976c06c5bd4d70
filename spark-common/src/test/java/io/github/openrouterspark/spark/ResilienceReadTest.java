package io.github.openrouterspark.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.openrouterspark.emulator.Fault;
import io.github.openrouterspark.emulator.LoggedRequest;
import io.github.openrouterspark.emulator.OpenRouterEmulator;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.SparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.scheduler.SparkListenerTaskStart;
import org.apache.spark.sql.DataFrameReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import scala.collection.Seq;

/**
 * Queries survive transient faults with exactly the right rows, never hang on a rate-limit hint,
 * stop at once when cancelled, and never leave a failed answer in a cache.
 */
class ResilienceReadTest {
  private static final int KEYS = 12;
  private static final OpenRouterEmulator emulator = start();
  private static final AtomicInteger nextKey = new AtomicInteger();
  private static final List<Fault> MIXED =
      List.of(Fault.status(500), Fault.status(503), Fault.connectionReset(), Fault.truncatedBody());

  /** Each test its own key, so a pause one test causes (a 429) cannot slow another. */
  private String key;

  private static OpenRouterEmulator start() {
    OpenRouterEmulator.Builder b =
        OpenRouterEmulator.builder().rateLimitPerMinute(100_000).dailyLimitPerAccount(100_000);
    for (int i = 0; i < KEYS; i++) {
      b.apiKey(keyName(i), "account-" + i);
    }
    return b.start();
  }

  private static String keyName(int i) {
    return "or-spark-resilience-" + i + "-" + ProcessHandle.current().pid();
  }

  @BeforeEach
  void setUp() {
    key = keyName(nextKey.getAndIncrement());
    emulator.requestLog().clear();
    emulator.faults().clear();
  }

  @AfterAll
  static void stop() {
    emulator.close();
  }

  private DataFrameReader reader() {
    return TestSpark.reader(emulator).option("apiKey", key);
  }

  private static List<String> rankingRows(Dataset<Row> df) {
    return df.collectAsList().stream()
        .map(
            r ->
                r.getAs("date")
                    + "|"
                    + r.getAs("model_permaslug")
                    + "|"
                    + ((BigDecimal) r.getAs("total_tokens")).toBigIntegerExact())
        .toList();
  }

  private static List<String> rankingTruth(LocalDate from, LocalDate to) {
    return emulator.market().rankingsDaily(from, to).stream()
        .map(r -> r.date() + "|" + r.modelPermaslug() + "|" + r.totalTokens())
        .toList();
  }

  private static long answered() {
    return emulator.requestLog().all().stream()
        .filter(r -> r.status() == 200 && r.fault() == null)
        .count();
  }

  private static long faulted() {
    return emulator.requestLog().all().stream().filter(r -> r.fault() != null).count();
  }

  private static String messages(Throwable e) {
    StringBuilder sb = new StringBuilder();
    for (Throwable t = e; t != null; t = t.getCause()) {
      sb.append(t.getMessage()).append('\n');
    }
    return sb.toString();
  }

  @Test
  void fullHistoryOfRankingsDailyUnderThirtyPercentMixedFaultsEqualsTheTruth() {
    LocalDate first = LocalDate.parse("2025-01-01");
    LocalDate end = LocalDate.now(ZoneOffset.UTC).minusDays(1);
    emulator.faults().failRandomly(0.3, 20261202, MIXED);
    List<String> actual =
        rankingRows(
            reader()
                .option("startDate", first.toString())
                .option("endDate", end.toString())
                .option("windowDays", "30")
                .option("maxRetries", "10")
                .load("rankings-daily"));
    emulator.faults().clear();
    assertEquals(rankingTruth(first, end), actual);
    long windows =
        emulator.requestLog().all().stream().map(LoggedRequest::query).distinct().count();
    assertTrue(windows >= first.datesUntil(end).count() / 30, "windows: " + windows);
    assertTrue(faulted() >= windows / 10, "faults were injected: " + faulted());
    assertEquals(
        windows,
        answered(),
        "each window was answered once: none was read again after it succeeded");
  }

  @Test
  void appRankingsUnderThirtyPercentMixedFaultsEqualTheTruth() {
    String start = "2026-03-01";
    String end = "2026-03-28";
    List<String> categories = List.of("coding", "creative", "productivity", "entertainment");
    emulator.faults().failRandomly(0.3, 7, MIXED);
    List<String> actual =
        reader()
            .option("startDate", start)
            .option("endDate", end)
            .option("maxRank", "200")
            .option("maxRetries", "10")
            .load("app-rankings")
            .where(
                "category IN ('coding', 'creative', 'productivity', 'entertainment')"
                    + " AND sort IN ('popular', 'trending')")
            .collectAsList()
            .stream()
            .map(
                r ->
                    r.getAs("sort")
                        + "|"
                        + r.getAs("category")
                        + "|"
                        + r.getAs("rank")
                        + "|"
                        + r.getAs("app_id")
                        + "|"
                        + r.getAs("total_requests")
                        + "|"
                        + ((BigDecimal) r.getAs("total_tokens")).toBigIntegerExact())
            .sorted()
            .toList();
    emulator.faults().clear();
    List<String> truth = new ArrayList<>();
    for (String sort : List.of("popular", "trending")) {
      for (String category : categories) {
        emulator
            .market()
            .appRankings(LocalDate.parse(start), LocalDate.parse(end), sort, category, null)
            .stream()
            .filter(r -> r.rank() <= 200)
            .forEach(
                r ->
                    truth.add(
                        sort
                            + "|"
                            + category
                            + "|"
                            + r.rank()
                            + "|"
                            + r.appId()
                            + "|"
                            + r.totalRequests()
                            + "|"
                            + r.totalTokens()));
      }
    }
    truth.sort(Comparator.naturalOrder());
    assertEquals(truth, actual);
    assertTrue(faulted() > 0, "faults were injected");
  }

  @Test
  void aDayLongRetryAfterFailsTheQueryAtOnceAndTheNextQueryOfTheKeyRuns() {
    emulator.faults().failNext(1, Fault.status(429, Duration.ofDays(1)));
    Dataset<Row> df =
        reader()
            .option("startDate", "2025-02-01")
            .option("endDate", "2025-02-01")
            .option("maxRetryWait", "2m")
            .load("rankings-daily");
    long start = System.nanoTime();
    Throwable e =
        assertTimeoutPreemptively(
            Duration.ofSeconds(60), () -> assertThrows(Throwable.class, df::collectAsList));
    assertTrue(
        System.nanoTime() - start < Duration.ofSeconds(30).toNanos(),
        "failed well within maxRetryWait");
    String msg = messages(e);
    assertTrue(msg.contains("asked to wait 86400 s"), msg);
    assertTrue(msg.contains("daily cap"), msg);
    assertEquals(1, emulator.requestLog().size());

    List<String> next =
        assertTimeoutPreemptively(
            Duration.ofSeconds(60),
            () ->
                rankingRows(
                    reader()
                        .option("startDate", "2025-02-01")
                        .option("endDate", "2025-02-01")
                        .option("maxRetries", "0")
                        .load("rankings-daily")));
    assertEquals(rankingTruth(LocalDate.parse("2025-02-01"), LocalDate.parse("2025-02-01")), next);
    assertEquals(2, emulator.requestLog().size());
  }

  @Test
  void aCancelledQueryWithoutInterruptFreesItsCoreAtOnce() throws Exception {
    cancelledQueryFreesItsCore(false);
  }

  @Test
  void aCancelledQueryWithInterruptFreesItsCoreAtOnce() throws Exception {
    cancelledQueryFreesItsCore(true);
  }

  private void cancelledQueryFreesItsCore(boolean interruptOnCancel) throws Exception {
    // A 429 asking for 40 s, within maxRetryWait: the task waits for it, until cancelled.
    emulator.faults().failNext(1, Fault.status(429, Duration.ofSeconds(40)));
    SparkContext sc = TestSpark.session().sparkContext();
    String group = "resilience-cancel-" + interruptOnCancel + "-" + System.nanoTime();
    TaskCounter tasks = new TaskCounter(group);
    sc.addSparkListener(tasks);
    try {
      Dataset<Row> df =
          reader()
              .option("startDate", "2025-02-10")
              .option("endDate", "2025-02-10")
              .option("maxRetryWait", "2m")
              .load("rankings-daily");
      CompletableFuture<Object> query =
          CompletableFuture.supplyAsync(
              () -> {
                sc.setJobGroup(group, "a query to cancel", interruptOnCancel);
                try {
                  return df.collectAsList();
                } finally {
                  sc.clearJobGroup();
                }
              });
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (emulator.requestLog().all().stream().noneMatch(r -> r.status() == 429)) {
        assertTrue(System.nanoTime() < deadline, "the query never met its 429");
        Thread.sleep(50);
      }
      while (tasks.running() == 0) {
        assertTrue(System.nanoTime() < deadline, "the scheduler never reported the task");
        Thread.sleep(20);
      }
      Thread.sleep(500); // the task is now waiting for the hint
      long cancelled = System.nanoTime();
      sc.cancelJobGroup(group);
      while (tasks.running() > 0) {
        assertTrue(
            System.nanoTime() - cancelled < TimeUnit.SECONDS.toNanos(5),
            "the cancelled task still holds its core after 5 s");
        Thread.sleep(20);
      }
      assertThrows(Exception.class, () -> query.get(30, TimeUnit.SECONDS));
      assertEquals(1, emulator.requestLog().size(), "nothing was sent after the cancel");
    } finally {
      sc.removeSparkListener(tasks);
    }
  }

  /** Tasks of one job group's jobs started and not yet ended, as the scheduler sees them. */
  private static final class TaskCounter extends SparkListener {
    private final String group;
    private final Set<Integer> stages = ConcurrentHashMap.newKeySet();
    private final AtomicInteger running = new AtomicInteger();

    TaskCounter(String group) {
      this.group = group;
    }

    @Override
    public void onJobStart(SparkListenerJobStart start) {
      if (start.properties() != null
          && group.equals(start.properties().getProperty("spark.jobGroup.id"))) {
        Seq<Object> ids = start.stageIds();
        for (int i = 0; i < ids.length(); i++) {
          stages.add((Integer) ids.apply(i));
        }
      }
    }

    @Override
    public void onTaskStart(SparkListenerTaskStart start) {
      if (stages.contains(start.stageId())) {
        running.incrementAndGet();
      }
    }

    @Override
    public void onTaskEnd(SparkListenerTaskEnd end) {
      if (stages.contains(end.stageId())) {
        running.decrementAndGet();
      }
    }

    int running() {
      return running.get();
    }
  }

  @Test
  void aResponseWithANarrowerMetaIsNotCachedAndARerunAsksAgain() {
    String day = "2025-04-12";
    emulator
        .faults()
        .failNext(
            1,
            Fault.editedBody(
                body ->
                    body.replace("\"end_date\":\"" + day + "\"", "\"end_date\":\"2025-04-11\"")));
    DataFrameReader cached =
        reader().option("cache", "true").option("startDate", "2025-04-10").option("endDate", day);
    String msg =
        messages(
            assertThrows(Throwable.class, () -> cached.load("rankings-daily").collectAsList()));
    assertTrue(msg.contains("narrower than the requested window"), msg);
    assertEquals(1, emulator.requestLog().size(), "a wrong answer is not retried");

    assertEquals(
        rankingTruth(LocalDate.parse("2025-04-10"), LocalDate.parse(day)),
        rankingRows(cached.load("rankings-daily")));
    assertEquals(2, emulator.requestLog().size(), "the wrong answer was not served from a cache");
  }

  @Test
  void aBodyCutWithoutFramingIsNotCachedAndARerunAsksAgain() {
    emulator.faults().failNext(1, Fault.shortBody());
    DataFrameReader cached =
        reader()
            .option("cache", "true")
            .option("startDate", "2025-05-20")
            .option("endDate", "2025-05-21")
            .option("maxRetries", "0");
    assertThrows(Throwable.class, () -> cached.load("rankings-daily").collectAsList());
    assertEquals(1, emulator.requestLog().size());

    assertEquals(
        rankingTruth(LocalDate.parse("2025-05-20"), LocalDate.parse("2025-05-21")),
        rankingRows(cached.load("rankings-daily")));
    assertEquals(2, emulator.requestLog().size(), "the cut body was not served from a cache");
    assertEquals(
        rankingTruth(LocalDate.parse("2025-05-20"), LocalDate.parse("2025-05-21")),
        rankingRows(cached.load("rankings-daily")));
    assertEquals(2, emulator.requestLog().size(), "the complete one was");
  }

  @Test
  void aCutBodyInAResponseIsRetriedWithoutEmittingARowTwice() {
    emulator.faults().failNext(1, Fault.truncatedBody()).failNext(1, Fault.connectionReset());
    List<String> actual =
        rankingRows(
            reader()
                .option("startDate", "2025-06-01")
                .option("endDate", "2025-06-30")
                .load("rankings-daily"));
    assertEquals(
        rankingTruth(LocalDate.parse("2025-06-01"), LocalDate.parse("2025-06-30")), actual);
    assertEquals(3, emulator.requestLog().size());
  }
}
