package io.github.openrouterspark.spark.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.openrouterspark.emulator.ManualClock;
import io.github.openrouterspark.emulator.OpenRouterEmulator;
import io.github.openrouterspark.options.ReadOptions;
import io.github.openrouterspark.options.SparkConfs;
import io.github.openrouterspark.spark.TestSpark;
import io.github.openrouterspark.spark.read.ConnectorClock;
import java.io.File;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.connector.read.streaming.MicroBatchStream;
import org.apache.spark.sql.connector.read.streaming.Offset;
import org.apache.spark.sql.connector.read.streaming.ReadLimit;
import org.apache.spark.sql.streaming.DataStreamReader;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.apache.spark.sql.streaming.StreamingQueryException;
import org.apache.spark.sql.streaming.Trigger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code spark.readStream} against the emulator, with the emulator's clock and the connector's
 * moved together day by day: rows equal the emulator's truth exactly once in a file sink across
 * restarts (one after a crash between the sink's commit and the offset's), and the request log
 * shows the minimum: ceil(days/366) for the backfill, one per new day, none while idle.
 */
class StreamingReadTest {
  private static final LocalDate FIRST = LocalDate.of(2025, 1, 1);

  /** 400 completed days, 2025-01-01..2026-02-04, at noon of the provisional 2026-02-05. */
  private static final Instant START = Instant.parse("2026-02-05T12:00:00Z");

  private static final ManualClock clock = new ManualClock(START);
  private static OpenRouterEmulator emulator;

  @TempDir Path dir;

  @BeforeAll
  static void start() {
    emulator =
        OpenRouterEmulator.builder()
            .clock(clock)
            .rateLimitPerMinute(100_000)
            .dailyLimitPerAccount(100_000)
            .start();
    ConnectorClock.install(clock);
  }

  @AfterAll
  static void stop() {
    ConnectorClock.reset();
    emulator.close();
  }

  @BeforeEach
  void reset() {
    clock.set(START);
    emulator.requestLog().clear();
  }

  private static DataStreamReader stream() {
    return TestSpark.session()
        .readStream()
        .format("openrouter")
        .option("baseUrl", emulator.baseUrl())
        .option("apiKey", OpenRouterEmulator.DEFAULT_API_KEY)
        .option("rateLimitPerMinute", "10000")
        .option("cache", "false");
  }

  /** One scheduled run: everything completed since the last run, then the query stops. */
  private static int runOnce(Dataset<Row> source, Path out, Path checkpoint)
      throws TimeoutException, StreamingQueryException {
    int before = emulator.requestLog().size();
    StreamingQuery query =
        source
            .writeStream()
            .format("parquet")
            .option("path", out.toString())
            .option("checkpointLocation", checkpoint.toString())
            .trigger(Trigger.AvailableNow())
            .start();
    query.awaitTermination();
    return emulator.requestLog().size() - before;
  }

  private static List<String> sinkRows(Path out) {
    return TestSpark.session().read().parquet(out.toString()).collectAsList().stream()
        .map(
            r ->
                r.getAs("date")
                    + "|"
                    + r.getAs("model_permaslug")
                    + "|"
                    + ((BigDecimal) r.getAs("total_tokens")).toBigIntegerExact())
        .sorted()
        .toList();
  }

  private static List<String> truth(LocalDate from, LocalDate to) {
    return emulator.market().rankingsDaily(from, to).stream()
        .map(r -> r.date() + "|" + r.modelPermaslug() + "|" + r.totalTokens())
        .sorted()
        .toList();
  }

  private static LocalDate today() {
    return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
  }

  /** The state a crash leaves between the sink's commit of batch N and the commit log's. */
  private static void dropLastCommit(Path checkpoint) throws IOException {
    File[] commits =
        checkpoint.resolve("commits").toFile().listFiles(f -> f.getName().matches("\\d+"));
    File last =
        Arrays.stream(commits)
            .max(Comparator.comparingLong(f -> Long.parseLong(f.getName())))
            .orElseThrow();
    Files.delete(last.toPath());
    Files.deleteIfExists(checkpoint.resolve("commits").resolve("." + last.getName() + ".crc"));
  }

  @Test
  void backfillsThenOneRequestPerNewDayExactlyOnceAcrossRestartsAndACrash() throws Exception {
    Path out = dir.resolve("out");
    Path checkpoint = dir.resolve("checkpoint");
    Dataset<Row> source = stream().load("rankings-daily");

    assertEquals(2, runOnce(source, out, checkpoint), "400 days backfill: ceil(400/366)");
    assertEquals(truth(FIRST, LocalDate.of(2026, 2, 4)), sinkRows(out));
    for (int idle = 0; idle < 3; idle++) {
      assertEquals(0, runOnce(source, out, checkpoint), "idle: no request");
    }

    int requests = 0;
    for (int day = 1; day <= 10; day++) {
      clock.advance(Duration.ofDays(1));
      requests += runOnce(source, out, checkpoint);
      if (day == 5) {
        dropLastCommit(checkpoint); // killed after the sink wrote day 5, before the offset commit
      }
      if (day == 6) {
        // batch 5 was replayed (the file sink skipped it), then day 6 was read
        assertEquals(6, requests, "the replayed batch 5 sends nothing, day 6 one request");
        assertTrue(
            Files.exists(checkpoint.resolve("commits").resolve("5")), "batch 5 re-committed");
      }
      assertEquals(truth(FIRST, today().minusDays(1)), sinkRows(out), "after day " + day);
    }
    assertEquals(10, requests, "one request per new day");
    assertEquals(0, runOnce(source, out, checkpoint), "idle again");
  }

  @Test
  void idleTriggersOfARunningStreamSendNothing() throws Exception {
    StreamingQuery query =
        stream()
            .option("startDate", "2026-01-01")
            .load("rankings-daily")
            .writeStream()
            .format("memory")
            .queryName("idle_stream")
            .option("checkpointLocation", dir.resolve("ckpt").toString())
            .start();
    try {
      query.processAllAvailable();
      assertEquals(1, emulator.requestLog().size());
      for (int i = 0; i < 5; i++) {
        query.processAllAvailable();
      }
      assertEquals(1, emulator.requestLog().size(), "idle triggers send nothing");
      clock.advance(Duration.ofDays(1));
      query.processAllAvailable();
      assertEquals(2, emulator.requestLog().size(), "the new day: one request");
      assertEquals(
          truth(LocalDate.of(2026, 1, 1), today().minusDays(1)).size(),
          TestSpark.session().table("idle_stream").count());
    } finally {
      query.stop();
    }
  }

  @Test
  void maxDaysPerTriggerSplitsTheBackfill() throws Exception {
    Path out = dir.resolve("out");
    Path checkpoint = dir.resolve("checkpoint");
    Dataset<Row> source =
        stream()
            .option("startDate", "2026-01-06")
            .option("maxDaysPerTrigger", "10")
            .load("rankings-daily");
    // 2026-01-06..2026-02-04: 30 days, in 3 batches of 10 days, one request each
    assertEquals(3, runOnce(source, out, checkpoint));
    assertEquals(
        3, checkpoint.resolve("commits").toFile().list((d, n) -> n.matches("\\d+")).length);
    assertEquals(truth(LocalDate.of(2026, 1, 6), LocalDate.of(2026, 2, 4)), sinkRows(out));
  }

  @Test
  void weeklyBucketsComeOnceTheirSundayIsOver() throws Exception {
    Path out = dir.resolve("out");
    Path checkpoint = dir.resolve("checkpoint");
    Dataset<Row> source =
        stream().option("startDate", "2026-01-05").option("period", "week").load("rankings-daily");
    // Thursday 2026-02-05: the weeks from Monday 2026-01-05 to Sunday 2026-02-01 are complete
    assertEquals(1, runOnce(source, out, checkpoint));
    assertEquals(weeks(LocalDate.of(2026, 1, 5), LocalDate.of(2026, 2, 1)), sinkRows(out));
    clock.advance(Duration.ofDays(3)); // Sunday: the week of 2026-02-02 is still live
    assertEquals(0, runOnce(source, out, checkpoint));
    clock.advance(Duration.ofDays(1));
    assertEquals(1, runOnce(source, out, checkpoint));
    assertEquals(weeks(LocalDate.of(2026, 1, 5), LocalDate.of(2026, 2, 8)), sinkRows(out));
  }

  private static List<String> weeks(LocalDate from, LocalDate to) {
    return emulator.market().rankings(from, to, "week", Map.of()).stream()
        .map(r -> r.date() + "|" + r.modelPermaslug() + "|" + r.totalTokens())
        .sorted()
        .toList();
  }

  @Test
  void appRankingsEmitOneRankingPerCompletedWindow() throws Exception {
    Path out = dir.resolve("out");
    Path checkpoint = dir.resolve("checkpoint");
    Dataset<Row> source =
        stream().option("startDate", "2026-01-08").option("windowDays", "7").load("app-rankings");
    // 2026-01-08..2026-02-04 are 4 whole weeks; the week from 2026-02-05 is not complete
    assertEquals(4, runOnce(source, out, checkpoint));
    List<Row> rows = TestSpark.session().read().parquet(out.toString()).collectAsList();
    for (int w = 0; w < 4; w++) {
      LocalDate start = LocalDate.of(2026, 1, 8).plusDays(7L * w);
      List<String> expected =
          emulator.market().appRankings(start, start.plusDays(6), null, null, null).stream()
              .filter(r -> r.rank() <= 50)
              .map(r -> r.rank() + "|" + r.appId() + "|" + r.totalTokens())
              .toList();
      List<String> actual =
          rows.stream()
              .filter(r -> r.getAs("start_date").equals(start))
              .sorted(Comparator.comparingInt(r -> r.<Integer>getAs("rank")))
              .map(r -> r.getAs("rank") + "|" + r.getAs("app_id") + "|" + r.getAs("total_tokens"))
              .toList();
      assertEquals(expected, actual, "window from " + start);
    }
    clock.advance(Duration.ofDays(6));
    assertEquals(0, runOnce(source, out, checkpoint), "the 5th week is not complete yet");
    clock.advance(Duration.ofDays(1));
    assertEquals(1, runOnce(source, out, checkpoint), "now it is: one ranking");
  }

  @Test
  void analyticsEmitCompletedBuckets() throws Exception {
    Path out = dir.resolve("out");
    Path checkpoint = dir.resolve("checkpoint");
    Dataset<Row> source =
        stream()
            .option("apiKey", OpenRouterEmulator.DEFAULT_MANAGEMENT_KEY)
            .option("granularity", "day")
            .option("startTime", "2026-01-30")
            .load("analytics");
    runOnce(source, out, checkpoint);
    // 2026-01-30 .. 2026-02-04: six completed day buckets, one query within the API's caps
    assertEquals(1, emulator.requestLog().forPath("/analytics/query").size());
    Dataset<Row> batch =
        TestSpark.session()
            .read()
            .format("openrouter")
            .option("baseUrl", emulator.baseUrl())
            .option("apiKey", OpenRouterEmulator.DEFAULT_MANAGEMENT_KEY)
            .option("cache", "false")
            .option("granularity", "day")
            .option("startTime", "2026-01-30T00:00:00Z")
            .option("endTime", "2026-02-05T00:00:00Z")
            .load("analytics");
    Dataset<Row> streamed = TestSpark.session().read().parquet(out.toString());
    assertEquals(batch.count(), streamed.count());
    assertEquals(
        0,
        batch
            .exceptAll(
                streamed.select(
                    batch.columns()[0],
                    Arrays.copyOfRange(batch.columns(), 1, batch.columns().length)))
            .count());
    emulator.requestLog().clear();
    assertEquals(0, runOnce(source, out, checkpoint), "the current day's bucket waits");
    clock.advance(Duration.ofDays(1));
    assertEquals(1, runOnce(source, out, checkpoint), "one new bucket");
    assertEquals(
        batch.count()
            + TestSpark.session()
                .read()
                .format("openrouter")
                .option("baseUrl", emulator.baseUrl())
                .option("apiKey", OpenRouterEmulator.DEFAULT_MANAGEMENT_KEY)
                .option("granularity", "day")
                .option("startTime", "2026-02-05T00:00:00Z")
                .option("endTime", "2026-02-06T00:00:00Z")
                .load("analytics")
                .count(),
        TestSpark.session().read().parquet(out.toString()).count());
  }

  private static ReadOptions options(String... keyValues) {
    Map<String, String> map = new HashMap<>();
    map.put("dataset", "rankings-daily");
    map.put("apiKey", OpenRouterEmulator.DEFAULT_API_KEY);
    map.put("baseUrl", emulator.baseUrl());
    for (int i = 0; i < keyValues.length; i += 2) {
      map.put(keyValues[i], keyValues[i + 1]);
    }
    return ReadOptions.parse(map, SparkConfs.of(Map.of()), Map.of());
  }

  @Test
  void theInitialOffsetIsKeptUnderTheCheckpointAndOffsetsRoundTrip() {
    TestSpark.session();
    String checkpoint = dir.resolve("sources").resolve("0").toString();
    MicroBatchStream first = DatasetStreams.open(options("startDate", "2025-06-01"), checkpoint);
    String json = first.initialOffset().json();
    assertEquals(
        "{\"v\":1,\"dataset\":\"rankings-daily\",\"unit\":\"day\",\"end\":\"2025-06-01\"}", json);
    // a crash before batch 0, then a restart with an edited start: the start does not move
    MicroBatchStream again = DatasetStreams.open(options("startDate", "2025-09-01"), checkpoint);
    assertEquals(json, again.initialOffset().json());
    assertEquals(first.initialOffset(), again.deserializeOffset(json));
    assertThrows(
        IllegalArgumentException.class,
        () -> again.deserializeOffset(json.replace("\"day\"", "\"7-day-window\"")));
    // idle: the head is the clock's last completed day; AvailableNow keeps the head of its start
    Offset head =
        ((DatasetStream) again).latestOffset(again.initialOffset(), ReadLimit.allAvailable());
    assertTrue(head.json().contains("2026-02-05"), head.json());
    // 2025-06-01..2026-02-04 is one window of at most 366 days: one partition
    assertEquals(1, again.planInputPartitions(again.initialOffset(), head).length);
    assertEquals(0, emulator.requestLog().size(), "deciding and planning send nothing");
  }

  @Test
  void badOptionsFailBeforeAnyRequest() {
    Exception bad =
        assertThrows(
            Exception.class,
            () -> stream().option("maxDaysPerTrigger", "0").load("rankings-daily"));
    assertTrue(bad.getMessage().contains("maxDaysPerTrigger"), bad.getMessage());
    Exception noWindow =
        assertThrows(
            Exception.class,
            () -> runOnce(stream().load("app-rankings"), dir.resolve("o1"), dir.resolve("c1")));
    assertTrue(String.valueOf(rootMessage(noWindow)).contains("windowDays"), rootMessage(noWindow));
    Exception ended =
        assertThrows(
            Exception.class,
            () ->
                runOnce(
                    stream().option("endDate", "2026-01-01").load("rankings-daily"),
                    dir.resolve("o3"),
                    dir.resolve("c3")));
    assertTrue(rootMessage(ended).contains("endDate"), rootMessage(ended));
    // 400 one-day windows in one batch: over maxRequestsPerQuery, found before the batch is logged
    Path overCheckpoint = dir.resolve("c4");
    Exception over =
        assertThrows(
            Exception.class,
            () ->
                runOnce(
                    stream().option("windowDays", "1").load("rankings-daily"),
                    dir.resolve("o4"),
                    overCheckpoint));
    assertTrue(rootMessage(over).contains("maxDaysPerTrigger"), rootMessage(over));
    assertFalse(Files.exists(overCheckpoint.resolve("offsets").resolve("0")), "no batch logged");
    assertEquals(0, emulator.requestLog().size());
  }

  @Test
  void explainAndProgressDoNotShowTheKey() throws Exception {
    StreamingQuery query =
        stream()
            .option("startDate", "2026-02-01")
            .load("rankings-daily")
            .writeStream()
            .format("memory")
            .queryName("secret_stream")
            .option("checkpointLocation", dir.resolve("ckpt").toString())
            .start();
    try {
      query.processAllAvailable();
      String explained = explain(query);
      String progress = query.lastProgress().json();
      assertTrue(explained.contains("OpenRouter"), explained);
      assertFalse(explained.contains(OpenRouterEmulator.DEFAULT_API_KEY), explained);
      assertFalse(progress.contains(OpenRouterEmulator.DEFAULT_API_KEY), progress);
      assertTrue(progress.contains("completedThrough"), progress);
    } finally {
      query.stop();
    }
  }

  /** EXPLAIN of the last batch, as query.explain(true) prints it. */
  private static String explain(StreamingQuery query) throws ReflectiveOperationException {
    return (String)
        query.getClass().getMethod("explainInternal", boolean.class).invoke(query, true);
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    StringBuilder all = new StringBuilder();
    while (t != null) {
      all.append(t.getMessage()).append(" | ");
      t = t.getCause();
    }
    return all.toString();
  }
}
