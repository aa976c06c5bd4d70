package io.github.openrouterspark.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.openrouterspark.emulator.OpenRouterEmulator;
import io.github.openrouterspark.options.KeySource;
import io.github.openrouterspark.options.KeySource.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The key stays out of what Spark prints: a catalog table's DDL shows it redacted whatever its
 * option name and still re-creates the table; a key from a place Spark displays is warned about
 * once, naming the place and never the key; a plain http base URL beyond loopback fails before any
 * request.
 */
class KeySecrecyTest {
  /** An emulator-only key, distinctive so that any output containing it is a leak. */
  private static final String KEY = "or-emulator-secrecy-key-7e3b0c";

  private static final String SESSION = "spark.datasource.openrouter.";

  @RegisterExtension
  static final EmulatorExtension EMULATOR =
      new EmulatorExtension(
          () ->
              OpenRouterEmulator.builder()
                  .apiKey(KEY, "secrecy-account")
                  .rateLimitPerMinute(100_000)
                  .dailyLimitPerAccount(100_000)
                  .start());

  private static final OpenRouterEmulator emulator = EMULATOR.emulator();

  private static SparkSession spark() {
    return TestSpark.session();
  }

  @AfterEach
  void dropEverything() {
    spark().sql("DROP TABLE IF EXISTS secrecy_t");
    spark().sql("DROP TABLE IF EXISTS secrecy_copy");
    spark().conf().unset(SESSION + "apiKeySecret");
    spark().conf().unset("spark.openrouter.apiKey");
  }

  private static String output(String statement) {
    return spark().sql(statement).collectAsList().stream()
        .map(r -> r.mkString(" | "))
        .collect(Collectors.joining("\n"));
  }

  private static String tableOptions(String keyOption) {
    return "OPTIONS (dataset 'rankings-daily', baseUrl '"
        + emulator.baseUrl()
        + "', "
        + keyOption
        + " '"
        + KEY
        + "', rateLimitPerMinute '10000', cache 'false', startDate '2025-03-01', endDate '2025-03-07')";
  }

  private static List<String> rows(String table) {
    return spark()
        .sql("SELECT date, model_permaslug, total_tokens FROM " + table + " ORDER BY 1, 2")
        .collectAsList()
        .stream()
        .map(Row::toString)
        .toList();
  }

  @Test
  void showCreateTableRedactsTheKeyUnderEitherNameAndReCreatesTheTable() {
    for (String keyOption : new String[] {"apiKey", "APIKEY", "apiKeySecret"}) {
      spark().sql("CREATE TABLE secrecy_t USING openrouter " + tableOptions(keyOption));
      String ddl = output("SHOW CREATE TABLE secrecy_t");
      assertFalse(ddl.contains(KEY), "SHOW CREATE TABLE leaked the key:\n" + ddl);
      assertTrue(ddl.contains("USING openrouter") && ddl.contains("OPTIONS"), ddl);
      assertTrue(ddl.contains("'" + keyOption + "' = '*********(redacted)'"), ddl);
      String described =
          output("DESCRIBE TABLE EXTENDED secrecy_t") + output("SHOW TBLPROPERTIES secrecy_t");
      assertFalse(
          described.contains(KEY), "DESCRIBE or SHOW TBLPROPERTIES leaked the key:\n" + described);

      // The DDL is complete: with the key filled in (and baseUrl, which Spark's own pattern (?i)url
      // redacts), it makes a table that reads the same rows.
      String recreate =
          ddl.replace(
                  "'baseUrl' = '*********(redacted)'", "'baseUrl' = '" + emulator.baseUrl() + "'")
              .replace("*********(redacted)", KEY)
              .replace("secrecy_t", "secrecy_copy")
              // Spark 3.5 prints an empty column list for a table whose source gives the schema.
              .replaceFirst("\\(\\s*\\)\\s*USING", "USING");
      spark().sql(recreate);
      List<String> original = rows("secrecy_t");
      assertFalse(original.isEmpty());
      assertEquals(original, rows("secrecy_copy"), recreate.replace(KEY, "<key>"));
      spark().sql("DROP TABLE secrecy_t");
      spark().sql("DROP TABLE secrecy_copy");
    }
  }

  @Test
  void theSessionRedactsTheKeyOptionNamesOnceTheConnectorHasRun() {
    TestSpark.reader(emulator).load("rankings-daily").schema();
    String regex = spark().conf().get(KeyExposure.OPTIONS_REDACTION_REGEX);
    assertTrue(java.util.regex.Pattern.compile(regex).matcher("apiKey").find(), regex);
    assertTrue(
        java.util.regex.Pattern.compile(regex).matcher("baseUrl").find(),
        "Spark's own pattern kept: " + regex);
    String explained =
        output(
            "EXPLAIN CREATE TEMPORARY VIEW secrecy_v USING openrouter " + tableOptions("apiKey"));
    assertFalse(explained.contains(KEY), explained);
  }

  @Test
  void aKeyOptionSparkDoesNotRedactIsWarnedAbout() {
    SparkConf start = new SparkConf(false);
    Optional<String> warning =
        KeyExposure.warning(new KeySource(Kind.OPTION, "apiKey"), freshConf(), start);
    assertTrue(warning.isPresent());
    assertTrue(
        warning.get().contains("'apiKey'") && warning.get().contains("'apiKeySecret'"),
        warning.get());
    assertEquals(
        Optional.empty(),
        KeyExposure.warning(new KeySource(Kind.OPTION, "apiKeySecret"), freshConf(), start));
    assertEquals(
        Optional.empty(),
        KeyExposure.warning(
            new KeySource(Kind.ENVIRONMENT, "OPENROUTER_API_KEY"), freshConf(), start));
  }

  @Test
  void aKeyConfSparkDisplaysOrLogsIsWarnedAboutAndOneItRedactsIsNot() {
    spark().conf().set("spark.openrouter.apiKey", KEY);
    spark().conf().set(SESSION + "apiKeySecret", KEY);
    SparkConf startedWithBoth =
        new SparkConf(false).set("spark.openrouter.apiKey", KEY).set(SESSION + "apiKeySecret", KEY);
    KeySource plainConf = new KeySource(Kind.SPARK_CONF, "spark.openrouter.apiKey");
    KeySource secretConf = new KeySource(Kind.SESSION_CONF, SESSION + "apiKeySecret");

    String displayed =
        KeyExposure.warning(plainConf, spark().conf(), startedWithBoth).orElseThrow();
    assertTrue(
        displayed.contains("spark.openrouter.apiKey")
            && displayed.contains("Environment page")
            && displayed.contains("OPENROUTER_API_KEY"),
        displayed);
    assertFalse(displayed.contains(KEY), displayed);
    String quoted =
        "OpenRouter: the API key comes from the Spark conf spark.openrouter.apiKey, which Spark does not"
            + " keep secret: its name does not match spark.redaction.regex, so the Spark UI's Environment page and the"
            + " event log show its value.";
    assertTrue(displayed.startsWith(quoted), displayed);
    try {
      assertTrue(
          java.nio.file.Files.readString(java.nio.file.Path.of("docs/troubleshooting.md"))
              .contains(quoted));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    assertEquals(
        Optional.empty(),
        KeyExposure.warning(secretConf, spark().conf(), startedWithBoth),
        "a conf with a redacted name, set when the application started, is safe");

    String setAtRunTime =
        KeyExposure.warning(secretConf, spark().conf(), new SparkConf(false)).orElseThrow();
    assertTrue(
        setAtRunTime.contains(SESSION + "apiKeySecret")
            && setAtRunTime.contains("run time")
            && setAtRunTime.contains("event log"),
        setAtRunTime);
    assertFalse(setAtRunTime.contains(KEY), setAtRunTime);
  }

  @Test
  void theWarningIsGivenOncePerPlace() {
    spark().conf().set("spark.openrouter.APIKEY", KEY);
    try {
      List<String> warnings = new ArrayList<>();
      KeySource source = new KeySource(Kind.SPARK_CONF, "spark.openrouter.APIKEY");
      KeyExposure.warnOnce(source, spark(), warnings::add);
      KeyExposure.warnOnce(source, spark(), warnings::add);
      assertEquals(1, warnings.size(), String.valueOf(warnings));
    } finally {
      spark().conf().unset("spark.openrouter.APIKEY");
    }
  }

  @Test
  void plainHttpBeyondLoopbackFailsWhenTheDataFrameIsDefined() {
    Exception e =
        assertThrows(
            Exception.class,
            () ->
                spark()
                    .read()
                    .format("openrouter")
                    .option("baseUrl", "http://192.0.2.10/api/v1")
                    .option("apiKeySecret", KEY)
                    .load("rankings-daily"));
    assertTrue(e.getMessage().contains("allowInsecureHttp"), e.getMessage());
    assertFalse(e.getMessage().contains(KEY), e.getMessage());
    // With consent the DataFrame is defined (defining sends nothing; this test never reads it).
    spark()
        .read()
        .format("openrouter")
        .option("baseUrl", "http://192.0.2.10/api/v1")
        .option("allowInsecureHttp", "true")
        .option("apiKeySecret", KEY)
        .load("rankings-daily")
        .schema();
    assertEquals(0, emulator.requestLog().size());
  }

  /** The session's confs as a read sees them, with Spark's default redaction patterns. */
  private static org.apache.spark.sql.RuntimeConfig freshConf() {
    spark().conf().unset(KeyExposure.OPTIONS_REDACTION_REGEX);
    return spark().conf();
  }
}
