package io.github.openrouterspark.notebooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.github.openrouterspark.emulator.OpenRouterEmulator;
import io.github.openrouterspark.spark.TestEmulators;
import io.github.openrouterspark.spark.TestSpark;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/quickstart.md's Python and SQL blocks go through the notebook check: its Python blocks must
 * compile and their reader chains return rows, and its SQL statements must run in order (each query
 * returning rows), on the emulator.
 */
class QuickstartDocTest {
  private static final Path DOC = Path.of("docs/quickstart.md");
  private static final Pattern BLOCK =
      Pattern.compile("```(python|sql)\\n(.*?)```", Pattern.DOTALL);

  @TempDir Path dir;

  @Test
  void pythonAndSqlBlocksRunOnTheEmulator() throws IOException {
    List<String> cells = new ArrayList<>();
    Matcher m = BLOCK.matcher(Files.readString(DOC));
    while (m.find()) {
      // A %sql cell, as the check reads Databricks notebooks: statements split on semicolons.
      cells.add(m.group(1).equals("sql") ? "%sql\n" + m.group(2) : m.group(2));
    }
    Path notebook = TestNotebooks.write(dir, "quickstart.ipynb", cells.toArray(String[]::new));
    List<NotebookWork> work = NotebookWork.parse(NotebookPython.extract(List.of(notebook)));
    assertEquals(1, work.size());
    NotebookWork quickstart = work.get(0);
    assertFalse(quickstart.readers().isEmpty(), DOC + " has Python reader chains");
    assertFalse(quickstart.sql().isEmpty(), DOC + " has SQL");
    try (OpenRouterEmulator api = TestEmulators.lenient()) {
      NotebookRunner runner = new NotebookRunner(TestSpark.session(), api, DOC.getParent());
      quickstart.readers().forEach(runner::countRows);
      quickstart.sql().forEach(runner::run);
    }
  }
}
