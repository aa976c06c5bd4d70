package io.github.openrouterspark.notebooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.openrouterspark.emulator.OpenRouterEmulator;
import io.github.openrouterspark.notebooks.NotebookRunner.NotebookQueryException;
import io.github.openrouterspark.notebooks.NotebookWork.ReaderChain;
import io.github.openrouterspark.spark.TestEmulators;
import io.github.openrouterspark.spark.TestSpark;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The notebook check itself: what it extracts, and that it fails when a notebook is wrong. */
class NotebookCheckTest {
  @TempDir Path dir;

  private NotebookWork extractOne(String... cells) {
    Path nb = TestNotebooks.write(dir, "t.ipynb", cells);
    List<NotebookWork> work = NotebookWork.parse(NotebookPython.extract(List.of(nb)));
    assertEquals(1, work.size());
    return work.get(0);
  }

  @Test
  void extractsReaderChainsWithConstantsAndSqlTextFilters() {
    NotebookWork work =
        extractOne(
            "DAYS = 7\nRANK = 15\n%pip install matplotlib\n!ls",
            "df = (spark.read.format(\"openrouter\")\n"
                + "      .option(\"sort\", \"trending\").option(\"maxRank\", RANK)\n"
                + "      .options(pushDownLimit=False)\n"
                + "      .load(\"app-rankings\")\n"
                + "      .where(\"rank <= 10\").filter(\"category IS NULL\"))\n"
                + "csv = spark.read.format(\"csv\").option(\"header\", \"true\").load(some_path)");
    ReaderChain chain = work.readers().get(0);
    assertEquals(1, work.readers().size(), "the csv reader is not the connector's");
    assertEquals("app-rankings", chain.path());
    assertEquals(
        Map.of("sort", "trending", "maxRank", "15", "pushDownLimit", "false"), chain.options());
    assertEquals(List.of("rank <= 10", "category IS NULL"), chain.filters());
    assertTrue(chain.where().startsWith("t.ipynb cell 2, line 1"), chain.where());
  }

  @Test
  void extractsSqlInSourceOrderFromSparkSqlCallsAndSqlCells() {
    NotebookWork work =
        extractOne(
            "spark.sql(\"\"\"CREATE TEMPORARY VIEW v USING openrouter OPTIONS (dataset 'rankings-daily')\"\"\").show()\n"
                + "rows = spark.sql(\"SELECT * FROM v\")",
            "%sql\nSELECT 1; -- a comment; with a semicolon\nSELECT ';' AS s");
    assertEquals(
        List.of(
            "CREATE TEMPORARY VIEW v USING openrouter OPTIONS (dataset 'rankings-daily')",
            "SELECT * FROM v",
            "SELECT 1",
            "SELECT ';' AS s"),
        work.sql().stream().map(NotebookWork.SqlStatement::sql).toList());
  }

  @Test
  void magicsCompileAsTheKernelRunsThemAndOtherLanguagesAreSkipped() {
    NotebookWork work =
        extractOne(
            "%pip install matplotlib\nimport os\n!ls -l\nfiles = !ls",
            "%%bash\necho 'not python'",
            "%md\n# A Databricks markdown cell, not Python",
            "%scala\nval x = spark.read.format(\"openrouter\").load(\"rankings-daily\")",
            "%python\nx = 1");
    assertTrue(
        work.readers().isEmpty() && work.sql().isEmpty(),
        "the Scala cell is not read as Python: " + work);
  }

  @Test
  void failsWhenAPlotCellCitesOpenRouterForWhatMayBeSyntheticData() {
    Path nb =
        TestNotebooks.write(
            dir,
            "cite.ipynb",
            new TestNotebooks.Cell("PLOT_DATA = None", "parameters"),
            new TestNotebooks.Cell(
                "fig.text(0, 0, \"Source: OpenRouter (openrouter.ai/rankings)\")", "plot"));
    AssertionError e =
        assertThrows(AssertionError.class, () -> NotebookPython.extract(List.of(nb)));
    assertTrue(
        e.getMessage().contains("cite.ipynb cell 2: a plot cell cites OpenRouter literally"),
        e::getMessage);
    Path fine =
        TestNotebooks.write(
            dir,
            "fine.ipynb",
            new TestNotebooks.Cell("fig.text(0, 0, source_note(\"rankings\"))", "plot"));
    assertEquals(1, NotebookWork.parse(NotebookPython.extract(List.of(fine))).size());
  }

  @Test
  void failsOnSyntaxErrorsUncheckableSqlOutputsAndKeys() {
    String key = "sk-or-v1-" + "0123456789abcdef".repeat(4);
    AssertionError e =
        assertThrows(
            AssertionError.class,
            () ->
                extractOne(
                    "def broken(:\n    pass",
                    "view = 'v'\nspark.sql(f\"SELECT * FROM {view}\")",
                    "spark.conf.set(\"spark.datasource.openrouter.apiKey\", \"" + key + "\")",
                    "df = spark.read.format(\"openrouter\").option(\"startDate\", start).load(\"rankings-daily\")"));
    String message = e.getMessage();
    assertTrue(message.contains("t.ipynb cell 1, line 1: does not compile"), message);
    assertTrue(message.contains("spark.sql(...) needs one string literal"), message);
    assertTrue(message.contains("looks like an OpenRouter API key"), message);
    assertTrue(message.contains("'start' is not a module-level constant"), message);
    assertFalse(message.contains(key), "the key is not echoed");
  }

  @Test
  void anUnknownReaderOptionInANotebookFailsTheCheck() {
    NotebookWork work =
        extractOne(
            "df = spark.read.format(\"openrouter\").option(\"startDat\", \"2025-01-01\").load(\"rankings-daily\")");
    try (OpenRouterEmulator api = TestEmulators.lenient()) {
      NotebookRunner runner = new NotebookRunner(TestSpark.session(), api, dir);
      NotebookQueryException e =
          assertThrows(NotebookQueryException.class, () -> runner.countRows(work.readers().get(0)));
      assertTrue(e.getMessage().startsWith("t.ipynb cell 1, line 1: "), e.getMessage());
      assertTrue(e.getMessage().contains("Unknown option 'startDat'"), e.getMessage());
      assertTrue(e.getMessage().contains("Did you mean 'startDate'?"), e.getMessage());
      assertEquals(0, api.requestLog().size(), "options fail before any request");
    }
  }

  @Test
  void anUnknownOptionInSqlFailsTheCheck() {
    NotebookWork work =
        extractOne(
            "%sql\nCREATE TEMPORARY VIEW r USING openrouter OPTIONS (dataset 'rankings-daily', windowDayz '7')");
    try (OpenRouterEmulator api = TestEmulators.lenient()) {
      NotebookRunner runner = new NotebookRunner(TestSpark.session(), api, dir);
      NotebookQueryException e =
          assertThrows(NotebookQueryException.class, () -> runner.run(work.sql().get(0)));
      assertTrue(e.getMessage().contains("Unknown option 'windowDayz'"), e.getMessage());
      assertTrue(e.getMessage().contains("Did you mean 'windowDays'?"), e.getMessage());
    }
  }

  @Test
  void aQueryWithoutRowsFailsTheCheck() {
    NotebookWork work =
        extractOne(
            "spark.sql(\"CREATE TEMPORARY VIEW r USING openrouter OPTIONS (dataset 'rankings-daily')\")\n"
                + "spark.sql(\"SELECT * FROM r WHERE date < DATE '2024-01-01'\")");
    try (OpenRouterEmulator api = TestEmulators.lenient()) {
      NotebookRunner runner = new NotebookRunner(TestSpark.session(), api, dir);
      assertEquals(0, runner.run(work.sql().get(0)));
      NotebookQueryException e =
          assertThrows(NotebookQueryException.class, () -> runner.run(work.sql().get(1)));
      assertTrue(e.getMessage().contains("the query returned no rows"), e.getMessage());
    }
  }

  @Test
  void relativePathsInSqlResolveAgainstTheNotebooksFolder() {
    Path nbDir = Path.of("/repo/examples/notebooks");
    assertEquals(
        "OPTIONS (path '/repo/examples/data/u.csv', header 'true')",
        NotebookRunner.resolvePaths("OPTIONS (path '../data/u.csv', header 'true')", nbDir));
    assertEquals(
        "OPTIONS (PATH '/abs/u.csv')",
        NotebookRunner.resolvePaths("OPTIONS (PATH '/abs/u.csv')", nbDir));
    assertEquals(
        "OPTIONS (path 'dbfs:/u.csv')",
        NotebookRunner.resolvePaths("OPTIONS (path 'dbfs:/u.csv')", nbDir));
  }

  @Test
  void queriesAreTheStatementsThatReturnRows() {
    assertTrue(NotebookRunner.isQuery("  select 1"));
    assertTrue(NotebookRunner.isQuery("WITH t AS (SELECT 1) SELECT * FROM t"));
    assertFalse(NotebookRunner.isQuery("CREATE OR REPLACE TEMPORARY VIEW v AS SELECT 1"));
  }
}
