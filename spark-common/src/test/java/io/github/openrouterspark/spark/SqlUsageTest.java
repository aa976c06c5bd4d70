package io.github.openrouterspark.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.openrouterspark.emulator.LoggedRequest;
import io.github.openrouterspark.emulator.OpenRouterEmulator;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The connector from SQL: CREATE TEMPORARY VIEW and CREATE TABLE ... USING openrouter, date
 * predicates pushed down from SQL text, session confs as option defaults, and the API key kept out
 * of everything Spark prints about a table or a plan.
 */
class SqlUsageTest {
  /** An emulator-only key, distinctive so that any output containing it is a leak. */
  private static final String KEY = "or-emulator-sql-key-5d1e9a";

  private static final LocalDate START = LocalDate.parse("2025-03-01");
  private static final LocalDate END = LocalDate.parse("2025-03-31");
  private static final String SESSION = "spark.datasource.openrouter.";
  private static final List<String> SESSION_CONFS =
      List.of(
          "apiKey",
          "apiKeySecret",
          "baseUrl",
          "rateLimitPerMinute",
          "cache",
          "maxRetries",
          "startDate",
          "endDate");

  @RegisterExtension
  static final EmulatorExtension EMULATOR =
      new EmulatorExtension(
          () ->
              OpenRouterEmulator.builder()
                  .apiKey(KEY, "sql-account")
                  .rateLimitPerMinute(100_000)
                  .dailyLimitPerAccount(100_000)
                  .start());

  private static final OpenRouterEmulator emulator = EMULATOR.emulator();

  @AfterEach
  void dropEverything() {
    // The session is shared by all test classes: leave no conf, view or table behind.
    SESSION_CONFS.forEach(o -> spark().conf().unset(SESSION + o));
    sql("DROP VIEW IF EXISTS v");
    sql("DROP TABLE IF EXISTS t");
  }

  private static SparkSession spark() {
    return TestSpark.session();
  }

  private static Dataset<Row> sql(String text) {
    return spark().sql(text);
  }

  /**
   * OPTIONS (...) for March 2025 of rankings-daily from the emulator, with {@code extra} appended.
   */
  private static String options(String extra) {
    return "OPTIONS (dataset 'rankings-daily', baseUrl '"
        + emulator.baseUrl()
        + "', apiKeySecret '"
        + KEY
        + "',"
        + " rateLimitPerMinute '10000', cache 'false', startDate '"
        + START
        + "', endDate '"
        + END
        + "'"
        + extra
        + ")";
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
    return emulator.market().rankingsDaily(from, to).stream()
        .map(r -> r.date() + "|" + r.modelPermaslug() + "|" + r.totalTokens())
        .toList();
  }

  private static List<Map<String, String>> requests() {
    return emulator.requestLog().all().stream().map(LoggedRequest::query).toList();
  }

  private static Map<String, String> window(LocalDate start, LocalDate end) {
    return Map.of("start_date", start.toString(), "end_date", end.toString());
  }

  /**
   * Every row of every statement's result, as text (each headed by its first words: the rest may
   * hold the key).
   */
  private static String output(String... statements) {
    StringBuilder out = new StringBuilder();
    for (String statement : statements) {
      out.append("> ").append(statement, 0, Math.min(statement.length(), 40)).append(" ...\n");
      for (Row row : sql(statement).collectAsList()) {
        out.append(row.mkString(" | ")).append('\n');
      }
    }
    return out.toString();
  }

  @Test
  void temporaryViewReadsTheTruthInOneRequest() {
    sql("CREATE TEMPORARY VIEW v USING openrouter " + options(""));
    assertEquals(0, emulator.requestLog().size(), "defining the view sends no request");
    assertEquals(truth(START, END), rows(sql("SELECT date, model_permaslug, total_tokens FROM v")));
    assertEquals(List.of(window(START, END)), requests());
  }

  @Test
  void tableReadsTheTruthInOneRequest() {
    sql("CREATE TABLE t USING openrouter " + options(""));
    assertEquals(truth(START, END), rows(sql("SELECT * FROM t")));
    assertEquals(List.of(window(START, END)), requests());
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
        List.of(sql("SELECT * FROM t").columns()));
  }

  @Test
  void sqlDatePredicatesArePushedIntoTheRequest() {
    sql("CREATE TEMPORARY VIEW v USING openrouter " + options(""));
    sql("CREATE TABLE t USING openrouter " + options(""));
    LocalDate from = LocalDate.parse("2025-03-20");
    for (String relation : List.of("v", "t")) {
      emulator.requestLog().clear();
      Dataset<Row> df =
          sql(
              "SELECT date, model_permaslug, total_tokens FROM "
                  + relation
                  + " WHERE date >= DATE '"
                  + from
                  + "'");
      assertEquals(truth(from, END), rows(df), relation);
      assertEquals(
          List.of(window(from, END)),
          requests(),
          relation + ": only the days asked for are requested");
    }
  }

  @Test
  void metadataColumnFromSqlTablesOnSpark4Only() {
    sql("CREATE TABLE t USING openrouter " + options(""));
    if (spark().version().startsWith("3.")) {
      // Spark 3.5 reads catalog tables through the V1 API (CatalogTableRelation), which has no
      // metadata columns: the README says to read _as_of with spark.read there.
      Exception e = assertThrows(Exception.class, () -> sql("SELECT max(_as_of) FROM t").first());
      assertTrue(e.getMessage().contains("_as_of"), e.getMessage());
      return;
    }
    Row row = sql("SELECT max(_as_of), count(*) FROM t").first();
    assertTrue(row.get(0) != null, "_as_of is read");
    assertEquals(truth(START, END).size(), row.getLong(1));
  }

  @Test
  void sessionConfsSupplyEveryOptionButTheDataset() {
    spark().conf().set(SESSION + "apiKey", KEY);
    spark().conf().set(SESSION + "baseUrl", emulator.baseUrl());
    spark().conf().set(SESSION + "rateLimitPerMinute", "10000");
    spark().conf().set(SESSION + "cache", "false");
    spark().conf().set(SESSION + "startDate", START.toString());
    spark().conf().set(SESSION + "endDate", END.toString());

    assertEquals(
        truth(START, END), rows(spark().read().format("openrouter").load("rankings-daily")));
    sql("CREATE TEMPORARY VIEW v USING openrouter OPTIONS (dataset 'rankings-daily')");
    assertEquals(truth(START, END), rows(sql("SELECT * FROM v")));
    sql("CREATE TABLE t USING openrouter OPTIONS (dataset 'rankings-daily')");
    assertEquals(truth(START, END), rows(sql("SELECT * FROM t")));
    assertEquals(List.of(window(START, END), window(START, END), window(START, END)), requests());
  }

  @Test
  void theKeyAsASessionConfUnderTheRedactedName() {
    // Spark's UI and event log show confs unless their name matches spark.redaction.regex
    // (default (?i)secret|password|token|access[.]?key): apiKeySecret does, apiKey does not.
    assertTrue(
        java.util.regex.Pattern.compile("(?i)secret|password|token|access[.]?key")
            .matcher(SESSION + "apiKeySecret")
            .find());
    spark().conf().set(SESSION + "apiKeySecret", KEY);
    spark().conf().set(SESSION + "baseUrl", emulator.baseUrl());
    spark().conf().set(SESSION + "rateLimitPerMinute", "10000");
    spark().conf().set(SESSION + "cache", "false"); // other tests count this key's requests
    spark().conf().set(SESSION + "startDate", START.toString());
    spark().conf().set(SESSION + "endDate", END.toString());
    assertEquals(
        truth(START, END), rows(spark().read().format("openrouter").load("rankings-daily")));
    sql("CREATE TEMPORARY VIEW v USING openrouter OPTIONS (dataset 'rankings-daily')");
    assertEquals(truth(START, END), rows(sql("SELECT * FROM v")));
  }

  @Test
  void explicitOptionsOverrideSessionConfs() {
    // Session defaults that would fail: a wrong key, nothing listening, the wrong month.
    spark().conf().set(SESSION + "apiKey", "or-emulator-wrong-key");
    spark().conf().set(SESSION + "baseUrl", "http://127.0.0.1:9/api/v1");
    spark().conf().set(SESSION + "maxRetries", "0");
    spark().conf().set(SESSION + "startDate", "2025-06-01");
    spark().conf().set(SESSION + "endDate", "2025-06-30");

    // options() gives the key as apiKeySecret: it overrides the session's apiKey, the same option.
    sql("CREATE TEMPORARY VIEW v USING openrouter " + options(""));
    assertEquals(truth(START, END), rows(sql("SELECT * FROM v")));
    sql("CREATE TABLE t USING openrouter " + options(""));
    assertEquals(truth(START, END), rows(sql("SELECT * FROM t")));
    assertEquals(
        truth(START, END),
        rows(
            spark()
                .read()
                .format("openrouter")
                .option("baseUrl", emulator.baseUrl())
                .option("apiKey", KEY)
                .option("rateLimitPerMinute", "10000")
                .option("startDate", START.toString())
                .option("endDate", END.toString())
                .load("rankings-daily")));
    assertEquals(List.of(window(START, END), window(START, END), window(START, END)), requests());
  }

  @Test
  void badOptionsOfASqlTableFailNamingTheOption() {
    // Spark stores the table without asking the source; the options are validated on first use.
    Exception e =
        assertThrows(
            Exception.class,
            () -> {
              sql("CREATE TABLE t USING openrouter " + options(", windowDays '400'"));
              sql("SELECT * FROM t").count();
            });
    assertTrue(e.getMessage().contains("windowDays"), e.getMessage());
    assertEquals(0, emulator.requestLog().size());
  }

  @Test
  void apiKeySecretIsRedactedFromTableDescriptionsAndPlans() {
    String createTable = "CREATE TABLE t USING openrouter " + options("");
    String createView = "CREATE TEMPORARY VIEW v USING openrouter " + options("");
    String explained = output("EXPLAIN " + createTable, "EXPLAIN " + createView);
    sql(createTable);
    sql(createView);
    String described =
        output(
            "DESCRIBE TABLE EXTENDED t",
            "SHOW CREATE TABLE t",
            "SHOW TBLPROPERTIES t",
            "DESCRIBE TABLE EXTENDED v",
            "EXPLAIN EXTENDED SELECT * FROM t WHERE date >= DATE '2025-03-20'",
            "EXPLAIN FORMATTED SELECT * FROM t WHERE date >= DATE '2025-03-20'",
            "EXPLAIN EXTENDED SELECT * FROM v",
            "EXPLAIN FORMATTED SELECT * FROM v");
    String all = explained + described + sql("SELECT * FROM t").queryExecution().toString();
    assertFalse(all.contains(KEY), "the key leaked:\n" + all);
    assertTrue(explained.contains("apiKeySecret -> *********(redacted)"), explained);
    // The key was really used: both relations read rows with it.
    assertEquals(truth(START, END).size(), sql("SELECT * FROM t").count());
    assertEquals(truth(START, END).size(), sql("SELECT * FROM v").count());
  }

  @Test
  void explainExtendedOfTheCreateStatementNeedsTheStringRedactionRegex() {
    // EXPLAIN EXTENDED prints the parsed plan of CREATE TABLE with its OPTIONS as written, before
    // any option redaction, on both lines; the string regex redacts every EXPLAIN output.
    String explain = "EXPLAIN EXTENDED CREATE TABLE t USING openrouter " + options("");
    assertTrue(
        output(explain).contains(KEY),
        "if Spark starts redacting here, update the README's SQL section");
    spark().conf().set("spark.sql.redaction.string.regex", "or-emulator-sql-key-[0-9a-f]+");
    try {
      String redacted = output(explain);
      assertFalse(redacted.contains(KEY), redacted);
      assertTrue(redacted.contains("*********(redacted)"), redacted);
    } finally {
      spark().conf().unset("spark.sql.redaction.string.regex");
    }
  }
}
