package io.github.openrouterspark.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.openrouterspark.emulator.LoggedRequest;
import io.github.openrouterspark.emulator.OpenRouterEmulator;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 12, the week edge: a range of weeks or months read through the {@code startDate}/{@code
 * endDate} options and through a {@code date BETWEEN} filter over the same dates sends the same
 * requests, the fewest that keep every bucket whole in one response, and returns the emulator's
 * truth for the buckets dated in the range.
 */
class RankingsDailyWeekEdgeTest {
  @RegisterExtension static final EmulatorExtension EMULATOR = EmulatorExtension.lenient();
  private static final OpenRouterEmulator emulator = EMULATOR.emulator();

  private record Outcome(List<String> rows, List<Map<String, String>> requests) {}

  private static Outcome run(Dataset<Row> df) {
    emulator.requestLog().clear();
    List<String> rows =
        df.collectAsList().stream()
            .map(
                r ->
                    r.getAs("date")
                        + "|"
                        + r.getAs("model_permaslug")
                        + "|"
                        + ((BigDecimal) r.getAs("total_tokens")).toBigIntegerExact())
            .sorted()
            .toList();
    List<Map<String, String>> requests =
        emulator.requestLog().all().stream()
            .map(LoggedRequest::query)
            .sorted(Comparator.comparing(q -> q.get("start_date")))
            .toList();
    return new Outcome(rows, requests);
  }

  private static Outcome byOptions(String period, String start, String end) {
    return run(
        TestSpark.reader(emulator)
            .option("period", period)
            .option("startDate", start)
            .option("endDate", end)
            .load("rankings-daily"));
  }

  private static Outcome byFilter(String period, String start, String end) {
    return run(
        TestSpark.reader(emulator)
            .load("rankings-daily")
            .where(
                "period = '"
                    + period
                    + "' AND date BETWEEN DATE '"
                    + start
                    + "' AND DATE '"
                    + end
                    + "'"));
  }

  /** The emulator's rows for one window, kept when dated in {@code from..to}. */
  private static List<String> truth(
      String period, LocalDate windowStart, LocalDate windowEnd, String from, String to) {
    LocalDate first = LocalDate.parse(from);
    LocalDate last = LocalDate.parse(to);
    return emulator.market().rankings(windowStart, windowEnd, period, Map.of()).stream()
        .filter(r -> !r.date().isBefore(first) && !r.date().isAfter(last))
        .map(r -> r.date() + "|" + r.modelPermaslug() + "|" + r.totalTokens())
        .toList();
  }

  private static Map<String, String> request(String period, String start, String end) {
    return Map.of("start_date", start, "end_date", end, "period", period);
  }

  private static void assertBothRoutes(
      String period, String from, String to, List<Map<String, String>> fewest, List<String> truth) {
    Outcome options = byOptions(period, from, to);
    Outcome filter = byFilter(period, from, to);
    assertEquals(fewest, options.requests(), "options " + period + " " + from + ".." + to);
    assertEquals(fewest, filter.requests(), "filter " + period + " " + from + ".." + to);
    assertEquals(truth, options.rows(), "options rows");
    assertEquals(truth, filter.rows(), "filter rows");
  }

  @Test
  void aYearOfWeeksIsOneRequestByEitherRoute() {
    // 2025 starts on a Wednesday: the weeks dated in it are 01-06..12-29, i.e. 2025-01-06 through
    // 2026-01-04 (364 days), one request; the week dated 2024-12-30 is not in the range.
    LocalDate start = LocalDate.parse("2025-01-06");
    LocalDate end = LocalDate.parse("2026-01-04");
    List<String> truth = truth("week", start, end, "2025-01-01", "2025-12-31");
    assertEquals(52, truth.stream().map(r -> r.substring(0, 10)).distinct().count());
    assertBothRoutes(
        "week",
        "2025-01-01",
        "2025-12-31",
        List.of(request("week", "2025-01-06", "2026-01-04")),
        truth.stream().sorted().toList());
  }

  @Test
  void fiftyThreeWeeksAreTwoRequestsByEitherRoute() {
    // 53 weeks dated 2025-03-03..2026-03-02 span 371 days: more than one request may hold, and the
    // second request starts where a week starts.
    List<String> truth =
        java.util.stream.Stream.concat(
                truth(
                    "week",
                    LocalDate.parse("2025-03-03"),
                    LocalDate.parse("2026-03-01"),
                    "2025-03-03",
                    "2026-03-08")
                    .stream(),
                truth(
                    "week",
                    LocalDate.parse("2026-03-02"),
                    LocalDate.parse("2026-03-08"),
                    "2025-03-03",
                    "2026-03-08")
                    .stream())
            .sorted()
            .toList();
    assertEquals(53, truth.stream().map(r -> r.substring(0, 10)).distinct().count());
    assertBothRoutes(
        "week",
        "2025-03-03",
        "2026-03-08",
        List.of(
            request("week", "2025-03-03", "2026-03-01"),
            request("week", "2026-03-02", "2026-03-08")),
        truth);
  }

  @Test
  void aRangeStartingMidweekReadsTheWeeksDatedInIt() {
    // 2025-03-05 is a Wednesday: the first week read is dated 03-10; the one dated 2026-03-02
    // (before the end, a Wednesday) is read whole, to its Sunday.
    LocalDate start = LocalDate.parse("2025-03-10");
    LocalDate end = LocalDate.parse("2026-03-08");
    assertBothRoutes(
        "week",
        "2025-03-05",
        "2026-03-04",
        List.of(request("week", "2025-03-10", "2026-03-08")),
        truth("week", start, end, "2025-03-05", "2026-03-04").stream().sorted().toList());
  }

  @Test
  void aYearOfMonthsIsOneRequestByEitherRoute() {
    LocalDate start = LocalDate.parse("2025-01-01");
    LocalDate end = LocalDate.parse("2025-12-31");
    assertBothRoutes(
        "month",
        "2025-01-01",
        "2025-12-31",
        List.of(request("month", "2025-01-01", "2025-12-31")),
        truth("month", start, end, "2025-01-01", "2025-12-31").stream().sorted().toList());
  }
}
