package io.github.openrouterspark.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.openrouterspark.api.RankingsDailyQuery;
import io.github.openrouterspark.emulator.LoggedRequest;
import io.github.openrouterspark.emulator.OpenRouterEmulator;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.apache.spark.sql.DataFrameReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The slice parameters of rankings-daily as key columns, end to end against the emulator. For each
 * predicate shape: the rows equal the same query with {@code pushDownFilters=false}, they equal the
 * emulator's truth, and the request log shows exactly the minimal requests with their parameters.
 *
 * <p>Most queries read 2025-03-01 (a Saturday) to 2025-03-30 (a Sunday) by options, which select
 * the buckets dated in that range, as a date filter does; their requests are hand-derived here per
 * grain: days 03-01..03-30, weeks (dated 03-03..03-24) 03-03..03-30, months 03-01..03-31, and the
 * sampled months (weeks by the month of their Monday) 03-03..04-06.
 */
class RankingsDailySlicesTest {
  private static final String START = "2025-03-01";
  private static final String END = "2025-03-30";
  @RegisterExtension static final EmulatorExtension EMULATOR = EmulatorExtension.lenient();
  private static final OpenRouterEmulator emulator = EMULATOR.emulator();

  /** A parameter set as the test expects it: null = not sent. */
  record Params(
      String period, String modality, String contextBucket, String category, String languageType) {
    static Params none() {
      return new Params(null, null, null, null, null);
    }

    Params period(String p) {
      return new Params(p, modality, contextBucket, category, languageType);
    }

    static Params modality(String v) {
      return new Params(null, v, null, null, null);
    }

    static Params contextBucket(String v) {
      return new Params(null, null, v, null, null);
    }

    static Params category(String v) {
      return new Params(null, null, null, v, null);
    }

    static Params languageType(String v) {
      return new Params(null, null, null, null, v);
    }

    boolean sampled() {
      return category != null || languageType != null;
    }

    String effectivePeriod() {
      return period != null ? period : sampled() ? "week" : "day";
    }

    Map<String, String> slice() {
      Map<String, String> m = new LinkedHashMap<>();
      if (modality != null) {
        m.put("modality", modality);
      }
      if (contextBucket != null) {
        m.put("context_bucket", contextBucket);
      }
      if (category != null) {
        m.put("category", category);
      }
      if (languageType != null) {
        m.put("language_type", languageType);
      }
      return m;
    }

    /** The hand-derived request window over START..END for this grain. */
    LocalDate[] window() {
      return switch (effectivePeriod()) {
        case "month" ->
            sampled() ? dates("2025-03-03", "2025-04-06") : dates("2025-03-01", "2025-03-31");
        case "week" -> dates("2025-03-03", END);
        default -> dates(START, END);
      };
    }

    Map<String, String> request(LocalDate start, LocalDate end) {
      Map<String, String> q = new LinkedHashMap<>();
      q.put("start_date", start.toString());
      q.put("end_date", end.toString());
      if (period != null) {
        q.put("period", period);
      }
      q.putAll(slice());
      return q;
    }

    Map<String, String> request() {
      return request(window()[0], window()[1]);
    }

    /**
     * The emulator's rows for this parameter set over {@code from..to}, as {@link #rows} renders
     * them.
     */
    List<String> truth(LocalDate from, LocalDate to, Predicate<LocalDate> dates) {
      return emulator.market().rankings(from, to, period, slice()).stream()
          .filter(r -> dates.test(r.date()))
          .map(
              r ->
                  String.join(
                      "|",
                      r.date().toString(),
                      r.modelPermaslug(),
                      r.totalTokens().toString(),
                      effectivePeriod(),
                      modality,
                      contextBucket,
                      category,
                      languageType))
          .toList();
    }

    List<String> truth() {
      return truth(window()[0], window()[1], d -> true);
    }
  }

  static LocalDate[] dates(String a, String b) {
    return new LocalDate[] {LocalDate.parse(a), LocalDate.parse(b)};
  }

  private static DataFrameReader reader(boolean pushDown) {
    return TestSpark.reader(emulator).option("pushDownFilters", String.valueOf(pushDown));
  }

  private static Dataset<Row> march(boolean pushDown) {
    return reader(pushDown)
        .option("startDate", START)
        .option("endDate", END)
        .load("rankings-daily");
  }

  /** All 8 columns of every row, sorted; nulls as "null". */
  private static List<String> rows(Dataset<Row> df) {
    return df.collectAsList().stream()
        .map(
            r ->
                String.join(
                    "|",
                    String.valueOf((Object) r.getAs("date")),
                    r.<String>getAs("model_permaslug"),
                    ((BigDecimal) r.getAs("total_tokens")).toBigIntegerExact().toString(),
                    r.<String>getAs("period"),
                    r.<String>getAs("modality"),
                    r.<String>getAs("context_bucket"),
                    r.<String>getAs("category"),
                    r.<String>getAs("language_type")))
        .sorted()
        .toList();
  }

  private static List<String> sorted(List<String> rows) {
    return rows.stream().sorted().toList();
  }

  private static List<Map<String, String>> requests() {
    return emulator.requestLog().all().stream().map(LoggedRequest::query).toList();
  }

  /** What one read returned and cost. */
  record Outcome(List<String> rows, List<Map<String, String>> requests) {
    Set<Map<String, String>> requestSet() {
      return Set.copyOf(requests);
    }
  }

  private static Outcome run(Dataset<Row> df) {
    emulator.requestLog().clear();
    List<String> rows = rows(df);
    List<Map<String, String>> requests = requests();
    assertTrue(
        emulator.requestLog().all().stream().allMatch(r -> r.status() == 200),
        RankingsDailyReadTest.describe(emulator.requestLog().all()));
    return new Outcome(rows, requests);
  }

  /**
   * Reads {@code where} over START..END with and without pushdown: the rows must be equal and equal
   * the truth of {@code expected} (restricted to {@code dates}), and the pushed read must send
   * exactly {@code expectedRequests}, each once.
   */
  private static Outcome check(
      String where,
      List<Params> expected,
      Predicate<LocalDate> dates,
      Set<Map<String, String>> expectedRequests) {
    Outcome pushed = run(march(true).where(where));
    Outcome unpushed = run(march(false).where(where));
    assertEquals(
        unpushed.rows(), pushed.rows(), where + ": pushDownFilters=false returns other rows");
    List<String> truth = new ArrayList<>();
    expected.forEach(p -> truth.addAll(p.truth(p.window()[0], p.window()[1], dates)));
    assertEquals(sorted(truth), pushed.rows(), where + ": rows differ from the emulator's truth");
    assertEquals(expectedRequests, pushed.requestSet(), where);
    assertEquals(
        expectedRequests.size(), pushed.requests().size(), where + ": a request was repeated");
    assertTrue(unpushed.requests().size() >= pushed.requests().size(), where);
    return pushed;
  }

  private static Outcome check(String where, List<Params> expected) {
    return check(
        where,
        expected,
        d -> true,
        expected.stream().map(Params::request).collect(Collectors.toSet()));
  }

  @Test
  void noPredicateReadsTheDefaultDatasetWithNullKeys() {
    Outcome o = run(march(true));
    assertEquals(sorted(Params.none().truth()), o.rows());
    assertEquals(List.of(Params.none().request()), o.requests());
    assertTrue(
        o.rows().stream().allMatch(r -> r.endsWith("|day|null|null|null|null")), o.rows().get(0));
  }

  @Test
  void periodEqualsWeek() {
    Outcome o = check("period = 'week'", List.of(Params.none().period("week")));
    assertEquals(
        Set.of(
            LocalDate.parse("2025-03-03"),
            LocalDate.parse("2025-03-10"),
            LocalDate.parse("2025-03-17"),
            LocalDate.parse("2025-03-24")),
        o.rows().stream().map(r -> LocalDate.parse(r.substring(0, 10))).collect(Collectors.toSet()),
        "one bucket per week, dated by its Monday");
  }

  @Test
  void periodInWeekAndMonth() {
    check(
        "period IN ('week', 'month')",
        List.of(Params.none().period("week"), Params.none().period("month")));
  }

  @Test
  void periodDayIsSentExplicitly() {
    check("period = 'day'", List.of(Params.none().period("day")));
  }

  @Test
  void modalityEqualsText() {
    check("modality = 'text'", List.of(Params.modality("text")));
  }

  @Test
  void contextBucketIn() {
    check(
        "context_bucket IN ('1K', '1M')",
        List.of(Params.contextBucket("1K"), Params.contextBucket("1M")));
  }

  @Test
  void categoryEqualsProgrammingReadsWeeksByDefault() {
    Outcome o = check("category = 'programming'", List.of(Params.category("programming")));
    assertTrue(
        o.rows().stream().allMatch(r -> r.contains("|week|null|null|programming|null")),
        o.rows().get(0));
  }

  @Test
  void languageTypeEqualsNatural() {
    check("language_type = 'natural'", List.of(Params.languageType("natural")));
  }

  @Test
  void categoryIsNullReadsTheUnslicedDataset() {
    check("category IS NULL", List.of(Params.none()));
  }

  @Test
  void notModalityImageKeepsTheOtherModalitiesButNotNull() {
    // Three-valued logic: NOT (modality = 'image') is NULL, not TRUE, where modality is NULL.
    check(
        "NOT (modality = 'image')",
        List.of(
            Params.modality("text"),
            Params.modality("image_output"),
            Params.modality("audio"),
            Params.modality("tool_calling")));
  }

  @Test
  void modalityAndContextBucketCombine() {
    Params both = new Params(null, "text", "10K", null, null);
    check("modality = 'text' AND context_bucket = '10K'", List.of(both));
  }

  @Test
  void categoryWithMonthReadsTheSampledMonths() {
    check(
        "category = 'programming' AND period = 'month'",
        List.of(Params.category("programming").period("month")));
  }

  @Test
  void periodWithDateRangeReadsOnlyTheWantedWeeks() {
    LocalDate a = LocalDate.parse("2025-03-10");
    LocalDate b = LocalDate.parse("2025-03-17");
    Params week = Params.none().period("week");
    check(
        "period = 'week' AND date >= DATE '2025-03-10' AND date < DATE '2025-03-24'",
        List.of(week),
        d -> d.equals(a) || d.equals(b),
        Set.of(week.request(a, LocalDate.parse("2025-03-23"))));
  }

  @Test
  void categoryWithOneDateReadsOneWeek() {
    LocalDate d = LocalDate.parse("2025-03-17");
    Params programming = Params.category("programming");
    check(
        "category = 'programming' AND date = DATE '2025-03-17'",
        List.of(programming),
        d::equals,
        Set.of(programming.request(d, LocalDate.parse("2025-03-23"))));
  }

  @Test
  void aDateThatStartsNoWeekReadsNothing() {
    Outcome o =
        check("period = 'week' AND date = DATE '2025-03-12'", List.of(), d -> false, Set.of());
    assertEquals(List.of(), o.rows());
  }

  @Test
  void modalityWithDateInListOfDays() {
    Params text = Params.modality("text");
    LocalDate a = LocalDate.parse("2025-03-05");
    LocalDate b = LocalDate.parse("2025-03-20");
    check(
        "modality = 'text' AND date IN (DATE '2025-03-05', DATE '2025-03-20')",
        List.of(text),
        d -> d.equals(a) || d.equals(b),
        Set.of(text.request(a, b)));
  }

  @Test
  void dateFiltersChooseTheRangeOfEveryPeriodWithoutOptions() {
    String where =
        "period IN ('week', 'month') AND date >= DATE '2025-02-01' AND date <= DATE '2025-04-30'";
    Outcome pushed = run(reader(true).load("rankings-daily").where(where));
    Outcome unpushed = run(reader(false).load("rankings-daily").where(where));
    assertEquals(unpushed.rows(), pushed.rows());
    // Weeks starting in Feb..Apr: 02-03..04-28, the last running to 05-04. Months Feb..Apr.
    Params week = Params.none().period("week");
    Params month = Params.none().period("month");
    LocalDate weeksFrom = LocalDate.parse("2025-02-03");
    LocalDate weeksTo = LocalDate.parse("2025-05-04");
    LocalDate monthsFrom = LocalDate.parse("2025-02-01");
    LocalDate monthsTo = LocalDate.parse("2025-04-30");
    List<String> truth = new ArrayList<>(week.truth(weeksFrom, weeksTo, d -> true));
    truth.addAll(month.truth(monthsFrom, monthsTo, d -> true));
    assertEquals(sorted(truth), pushed.rows());
    assertEquals(
        Set.of(week.request(weeksFrom, weeksTo), month.request(monthsFrom, monthsTo)),
        pushed.requestSet());
    assertEquals(2, pushed.requests().size());
    assertEquals(3, unpushed.requests().size(), "unpushed: day, week and month");
  }

  @Test
  void orAcrossTwoKeyColumnsIsLeftToSparkAndReadsBothWholeDomains() {
    String where = "modality = 'text' OR category = 'programming'";
    List<Params> all = new ArrayList<>();
    all.add(Params.none());
    RankingsDailyQuery.MODALITIES.forEach(m -> all.add(Params.modality(m)));
    RankingsDailyQuery.CATEGORIES.forEach(c -> all.add(Params.category(c)));
    Outcome o =
        check(
            where,
            List.of(Params.modality("text"), Params.category("programming")),
            d -> true,
            all.stream().map(Params::request).collect(Collectors.toSet()));
    assertEquals(
        18,
        o.requests().size(),
        "1 + 5 modalities + 12 categories; the combinations are rejected by the API");
    String plan = TestSpark.explain(march(true).where(where), "EXTENDED");
    assertTrue(
        plan.contains("PostScanFilters: [(modality = 'text' OR category = 'programming')]"), plan);
    assertTrue(plan.contains("PushedFilters: []"), plan);
  }

  @Test
  void orWithinOneKeyColumnIsPushed() {
    check(
        "category = 'programming' OR category IS NULL",
        List.of(Params.none(), Params.category("programming")));
  }

  @Test
  void predicatesMixingKeyAndOtherColumnsStayWithSpark() {
    String where = "category = 'programming' OR model_permaslug = 'other'";
    Outcome pushed = run(march(true).where(where));
    Outcome unpushed = run(march(false).where(where));
    assertEquals(unpushed.rows(), pushed.rows());
    assertEquals(13, pushed.requests().size(), "category reads its whole domain");
    List<String> truth = new ArrayList<>(Params.category("programming").truth());
    Params.none().truth().stream().filter(r -> r.contains("|other|")).forEach(truth::add);
    RankingsDailyQuery.CATEGORIES.stream()
        .filter(c -> !c.equals("programming"))
        .forEach(
            c ->
                Params.category(c).truth().stream()
                    .filter(r -> r.contains("|other|"))
                    .forEach(truth::add));
    assertEquals(sorted(truth), pushed.rows());
  }

  @Test
  void impossibleCombinationsSendNothing() {
    for (String where :
        List.of(
            "category = 'programming' AND modality = 'text'",
            "period = 'day' AND category = 'programming'",
            "language_type = 'natural' AND category = 'finance'",
            "period IS NULL",
            "modality = 'video'")) {
      Outcome o = run(march(true).where(where));
      assertEquals(List.of(), o.rows(), where);
      assertEquals(0, o.requests().size(), where + " sent requests");
      assertEquals(List.of(), run(march(false).where(where)).rows(), where);
    }
  }

  @Test
  void optionPeriodWeekReadsTheWeeksDatedInTheRangeWhole() {
    // As a date filter would: the week dated 03-03 starts before 03-05; the one dated 03-17 is read
    // to its Sunday.
    Dataset<Row> df =
        TestSpark.reader(emulator)
            .option("period", "week")
            .option("startDate", "2025-03-05")
            .option("endDate", "2025-03-19")
            .load("rankings-daily");
    Outcome o = run(df);
    Params week = Params.none().period("week");
    LocalDate from = LocalDate.parse("2025-03-10");
    LocalDate to = LocalDate.parse("2025-03-23");
    assertEquals(sorted(week.truth(from, to, d -> true)), o.rows());
    assertEquals(List.of(week.request(from, to)), o.requests());
    assertEquals(2, o.rows().stream().map(r -> r.substring(0, 10)).distinct().count());
  }

  @Test
  void optionsAreOverriddenByPredicatesOnTheirColumn() {
    Dataset<Row> df =
        TestSpark.reader(emulator)
            .option("category", "programming")
            .option("startDate", START)
            .option("endDate", END)
            .load("rankings-daily");
    assertEquals(List.of(Params.category("programming").request()), run(df).requests());
    Outcome finance = run(df.where("category = 'finance'"));
    assertEquals(sorted(Params.category("finance").truth()), finance.rows());
    assertEquals(List.of(Params.category("finance").request()), finance.requests());
    // An unmentioned column keeps its option: modality=text cannot combine with a category.
    Dataset<Row> text =
        TestSpark.reader(emulator)
            .option("modality", "text")
            .option("startDate", START)
            .option("endDate", END)
            .load("rankings-daily");
    Outcome none = run(text.where("category = 'programming'"));
    assertEquals(List.of(), none.rows());
    assertEquals(0, none.requests().size());
  }

  @Test
  void conflictingOptionsFailClearlyWithoutARequest() {
    Throwable e =
        assertThrows(
            Throwable.class,
            () ->
                TestSpark.reader(emulator)
                    .option("category", "programming")
                    .option("modality", "text")
                    .load("rankings-daily")
                    .collectAsList());
    String msg = messageChain(e);
    assertTrue(msg.contains("conflict"), msg);
    assertTrue(msg.contains("category cannot be combined with modality"), msg);
    Throwable day =
        assertThrows(
            Throwable.class,
            () ->
                TestSpark.reader(emulator)
                    .option("languageType", "natural")
                    .option("period", "day")
                    .load("rankings-daily")
                    .collectAsList());
    assertTrue(
        messageChain(day).contains("period=day is not available with language_type"),
        messageChain(day));
    assertEquals(0, emulator.requestLog().size());
  }

  private static String messageChain(Throwable e) {
    StringBuilder sb = new StringBuilder();
    for (Throwable t = e; t != null; t = t.getCause()) {
      sb.append(t.getMessage()).append('\n');
    }
    return sb.toString();
  }

  @Test
  void theFirstWeekOf2025StartsInDecemberAndHoldsOnlyJanuaryDays() {
    Params week = Params.none().period("week");
    LocalDate first = LocalDate.parse("2025-01-01");
    LocalDate end = LocalDate.parse("2025-01-12");
    Outcome o =
        run(
            TestSpark.reader(emulator)
                .option("period", "week")
                .option("startDate", "2024-12-30")
                .option("endDate", "2025-01-12")
                .load("rankings-daily"));
    assertEquals(sorted(week.truth(first, end, d -> true)), o.rows());
    assertEquals(List.of(week.request(first, end)), o.requests());
    assertTrue(o.rows().get(0).startsWith("2024-12-30|"), o.rows().get(0));
    // Reachable by its date too.
    Outcome byDate =
        run(
            reader(true)
                .load("rankings-daily")
                .where("period = 'week' AND date = DATE '2024-12-30'"));
    assertEquals(
        sorted(week.truth(first, LocalDate.parse("2025-01-05"), d -> true)), byDate.rows());
    assertEquals(List.of(week.request(first, LocalDate.parse("2025-01-05"))), byDate.requests());
  }

  @Test
  void sampledMonthsAreWeeksByTheMonthOfTheirMonday() {
    // January 2025 of a sampled dataset is the weeks 01-06..01-27 (to 02-02); the week of
    // 2024-12-30 makes a December 2024 bucket.
    Params month = Params.category("programming").period("month");
    LocalDate first = LocalDate.parse("2025-01-01");
    LocalDate end = LocalDate.parse("2025-02-02");
    Outcome o =
        run(
            TestSpark.reader(emulator)
                .option("category", "programming")
                .option("period", "month")
                .option("startDate", "2024-12-01")
                .option("endDate", "2025-01-31")
                .load("rankings-daily"));
    assertEquals(sorted(month.truth(first, end, d -> true)), o.rows());
    assertEquals(List.of(month.request(first, end)), o.requests());
    assertEquals(
        Set.of("2024-12-01", "2025-01-01"),
        o.rows().stream().map(r -> r.substring(0, 10)).collect(Collectors.toSet()));
    // By date: the bucket dated 2025-03-01 is the weeks 03-03..03-31.
    Outcome march =
        run(
            reader(true)
                .load("rankings-daily")
                .where(
                    "category = 'programming' AND period = 'month' AND date = DATE '2025-03-01'"));
    assertEquals(
        sorted(
            month.truth(
                LocalDate.parse("2025-03-03"),
                LocalDate.parse("2025-04-06"),
                d -> d.equals(LocalDate.parse("2025-03-01")))),
        march.rows());
    assertEquals(
        List.of(month.request(LocalDate.parse("2025-03-03"), LocalDate.parse("2025-04-06"))),
        march.requests());
  }

  @Test
  void windowDaysTilesWholeWeeks() {
    Params week = Params.none().period("week");
    Dataset<Row> df = march(true).where("period = 'week'");
    Dataset<Row> tiled =
        TestSpark.reader(emulator)
            .option("windowDays", "10")
            .option("startDate", START)
            .option("endDate", END)
            .load("rankings-daily")
            .where("period = 'week'");
    assertEquals(
        4, tiled.javaRDD().getNumPartitions(), "a week per window: two do not fit in 10 days");
    Outcome o = run(tiled);
    assertEquals(run(df).rows(), o.rows());
    assertEquals(
        Set.of(
            week.request(LocalDate.parse("2025-03-03"), LocalDate.parse("2025-03-09")),
            week.request(LocalDate.parse("2025-03-10"), LocalDate.parse("2025-03-16")),
            week.request(LocalDate.parse("2025-03-17"), LocalDate.parse("2025-03-23")),
            week.request(LocalDate.parse("2025-03-24"), LocalDate.parse("2025-03-30"))),
        o.requestSet());
  }

  @Test
  void columnPruningAndAsOfWorkWithSlices() {
    Dataset<Row> df =
        march(true).where("category IN ('programming', 'finance')").select("category", "_as_of");
    assertEquals(List.of("category", "_as_of"), List.of(df.schema().fieldNames()));
    List<Row> rows = df.collectAsList();
    assertEquals(
        Params.category("programming").truth().size() + Params.category("finance").truth().size(),
        rows.size());
    assertTrue(rows.stream().allMatch(r -> r.getInstant(1) != null));
    assertEquals(
        Set.of("programming", "finance"),
        rows.stream().map(r -> r.getString(0)).collect(Collectors.toSet()));
    String plan = TestSpark.explain(march(true).select("model_permaslug", "period"), "FORMATTED");
    assertFalse(plan.contains("total_tokens"), plan);
    List<String> periods =
        march(true).select("period").distinct().collectAsList().stream()
            .map(r -> r.getString(0))
            .toList();
    assertEquals(List.of("day"), periods);
  }

  @Test
  void schemaHasTheFiveKeyColumnsAfterTheCoreOnes() {
    Dataset<Row> df = march(true);
    assertEquals(
        List.of(
            "date",
            "model_permaslug",
            "total_tokens",
            "period",
            "modality",
            "context_bucket",
            "category",
            "language_type"),
        List.of(df.schema().fieldNames()));
    for (String key :
        List.of("period", "modality", "context_bucket", "category", "language_type")) {
      assertEquals("string", df.schema().apply(key).dataType().typeName());
      assertTrue(df.schema().apply(key).nullable(), key);
    }
    assertEquals(0, emulator.requestLog().size());
  }

  @Test
  void explainShowsParameterSetsWindowsAndFiltersButNeverTheKey() {
    Dataset<Row> df =
        march(true).where("category IN ('programming', 'finance') AND period = 'month'");
    String plan = TestSpark.explain(df, "EXTENDED");
    assertTrue(
        plan.contains(
            "ParameterSets: [period=month category=programming, period=month category=finance]"),
        plan);
    assertTrue(
        plan.contains("Dates: 1 month starting 2025-03-01, Windows: [2025-03-03..2025-04-06]"),
        plan);
    assertTrue(plan.contains("PlannedRequests: 2"), plan);
    assertTrue(plan.contains("category IN ('programming', 'finance')"), plan);
    assertTrue(plan.contains("PostScanFilters: []"), plan);
    assertFalse(plan.contains(OpenRouterEmulator.DEFAULT_API_KEY), plan);

    String defaults =
        TestSpark.explain(march(true).where("category IS NULL OR category = 'legal'"), "EXTENDED");
    assertTrue(
        defaults.contains(
            "ParameterSets: [period=day (default), period=week (default) category=legal]"),
        defaults);
    assertTrue(
        defaults.contains("Windows: [day: 2025-03-01..2025-03-30; week: 2025-03-03..2025-03-30]"),
        defaults);

    String unpushed = TestSpark.explain(march(false).where("category = 'legal'"), "EXTENDED");
    assertTrue(unpushed.contains("PushedFilters: []"), unpushed);
    assertTrue(
        unpushed.contains("PostScanFilters: [") && unpushed.contains("category = 'legal'"),
        unpushed);
    assertTrue(unpushed.contains("PlannedRequests: 13"), unpushed);
    for (String mode : List.of("", "FORMATTED", "COST")) {
      assertFalse(TestSpark.explain(df, mode).contains(OpenRouterEmulator.DEFAULT_API_KEY), mode);
    }
    assertEquals(0, emulator.requestLog().size(), "EXPLAIN sends no request");
  }

  @Test
  void statisticsNeedNoRequest() {
    Dataset<Row> df = march(true).where("period IN ('week', 'month')");
    // 4 weeks + 1 month, at most 51 rows each.
    assertTrue(
        TestSpark.explain(df, "COST").contains("rowCount=255"), TestSpark.explain(df, "COST"));
    assertEquals(0, emulator.requestLog().size());
  }

  @Test
  void periodIsNeverNullEvenWhenReadAsAWholeDomain() {
    // An OR across two key columns reads period's and category's whole domains (post-scan).
    List<Row> rows =
        march(true)
            .where("period IN ('day', 'week') OR category = 'legal'")
            .select("period", "category")
            .distinct()
            .collectAsList();
    assertTrue(rows.stream().allMatch(r -> r.get(0) != null), rows.toString());
    Set<String> expected = new java.util.HashSet<>(Set.of("day|null", "week|null", "month|legal"));
    RankingsDailyQuery.CATEGORIES.forEach(c -> expected.add("week|" + c));
    assertEquals(
        expected, rows.stream().map(r -> r.get(0) + "|" + r.get(1)).collect(Collectors.toSet()));
    assertEquals(
        3 + 2 * RankingsDailyQuery.CATEGORIES.size(),
        requests().size(),
        "3 periods unsliced, 2 for each category (no daily grain)");
  }
}
