package io.github.openrouterspark.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.openrouterspark.emulator.LoggedRequest;
import io.github.openrouterspark.emulator.OpenRouterEmulator;
import io.github.openrouterspark.emulator.RankingRow;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * End-to-end reads of rankings-daily on a local SparkSession against the emulator: rows must equal
 * the emulator's truth, and the request log must show exactly the minimal requests.
 */
class RankingsDailyReadTest {
  private static final LocalDate FIRST = LocalDate.of(2025, 1, 1);
  @RegisterExtension static final EmulatorExtension EMULATOR = EmulatorExtension.lenient();
  private static final OpenRouterEmulator emulator = EMULATOR.emulator();

  private static LocalDate today() {
    return LocalDate.now(ZoneOffset.UTC);
  }

  private static Dataset<Row> rankings() {
    return TestSpark.reader(emulator).load("rankings-daily");
  }

  private static Dataset<Row> rankings(String start, String end) {
    return TestSpark.reader(emulator)
        .option("startDate", start)
        .option("endDate", end)
        .load("rankings-daily");
  }

  private static List<String> rows(Dataset<Row> df) {
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

  private static List<String> truth(LocalDate from, LocalDate to) {
    return truth(from, to, d -> true);
  }

  private static List<String> truth(LocalDate from, LocalDate to, Predicate<LocalDate> dates) {
    return emulator.market().rankingsDaily(from, to).stream()
        .filter(r -> dates.test(r.date()))
        .map(r -> r.date() + "|" + r.modelPermaslug() + "|" + r.totalTokens())
        .toList();
  }

  private static List<Map<String, String>> requests() {
    return emulator.requestLog().all().stream().map(LoggedRequest::query).toList();
  }

  private static Map<String, String> window(LocalDate start, LocalDate end) {
    return Map.of("start_date", start.toString(), "end_date", end.toString());
  }

  private static Set<Map<String, String>> requestSet() {
    return Set.copyOf(requests());
  }

  @Test
  void fullHistoryEqualsTruthWithFewestRequests() {
    LocalDate end = today().minusDays(1);
    List<String> actual = rows(rankings(FIRST.toString(), end.toString()));
    assertEquals(truth(FIRST, end), actual);
    long days = ChronoUnit.DAYS.between(FIRST, end) + 1;
    assertEquals((days + 365) / 366, requests().size(), "one request per 366 days");
    LocalDate firstWindowEnd = FIRST.plusDays(365);
    assertTrue(requestSet().contains(window(FIRST, firstWindowEnd)), requests().toString());
    assertTrue(
        actual.stream().anyMatch(r -> r.contains("|other|")), "the reserved other row is kept");
  }

  @Test
  void oneYearIsOneRequest() {
    List<String> actual = rows(rankings("2025-01-01", "2025-12-31"));
    assertEquals(truth(LocalDate.parse("2025-01-01"), LocalDate.parse("2025-12-31")), actual);
    assertEquals(
        List.of(window(LocalDate.parse("2025-01-01"), LocalDate.parse("2025-12-31"))), requests());
  }

  @Test
  void windowDaysSplitsIntoPartitionsOneRequestEach() {
    Dataset<Row> df =
        TestSpark.reader(emulator)
            .option("startDate", "2025-03-01")
            .option("endDate", "2025-03-30")
            .option("windowDays", "7")
            .load("rankings-daily");
    assertEquals(5, df.javaRDD().getNumPartitions());
    assertEquals(0, emulator.requestLog().size(), "planning sends no request");
    assertEquals(truth(LocalDate.parse("2025-03-01"), LocalDate.parse("2025-03-30")), rows(df));
    assertEquals(
        Set.of(
            window(LocalDate.parse("2025-03-01"), LocalDate.parse("2025-03-07")),
            window(LocalDate.parse("2025-03-08"), LocalDate.parse("2025-03-14")),
            window(LocalDate.parse("2025-03-15"), LocalDate.parse("2025-03-21")),
            window(LocalDate.parse("2025-03-22"), LocalDate.parse("2025-03-28")),
            window(LocalDate.parse("2025-03-29"), LocalDate.parse("2025-03-30"))),
        requestSet());
    assertEquals(5, requests().size());
  }

  @Test
  void defaultRangeIsTheLast30DaysBeforeToday() {
    LocalDate end = today().minusDays(1);
    LocalDate start = end.minusDays(30);
    assertEquals(truth(start, end), rows(rankings()));
    assertEquals(List.of(window(start, end)), requests());
  }

  @Test
  void singleDateFilterIsOneRequestForThatDay() {
    LocalDate d = LocalDate.parse("2025-08-15");
    List<String> actual = rows(rankings().where("date = DATE '2025-08-15'"));
    assertEquals(truth(d, d), actual);
    assertEquals(List.of(window(d, d)), requests());
  }

  @Test
  void inListWithinOneSpanSharesOneRequest() {
    LocalDate d1 = LocalDate.parse("2025-02-01");
    LocalDate d2 = d1.plusDays(365); // 366 days inclusive: still one window
    List<String> actual = rows(rankings().where("date IN (DATE '" + d1 + "', DATE '" + d2 + "')"));
    assertEquals(truth(d1, d2, d -> d.equals(d1) || d.equals(d2)), actual);
    assertEquals(List.of(window(d1, d2)), requests());
  }

  @Test
  void inListFartherApartThanOneSpanCostsTwoRequests() {
    LocalDate d1 = LocalDate.parse("2025-02-01");
    LocalDate d2 = d1.plusDays(366);
    List<String> actual = rows(rankings().where("date IN (DATE '" + d1 + "', DATE '" + d2 + "')"));
    assertEquals(truth(d1, d2, d -> d.equals(d1) || d.equals(d2)), actual);
    assertEquals(Set.of(window(d1, d1), window(d2, d2)), requestSet());
    assertEquals(2, requests().size());
  }

  @Test
  void rangeBeforeTheDatasetSendsNothing() {
    assertEquals(List.of(), rows(rankings("2024-01-01", "2024-12-31")));
    assertEquals(List.of(), rows(rankings().where("date < DATE '2025-01-01'")));
    assertEquals(0, emulator.requestLog().size());
  }

  @Test
  void contradictoryFiltersSendNothing() {
    assertEquals(
        List.of(), rows(rankings().where("date > DATE '2025-05-01' AND date < DATE '2025-04-01'")));
    assertEquals(
        List.of(), rows(rankings().where("date = DATE '2025-05-01' AND date = DATE '2025-05-02'")));
    assertEquals(0, emulator.requestLog().size());
  }

  @Test
  void startBeforeTheDatasetIsClamped() {
    List<String> actual = rows(rankings("2024-06-01", "2025-01-10"));
    assertEquals(truth(FIRST, LocalDate.parse("2025-01-10")), actual);
    assertEquals(List.of(window(FIRST, LocalDate.parse("2025-01-10"))), requests());
  }

  @Test
  void betweenOrAndNotCombinationsAreExact() {
    String where =
        "(date BETWEEN DATE '2025-04-01' AND DATE '2025-04-10' OR date = DATE '2025-06-01')"
            + " AND NOT (date IN (DATE '2025-04-03', DATE '2025-04-04'))";
    Dataset<Row> df = rankings().where(where);
    LocalDate a = LocalDate.parse("2025-04-01");
    LocalDate b = LocalDate.parse("2025-04-10");
    LocalDate c = LocalDate.parse("2025-06-01");
    Predicate<LocalDate> keep =
        d ->
            ((!d.isBefore(a) && !d.isAfter(b)) || d.equals(c))
                && !d.equals(LocalDate.parse("2025-04-03"))
                && !d.equals(LocalDate.parse("2025-04-04"));
    assertEquals(truth(a, c, keep), rows(df));
    assertEquals(List.of(window(a, c)), requests());
    String plan = TestSpark.explain(df, "EXTENDED");
    assertTrue(plan.contains("PostScanFilters: []"), plan);
  }

  @Test
  void filtersOnOtherColumnsStayInSparkButStillNarrowDates() {
    Dataset<Row> df = rankings().where("date = DATE '2025-09-09' AND model_permaslug = 'other'");
    List<String> actual = rows(df);
    LocalDate d = LocalDate.parse("2025-09-09");
    assertEquals(
        emulator.market().rankingsDaily(d, d).stream()
            .filter(r -> r.modelPermaslug().equals("other"))
            .map(r -> r.date() + "|other|" + r.totalTokens())
            .toList(),
        actual);
    assertEquals(1, actual.size());
    assertEquals(List.of(window(d, d)), requests());
    String plan = TestSpark.explain(df, "EXTENDED");
    assertTrue(plan.contains("PushedFilters: [date = DATE '2025-09-09']"), plan);
    assertTrue(plan.contains("PostScanFilters: [model_permaslug = 'other']"), plan);
  }

  @Test
  void orAcrossColumnsIsLeftToSparkAndReadsTheWholeRange() {
    Dataset<Row> df =
        rankings("2025-03-01", "2025-03-05")
            .where("date = DATE '2025-03-02' OR model_permaslug = 'other'");
    LocalDate a = LocalDate.parse("2025-03-01");
    LocalDate e = LocalDate.parse("2025-03-05");
    List<String> expected =
        emulator.market().rankingsDaily(a, e).stream()
            .filter(
                r ->
                    r.date().equals(LocalDate.parse("2025-03-02"))
                        || r.modelPermaslug().equals("other"))
            .map(r -> r.date() + "|" + r.modelPermaslug() + "|" + r.totalTokens())
            .toList();
    assertEquals(expected, rows(df));
    assertEquals(List.of(window(a, e)), requests());
  }

  @Test
  void valuesAreExactDecimals() {
    LocalDate a = LocalDate.parse("2025-10-01");
    LocalDate b = LocalDate.parse("2025-10-31");
    BigDecimal sum =
        (BigDecimal)
            rankings(a.toString(), b.toString()).selectExpr("sum(total_tokens)").first().get(0);
    BigInteger expected =
        emulator.market().rankingsDaily(a, b).stream()
            .map(RankingRow::totalTokens)
            .reduce(BigInteger.ZERO, BigInteger::add);
    assertEquals(expected, sum.toBigIntegerExact());
  }

  @Test
  void columnPruningReadsOnlyWhatIsSelected() {
    Dataset<Row> df = rankings("2025-05-01", "2025-05-03").select("model_permaslug");
    assertEquals(List.of("model_permaslug"), List.of(df.schema().fieldNames()));
    List<String> expected =
        truth(LocalDate.parse("2025-05-01"), LocalDate.parse("2025-05-03")).stream()
            .map(r -> r.split("\\|")[1])
            .toList();
    assertEquals(expected, df.collectAsList().stream().map(r -> r.getString(0)).toList());
    String plan = TestSpark.explain(df, "FORMATTED");
    assertFalse(plan.contains("total_tokens"), plan);
  }

  @Test
  void asOfIsAMetadataColumnInEitherFieldOrder() {
    java.time.Instant before = java.time.Instant.now().truncatedTo(ChronoUnit.MILLIS);
    Dataset<Row> df = rankings("2025-05-01", "2025-05-02");
    assertFalse(List.of(df.columns()).contains("_as_of"), "not part of SELECT *");
    List<Row> withAsOf =
        df.select("date", "model_permaslug", "total_tokens", "_as_of").collectAsList();
    java.time.Instant after = java.time.Instant.now();
    assertEquals(
        truth(LocalDate.parse("2025-05-01"), LocalDate.parse("2025-05-02")).size(),
        withAsOf.size());
    for (Row r : withAsOf) {
      java.time.Instant asOf = r.getInstant(3);
      assertFalse(asOf.isBefore(before) || asOf.isAfter(after), asOf + " not within the query");
    }
    try (OpenRouterEmulator metaFirst = OpenRouterEmulator.builder().metaFirst(true).start()) {
      Dataset<Row> other =
          TestSpark.reader(metaFirst)
              .option("startDate", "2025-05-01")
              .option("endDate", "2025-05-02")
              .load("rankings-daily")
              .select("date", "model_permaslug", "total_tokens", "_as_of");
      List<Row> rows = other.collectAsList();
      assertEquals(withAsOf.size(), rows.size());
      assertEquals(
          withAsOf.stream().map(r -> r.get(1) + "|" + r.get(2)).toList(),
          rows.stream().map(r -> r.get(1) + "|" + r.get(2)).toList());
      assertTrue(rows.stream().allMatch(r -> r.getInstant(3) != null));
    }
  }

  @Test
  void explainShowsPlanAndPushedFiltersButNeverTheKey() {
    Dataset<Row> df = rankings().where("date >= DATE '2025-02-01' AND date <= DATE '2025-02-10'");
    for (String mode : List.of("", "EXTENDED", "FORMATTED", "COST", "CODEGEN")) {
      String plan = TestSpark.explain(df, mode);
      assertFalse(
          plan.contains(OpenRouterEmulator.DEFAULT_API_KEY),
          "key in EXPLAIN " + mode + ":\n" + plan);
      if (!mode.equals("CODEGEN")) {
        assertTrue(plan.contains("OpenRouter rankings-daily"), plan);
      }
    }
    String plan = TestSpark.explain(df, "EXTENDED");
    assertTrue(
        plan.contains("PushedFilters: [date >= DATE '2025-02-01', date <= DATE '2025-02-10']"),
        plan);
    assertTrue(plan.contains("Windows: [2025-02-01..2025-02-10]"), plan);
    assertTrue(plan.contains("PlannedRequests: 1"), plan);
    assertEquals(0, emulator.requestLog().size(), "EXPLAIN sends no request");
  }

  @Test
  void optionNamesAreCaseInsensitiveAndUnderscoreDatasetNameWorks() {
    Dataset<Row> df =
        TestSpark.session()
            .read()
            .format("openrouter")
            .option("BASEURL", emulator.baseUrl())
            .option("apikey", OpenRouterEmulator.DEFAULT_API_KEY)
            .option("dataset", "rankings_daily")
            .option("STARTDATE", "2025-07-01")
            .option("enddate", "2025-07-01")
            .option("RATELIMITPERMINUTE", "10000")
            .load();
    assertEquals(truth(LocalDate.parse("2025-07-01"), LocalDate.parse("2025-07-01")), rows(df));
  }

  @Test
  void attributionHeadersAreSent() {
    rows(
        TestSpark.reader(emulator)
            .option("startDate", "2025-07-01")
            .option("endDate", "2025-07-01")
            .option("httpReferer", "https://example.com/analytics")
            .option("appTitle", "Market dashboard")
            .option("appCategories", "cli-agent")
            .load("rankings-daily"));
    Map<String, String> headers = emulator.requestLog().all().get(0).headers();
    assertEquals("https://example.com/analytics", headers.get("http-referer"));
    assertEquals("Market dashboard", headers.get("x-openrouter-title"));
    assertEquals("cli-agent", headers.get("x-openrouter-categories"));
    assertTrue(
        headers.get("user-agent").startsWith("openrouter-spark/"), headers.get("user-agent"));
    assertFalse(headers.containsKey("authorization"));
  }

  @Test
  void joinsWithOrdinaryTables() {
    Dataset<Row> internal =
        TestSpark.session()
            .sql("SELECT * FROM VALUES ('other', 5) AS internal(model_permaslug, our_tokens)");
    long n = rankings("2025-06-01", "2025-06-07").join(internal, "model_permaslug").count();
    assertEquals(
        truth(LocalDate.parse("2025-06-01"), LocalDate.parse("2025-06-07")).stream()
            .filter(r -> r.contains("|other|"))
            .count(),
        n);
  }

  static String describe(List<LoggedRequest> log) {
    return log.stream().map(r -> r.status() + " " + r.query()).collect(Collectors.joining("\n"));
  }
}
