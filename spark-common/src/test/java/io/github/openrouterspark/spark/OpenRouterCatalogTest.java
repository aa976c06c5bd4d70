package io.github.openrouterspark.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.openrouterspark.emulator.OpenRouterEmulator;
import java.util.List;
import java.util.UUID;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code spark.sql.catalog.<name> = OpenRouterCatalog}: the datasets listed and described as
 * tables, queried in SQL with the same pushdown, rows and requests as {@code spark.read}, and
 * nothing written.
 */
class OpenRouterCatalogTest {
  private static OpenRouterEmulator emulator;
  private static String catalog;
  private static final String KEY = OpenRouterEmulator.DEFAULT_API_KEY;

  @BeforeAll
  static void start() {
    emulator = TestEmulators.lenient();
    catalog = register("baseUrl", emulator.baseUrl(), "apiKey", KEY);
  }

  /** A catalog of its own (Spark keeps a catalog once it was loaded), with these confs. */
  private static String register(String... confs) {
    String name = "or_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    SparkSession spark = TestSpark.session();
    spark.conf().set("spark.sql.catalog." + name, OpenRouterCatalog.class.getName());
    spark.conf().set("spark.sql.catalog." + name + ".rateLimitPerMinute", "10000");
    spark.conf().set("spark.sql.catalog." + name + ".cache", "false");
    for (int i = 0; i < confs.length; i += 2) {
      spark.conf().set("spark.sql.catalog." + name + "." + confs[i], confs[i + 1]);
    }
    return name;
  }

  @AfterAll
  static void stop() {
    emulator.close();
  }

  @BeforeEach
  void clearLog() {
    emulator.requestLog().clear();
  }

  private static List<Row> sql(String query) {
    return TestSpark.session().sql(query).collectAsList();
  }

  @Test
  void showTablesListsTheDatasetsWithoutARequest() {
    List<String> tables =
        sql("SHOW TABLES IN " + catalog).stream().map(r -> r.getString(1)).sorted().toList();
    assertEquals(List.of("analytics", "analytics_meta", "app_rankings", "rankings_daily"), tables);
    assertEquals(0, emulator.requestLog().size());
  }

  @Test
  void describeShowsTheSchemaWithComments() {
    List<Row> rows = sql("DESCRIBE TABLE " + catalog + ".rankings_daily");
    List<String> columns = rows.stream().map(r -> r.getString(0)).toList();
    assertEquals(
        TestSpark.reader(emulator).load("rankings-daily").schema().fieldNames().length,
        rows.stream()
            .filter(r -> !r.getString(0).isEmpty() && !r.getString(0).startsWith("#"))
            .count());
    assertTrue(columns.contains("date"), columns.toString());
    assertTrue(
        rows.stream()
            .allMatch(
                r ->
                    r.getString(0).startsWith("#")
                        || r.getString(2) != null && !r.getString(2).isBlank()),
        "every column has a comment: " + rows);
    String extended = sql("DESCRIBE TABLE EXTENDED " + catalog + ".rankings_daily").toString();
    assertTrue(extended.contains("OpenRouter dataset rankings-daily"), extended);
    assertFalse(extended.contains(KEY), "the key is never shown");
    assertEquals(0, emulator.requestLog().size());
  }

  @Test
  void aFilteredQueryReadsLikeSparkReadWithTheSameRequests() {
    String where =
        " WHERE date BETWEEN DATE'2025-06-01' AND DATE'2025-06-30' AND model_permaslug <> 'x'";
    List<Row> fromCatalog =
        sql(
            "SELECT * FROM "
                + catalog
                + ".rankings_daily"
                + where
                + " ORDER BY date, model_permaslug");
    int catalogRequests = emulator.requestLog().size();
    emulator.requestLog().clear();

    TestSpark.reader(emulator)
        .load("rankings-daily")
        .createOrReplaceTempView("rankings_catalog_twin");
    List<Row> fromRead =
        sql("SELECT * FROM rankings_catalog_twin" + where + " ORDER BY date, model_permaslug");
    TestSpark.session().catalog().dropTempView("rankings_catalog_twin");

    assertFalse(fromCatalog.isEmpty());
    assertEquals(fromRead, fromCatalog);
    assertEquals(emulator.requestLog().size(), catalogRequests);
    assertEquals(2, catalogRequests, "one request per scan: the sort samples, then reads");
    assertTrue(
        emulator.requestLog().all().get(0).toString().contains("start_date=2025-06-01"),
        "the date filter became the request's window: " + emulator.requestLog().all());
  }

  @Test
  void explainShowsThePushedFiltersAndNoKey() {
    String plan =
        sql("EXPLAIN EXTENDED SELECT * FROM "
                + catalog
                + ".rankings_daily WHERE date = DATE'2025-06-01'")
            .get(0)
            .getString(0);
    assertTrue(plan.contains("PushedPredicates") || plan.contains("date"), plan);
    assertFalse(plan.contains(KEY), plan);
    assertEquals(0, emulator.requestLog().size(), "EXPLAIN sends no request");
  }

  @Test
  void perQueryOptionsOverrideTheCatalogs() {
    List<Row> rows =
        TestSpark.session()
            .read()
            .option("startDate", "2025-06-01")
            .option("endDate", "2025-06-03")
            .table(catalog + ".rankings_daily")
            .collectAsList();
    assertEquals(
        TestSpark.reader(emulator)
            .option("startDate", "2025-06-01")
            .option("endDate", "2025-06-03")
            .load("rankings-daily")
            .collectAsList(),
        rows);
  }

  @Test
  void withOptionsInSqlOnSpark4() {
    assumeTrue(
        TestSpark.session().version().compareTo("4") >= 0, "WITH (...) options need Spark 4");
    List<Row> rows =
        sql(
            "SELECT * FROM "
                + catalog
                + ".rankings_daily WITH ('startDate' = '2025-06-01', 'endDate' = '2025-06-02')");
    assertEquals(
        TestSpark.reader(emulator)
            .option("startDate", "2025-06-01")
            .option("endDate", "2025-06-02")
            .load("rankings-daily")
            .collectAsList(),
        rows);
  }

  @Test
  void writesAndDdlFailSayingTheCatalogIsReadOnly() {
    for (String statement :
        List.of(
            "INSERT INTO "
                + catalog
                + ".rankings_daily SELECT * FROM "
                + catalog
                + ".rankings_daily",
            "DROP TABLE " + catalog + ".rankings_daily",
            "CREATE TABLE " + catalog + ".mine (x INT)",
            "ALTER TABLE " + catalog + ".rankings_daily RENAME TO " + catalog + ".other")) {
      Exception e = assertThrows(Exception.class, () -> sql(statement), statement);
      String message = String.valueOf(e.getMessage());
      assertTrue(
          message.contains("read-only") || message.contains("does not support"),
          statement + ": " + message);
    }
    assertEquals(0, emulator.requestLog().size());
  }

  @Test
  void anUnknownTableIsNotFound() {
    Exception e =
        assertThrows(Exception.class, () -> sql("SELECT * FROM " + catalog + ".rankings_weekly"));
    assertTrue(e.getMessage().contains("rankings_weekly"), e.getMessage());
  }

  @Test
  void aBadCatalogOptionFailsBeforeAnyRequest() {
    String bad = register("baseUrl", emulator.baseUrl(), "apiKey", KEY, "sort", "loudest");
    Exception e =
        assertThrows(Exception.class, () -> sql("SELECT * FROM " + bad + ".app_rankings"));
    assertTrue(
        e.getMessage().contains("sort") && e.getMessage().contains("loudest"), e.getMessage());
    assertFalse(e.getMessage().contains(KEY));
    // The option does not apply to rankings-daily, so that table still reads.
    assertFalse(
        TestSpark.session()
            .sql("SELECT * FROM " + bad + ".rankings_daily WHERE date = DATE'2025-06-01'")
            .collectAsList()
            .isEmpty());
  }
}
