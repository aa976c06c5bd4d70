package io.github.openrouterspark.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.github.openrouterspark.emulator.ManualClock;
import io.github.openrouterspark.emulator.OpenRouterEmulator;
import io.github.openrouterspark.emulator.RankingRow;
import io.github.openrouterspark.examples.IncrementalPipelineExample;
import io.github.openrouterspark.spark.read.ConnectorClock;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's incremental pipeline, scheduled daily against the emulator with its clock (and the
 * connector's) moved a day between runs: the table holds every completed day once, the join adds up
 * the market exactly, and day 1 costs ceil(400/366) = 2 requests, each later day 1, a re-run 0. The
 * README's cost table quotes these numbers.
 */
class IncrementalPipelineExampleTest {
  private static final LocalDate FIRST = LocalDate.of(2025, 1, 1);

  @TempDir Path work;

  @Test
  void dailyRunsAppendEachNewDayOnceForOneRequest() throws Exception {
    // noon of 2026-02-05: 2025-01-01..2026-02-04 are the 400 completed days
    ManualClock clock = new ManualClock(Instant.parse("2026-02-05T12:00:00Z"));
    OpenRouterEmulator emulator =
        OpenRouterEmulator.builder()
            .clock(clock)
            .rateLimitPerMinute(100_000)
            .dailyLimitPerAccount(100_000)
            .start();
    ConnectorClock.install(clock);
    try (emulator) {
      Map<String, String> connection =
          Map.of(
              "baseUrl",
              emulator.baseUrl(),
              "apiKey",
              OpenRouterEmulator.DEFAULT_API_KEY,
              "cache",
              "false");
      Path table = work.resolve("rankings");
      List<Integer> costs = new ArrayList<>();
      for (int day = 1; day <= 5; day++) {
        int before = emulator.requestLog().size();
        List<Row> share =
            IncrementalPipelineExample.dailyRun(
                    TestSpark.session(), connection, FIRST.toString(), table, work)
                .collectAsList();
        costs.add(emulator.requestLog().size() - before);
        LocalDate last = LocalDate.of(2026, 2, 4).plusDays(day - 1);
        assertTable(emulator, table, last);
        assertShare(emulator, share, last);
        int rerun = emulator.requestLog().size();
        IncrementalPipelineExample.dailyRun(
            TestSpark.session(), connection, FIRST.toString(), table, work);
        assertEquals(rerun, emulator.requestLog().size(), "a re-run the same day: no request");
        clock.advance(Duration.ofDays(1));
      }
      assertEquals(List.of(2, 1, 1, 1, 1), costs, "day 1: the 400-day backfill; then 1 a day");
    } finally {
      ConnectorClock.reset();
    }
  }

  private static void assertTable(OpenRouterEmulator emulator, Path table, LocalDate last) {
    List<String> expected =
        emulator.market().rankingsDaily(FIRST, last).stream()
            .map(r -> r.date() + "|" + r.modelPermaslug() + "|" + r.totalTokens())
            .sorted()
            .toList();
    List<String> actual =
        TestSpark.session().read().parquet(table.toString()).collectAsList().stream()
            .map(
                r ->
                    r.getAs("date")
                        + "|"
                        + r.getAs("model_permaslug")
                        + "|"
                        + ((BigDecimal) r.getAs("total_tokens")).toBigIntegerExact())
            .sorted()
            .toList();
    assertEquals(expected, actual, "the table through " + last);
  }

  private static void assertShare(OpenRouterEmulator emulator, List<Row> share, LocalDate last)
      throws Exception {
    Map<String, BigInteger> market = new HashMap<>();
    Map<String, LocalDate> through = new HashMap<>();
    for (RankingRow r : emulator.market().rankingsDaily(FIRST, last)) {
      market.merge(r.modelPermaslug(), r.totalTokens(), BigInteger::add);
      through.merge(r.modelPermaslug(), r.date(), (a, b) -> a.isAfter(b) ? a : b);
    }
    Map<String, Long> ours = new HashMap<>();
    List<String> lines = Files.readAllLines(Path.of("examples/data/internal_usage.csv"));
    for (String line : lines.subList(1, lines.size())) {
      String[] cells = line.split(",");
      if (market.containsKey(cells[0])) {
        ours.put(cells[0], Long.parseLong(cells[1]));
      }
    }
    assertFalse(share.isEmpty());
    assertEquals(ours.size(), share.size(), share.toString());
    for (Row r : share) {
      String model = r.getAs("model_permaslug");
      assertEquals(ours.get(model), r.<Long>getAs("our_tokens"), model);
      assertEquals(
          market.get(model), ((BigDecimal) r.getAs("market_tokens")).toBigIntegerExact(), model);
      assertEquals(through.get(model), r.getAs("through"), model);
    }
  }
}
