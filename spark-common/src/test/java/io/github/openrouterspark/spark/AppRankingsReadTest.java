package io.github.openrouterspark.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.openrouterspark.emulator.AppRankingRow;
import io.github.openrouterspark.emulator.LoggedRequest;
import io.github.openrouterspark.emulator.OpenRouterEmulator;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.apache.spark.sql.DataFrameReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * app-rankings on a local SparkSession: for each predicate shape, rows equal the same query with
 * pushdown switched off and the emulator's truth, and the request log shows exactly the minimal
 * request set, parameters included.
 */
class AppRankingsReadTest {
  private static final String START = "2026-03-01";
  private static final String END = "2026-03-28";
  @RegisterExtension static final EmulatorExtension EMULATOR = EmulatorExtension.lenient();
  private static final OpenRouterEmulator emulator = EMULATOR.emulator();

  private static DataFrameReader reader() {
    return TestSpark.reader(emulator).option("startDate", START).option("endDate", END);
  }

  private static Dataset<Row> apps() {
    return reader().load("app-rankings");
  }

  private static Dataset<Row> appsWithoutPushdown() {
    return reader().option("pushDownFilters", "false").load("app-rankings");
  }

  private static List<String> rows(Dataset<Row> df) {
    return df.collectAsList().stream().map(AppRankingsReadTest::line).toList();
  }

  private static String line(Row r) {
    return r.getAs("start_date")
        + "|"
        + r.getAs("end_date")
        + "|"
        + r.getAs("sort")
        + "|"
        + r.getAs("category")
        + "|"
        + r.getAs("subcategory")
        + "|"
        + r.getAs("rank")
        + "|"
        + r.getAs("app_id")
        + "|"
        + r.getAs("app_name")
        + "|"
        + r.getAs("total_requests")
        + "|"
        + ((BigDecimal) r.getAs("total_tokens")).toBigIntegerExact();
  }

  private static List<String> sorted(List<String> lines) {
    List<String> copy = new ArrayList<>(lines);
    copy.sort(Comparator.naturalOrder());
    return copy;
  }

  /** The emulator's ranking for one parameter set, as rows, limited to ranks lo..hi. */
  private static List<String> truth(
      String start, String end, String sort, String category, String subcategory, int lo, int hi) {
    return emulator
        .market()
        .appRankings(LocalDate.parse(start), LocalDate.parse(end), sort, category, subcategory)
        .stream()
        .filter(r -> r.rank() >= lo && r.rank() <= hi)
        .map(
            r ->
                start
                    + "|"
                    + end
                    + "|"
                    + sort
                    + "|"
                    + category
                    + "|"
                    + subcategory
                    + "|"
                    + r.rank()
                    + "|"
                    + r.appId()
                    + "|"
                    + r.appName()
                    + "|"
                    + r.totalRequests()
                    + "|"
                    + r.totalTokens())
        .toList();
  }

  private static Map<String, String> request(
      String sort, String category, String subcategory, int offset, int limit) {
    Map<String, String> q = new LinkedHashMap<>();
    q.put("start_date", START);
    q.put("end_date", END);
    q.put("sort", sort);
    if (category != null) {
      q.put("category", category);
    }
    if (subcategory != null) {
      q.put("subcategory", subcategory);
    }
    q.put("offset", Integer.toString(offset));
    q.put("limit", Integer.toString(limit));
    return q;
  }

  private static List<Map<String, String>> requests() {
    return emulator.requestLog().all().stream().map(LoggedRequest::query).toList();
  }

  /**
   * Runs {@code where} with and without pushdown: same rows; returns the pushed run's rows and log.
   */
  private static List<String> pushedMatchesUnpushed(UnaryOperator<Dataset<Row>> query) {
    List<String> unpushed = sorted(rows(query.apply(appsWithoutPushdown())));
    emulator.requestLog().clear();
    List<String> pushed = rows(query.apply(apps()));
    assertEquals(unpushed, sorted(pushed), "pushdown must not change the rows");
    return pushed;
  }

  @Test
  void defaultIsOnePopularRankingOfTheTop50() {
    List<String> actual = rows(apps());
    assertEquals(truth(START, END, "popular", null, null, 1, 50), actual);
    assertEquals(50, actual.size());
    assertEquals(List.of(request("popular", null, null, 0, 50)), requests());
  }

  @Test
  void sortPredicateBecomesTheParameter() {
    List<String> actual = pushedMatchesUnpushed(df -> df.where("sort = 'trending'"));
    assertEquals(truth(START, END, "trending", null, null, 1, 50), actual);
    assertEquals(List.of(request("trending", null, null, 0, 50)), requests());
  }

  @Test
  void sortInListIsOneRequestSetPerValue() {
    List<String> actual = pushedMatchesUnpushed(df -> df.where("sort IN ('popular', 'trending')"));
    List<String> expected = new ArrayList<>(truth(START, END, "popular", null, null, 1, 50));
    expected.addAll(truth(START, END, "trending", null, null, 1, 50));
    assertEquals(sorted(expected), sorted(actual));
    assertEquals(
        Set.of(request("popular", null, null, 0, 50), request("trending", null, null, 0, 50)),
        Set.copyOf(requests()));
    assertEquals(2, requests().size());
  }

  @Test
  void categoryEqualsAndIn() {
    assertEquals(
        truth(START, END, "popular", "coding", null, 1, 50),
        pushedMatchesUnpushed(df -> df.where("category = 'coding'")));
    assertEquals(List.of(request("popular", "coding", null, 0, 50)), requests());
    emulator.requestLog().clear();
    List<String> both = pushedMatchesUnpushed(df -> df.where("category IN ('coding', 'creative')"));
    List<String> expected = new ArrayList<>(truth(START, END, "popular", "coding", null, 1, 50));
    expected.addAll(truth(START, END, "popular", "creative", null, 1, 50));
    assertEquals(sorted(expected), sorted(both));
    assertEquals(
        Set.of(
            request("popular", "coding", null, 0, 50), request("popular", "creative", null, 0, 50)),
        Set.copyOf(requests()));
  }

  @Test
  void subcategoryAloneAndWithItsCategory() {
    assertEquals(
        truth(START, END, "popular", null, "cli-agent", 1, 50),
        pushedMatchesUnpushed(df -> df.where("subcategory = 'cli-agent'")));
    assertEquals(List.of(request("popular", null, "cli-agent", 0, 50)), requests());
    emulator.requestLog().clear();
    assertEquals(
        truth(START, END, "popular", "coding", "cli-agent", 1, 50),
        pushedMatchesUnpushed(df -> df.where("category = 'coding' AND subcategory = 'cli-agent'")));
    assertEquals(List.of(request("popular", "coding", "cli-agent", 0, 50)), requests());
  }

  @Test
  void mismatchedCategoryAndSubcategoryIsZeroRowsAndZeroRequests() {
    assertEquals(
        List.of(),
        pushedMatchesUnpushed(
            df -> df.where("category = 'creative' AND subcategory = 'cli-agent'")));
    assertEquals(0, requests().size());
  }

  @Test
  void unknownCategoryValueIsZeroRequests() {
    assertEquals(List.of(), rows(apps().where("category = 'gardening'")));
    assertEquals(0, requests().size());
  }

  @Test
  void rankAtMostIsPaged() {
    List<String> actual = pushedMatchesUnpushed(df -> df.where("rank <= 150"));
    assertEquals(truth(START, END, "popular", null, null, 1, 150), actual);
    assertEquals(
        List.of(request("popular", null, null, 0, 50), request("popular", null, null, 50, 100)),
        requests());
  }

  @Test
  void maxRankOptionCostsTwoRequestsPerWindow() {
    List<String> actual =
        rows(reader().option("maxRank", "150").option("windowDays", "14").load("app-rankings"));
    assertEquals(4, requests().size());
    List<String> expected =
        new ArrayList<>(truth(START, "2026-03-14", "popular", null, null, 1, 150));
    expected.addAll(truth("2026-03-15", END, "popular", null, null, 1, 150));
    assertEquals(expected, actual);
  }

  @Test
  void rankEqualsBetweenAndGreaterThan() {
    assertEquals(
        truth(START, END, "popular", null, null, 7, 7),
        pushedMatchesUnpushed(df -> df.where("rank = 7")));
    assertEquals(List.of(request("popular", null, null, 6, 1)), requests());
    emulator.requestLog().clear();
    assertEquals(
        truth(START, END, "popular", null, null, 120, 180),
        pushedMatchesUnpushed(df -> df.where("rank BETWEEN 120 AND 180")));
    // offset cannot exceed 100: ranks 101..180 are fetched and 101..119 dropped by the reader.
    assertEquals(List.of(request("popular", null, null, 100, 80)), requests());
    emulator.requestLog().clear();
    assertEquals(
        truth(START, END, "popular", null, null, 196, 200),
        pushedMatchesUnpushed(df -> df.where("rank > 195")));
    assertEquals(List.of(request("popular", null, null, 100, 100)), requests());
  }

  @Test
  void ranksBeyond200AreUnreachableAndCostNothing() {
    assertEquals(List.of(), rows(apps().where("rank > 200")));
    assertEquals(0, requests().size());
  }

  @Test
  void limitIsPushedIntoTheOnlyRanking() {
    Dataset<Row> df = apps().limit(5);
    String plan = TestSpark.explain(df, "EXTENDED");
    assertTrue(plan.contains("PushedLimit: LIMIT 5"), plan);
    List<String> actual = rows(df);
    assertEquals(truth(START, END, "popular", null, null, 1, 5), actual);
    assertEquals(List.of(request("popular", null, null, 0, 5)), requests());
  }

  @Test
  void topNByRankIsPushedAndExactForOneRanking() {
    Dataset<Row> df = apps().where("category = 'productivity'").orderBy("rank").limit(3);
    assertEquals(truth(START, END, "popular", "productivity", null, 1, 3), rows(df));
    assertEquals(List.of(request("popular", "productivity", null, 0, 3)), requests());
    String plan = TestSpark.explain(df, "FORMATTED");
    assertTrue(plan.contains("PushedLimit: ORDER BY rank LIMIT 3"), plan);
  }

  @Test
  void topNOverSeveralRankingsIsPartialAndStillRight() {
    Dataset<Row> df =
        apps().where("sort IN ('popular', 'trending')").orderBy("rank", "sort").limit(4);
    List<String> expected = new ArrayList<>();
    List<String> p = truth(START, END, "popular", null, null, 1, 2);
    List<String> t = truth(START, END, "trending", null, null, 1, 2);
    expected.add(p.get(0));
    expected.add(t.get(0));
    expected.add(p.get(1));
    expected.add(t.get(1));
    assertEquals(expected, rows(df));
  }

  @Test
  void trendingPagesStopAtTheFirstShortPage() {
    Dataset<Row> df = apps().where("sort = 'trending' AND rank <= 200");
    List<String> actual = rows(df);
    List<String> expected = truth(START, END, "trending", null, null, 1, 200);
    assertEquals(expected, actual);
    int pagesNeeded = expected.size() < 100 ? 1 : 2;
    assertEquals(pagesNeeded, requests().size(), requests().toString());
  }

  @Test
  void filtersOnOtherColumnsStayInSpark() {
    Dataset<Row> df = apps().where("total_requests > 0 AND category = 'coding'");
    String plan = TestSpark.explain(df, "EXTENDED");
    // Spark adds category IS NOT NULL itself; both are handled by the request.
    assertTrue(plan.contains("PushedFilters: [category IS NOT NULL, category = 'coding']"), plan);
    assertTrue(plan.contains("PostScanFilters: [total_requests > 0]"), plan);
    assertEquals(truth(START, END, "popular", "coding", null, 1, 50), rows(df));
  }

  @Test
  void orAcrossKeyColumnsReadsWholeDomainsAndIsRight() {
    List<String> actual =
        pushedMatchesUnpushed(df -> df.where("category = 'coding' OR sort = 'trending'"));
    assertFalse(actual.isEmpty());
    assertTrue(
        requests().size() > 2, "both columns read their whole domains: " + requests().size());
  }

  @Test
  void windowDaysGivesARankingTimeSeries() {
    List<String> actual =
        rows(reader().option("windowDays", "7").load("app-rankings").where("rank <= 3"));
    List<String> expected = new ArrayList<>();
    for (String[] w :
        new String[][] {
          {"2026-03-01", "2026-03-07"},
          {"2026-03-08", "2026-03-14"},
          {"2026-03-15", "2026-03-21"},
          {"2026-03-22", "2026-03-28"}
        }) {
      expected.addAll(truth(w[0], w[1], "popular", null, null, 1, 3));
    }
    assertEquals(expected, actual);
    assertEquals(4, requests().size());
  }

  @Test
  void optionsChooseTheRankingWhenNoPredicateSays() {
    List<String> actual =
        rows(
            reader()
                .option("sort", "trending")
                .option("category", "coding")
                .load("app-rankings")
                .where("rank <= 10"));
    assertEquals(truth(START, END, "trending", "coding", null, 1, 10), actual);
    assertEquals(List.of(request("trending", "coding", null, 0, 10)), requests());
  }

  @Test
  void namesNeedingJsonEscapingSurviveExactly() {
    List<String> names =
        emulator
            .market()
            .appRankings(LocalDate.parse(START), LocalDate.parse(END), "popular", null, null)
            .stream()
            .map(AppRankingRow::appName)
            .limit(200)
            .toList();
    List<String> actual =
        reader()
            .option("maxRank", "200")
            .load("app-rankings")
            .select("app_name")
            .collectAsList()
            .stream()
            .map(r -> r.getString(0))
            .toList();
    assertEquals(names, actual);
  }

  @Test
  void defaultWindowIsTheLast31Days() {
    LocalDate end = LocalDate.now(ZoneOffset.UTC).minusDays(1);
    TestSpark.reader(emulator).load("app-rankings").where("rank = 1").collectAsList();
    assertEquals(end.minusDays(30).toString(), requests().get(0).get("start_date"));
    assertEquals(end.toString(), requests().get(0).get("end_date"));
  }

  @Test
  void mismatchedOptionsFailBeforeAnyRequest() {
    Throwable e =
        org.junit.jupiter.api.Assertions.assertThrows(
            Throwable.class,
            () ->
                reader()
                    .option("category", "creative")
                    .option("subcategory", "cli-agent")
                    .load("app-rankings")
                    .collectAsList());
    assertTrue(
        e.getMessage()
            .contains("'subcategory' ('cli-agent') is not in option 'category' ('creative')"),
        e.getMessage());
    Throwable wrongDataset =
        org.junit.jupiter.api.Assertions.assertThrows(
            Throwable.class, () -> reader().option("period", "week").load("app-rankings"));
    assertTrue(
        wrongDataset
            .getMessage()
            .contains("Option 'period' does not apply to dataset 'app-rankings'"),
        wrongDataset.getMessage());
    Throwable badRank =
        org.junit.jupiter.api.Assertions.assertThrows(
            Throwable.class, () -> reader().option("maxRank", "250").load("app-rankings"));
    assertTrue(
        badRank.getMessage().contains("'maxRank'") && badRank.getMessage().contains("1 to 200"),
        badRank.getMessage());
    assertEquals(0, requests().size());
  }

  @Test
  void explainNamesRankingsRequestsAndFiltersButNotTheKey() {
    Dataset<Row> df = apps().where("sort = 'trending' AND rank <= 120");
    String plan = TestSpark.explain(df, "EXTENDED");
    assertTrue(plan.contains("OpenRouter app-rankings"), plan);
    assertTrue(plan.contains("PlannedRequests: 2"), plan);
    assertTrue(plan.contains("sort=trending"), plan);
    assertFalse(plan.contains(OpenRouterEmulator.DEFAULT_API_KEY), plan);
    assertEquals(0, requests().size(), "EXPLAIN sends no request");
  }

  static String describe(List<LoggedRequest> log) {
    return log.stream().map(r -> r.status() + " " + r.query()).collect(Collectors.joining("\n"));
  }
}
