package io.github.openrouterspark.notebooks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.openrouterspark.emulator.OpenRouterEmulator;
import io.github.openrouterspark.spark.TestEmulators;
import io.github.openrouterspark.spark.TestSpark;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The example notebooks, checked without PySpark (it cannot be installed where CI runs):
 *
 * <ol>
 *   <li>{@code notebook_check.py extract} validates each notebook's format, compiles every Python
 *       cell and lists its Spark work;
 *   <li>every openrouter reader chain and every SQL statement runs here, in notebook order, on a
 *       local SparkSession against the emulator, and must return rows;
 *   <li>the frames the plot cells draw (temporary views the SQL notebook creates, under the same
 *       names in both notebooks) are written as CSV, and nbconvert runs the plot cells on them,
 *       which must save PNG charts.
 * </ol>
 *
 * <p>Not covered: the PySpark notebook's DataFrame transformations after the reader chains (they
 * need PySpark); its plot cells draw the SQL notebook's frames of the same names.
 *
 * <p>{@code -Dnotebooks.updateImages=true} copies the PySpark notebook's charts to docs/images.
 */
class NotebooksTest {
  private static final Path NOTEBOOKS = Path.of("examples/notebooks");

  /**
   * Under this module's target/ (the folder holding test-classes), not the working directory's:
   * with one module per Spark line, every module runs this test from the repository root.
   */
  private static final Path WORK = buildDirectory().resolve("notebook-check");

  private static final Path DOC_IMAGES = Path.of("docs/images");
  private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

  @Test
  void notebooksValidateRunOnTheEmulatorAndPlot() throws IOException {
    List<Path> notebooks = notebooks();
    // Every notebook in the folder is checked; these two are the ones the docs link and picture.
    assertTrue(
        notebooks.stream()
            .map(p -> p.getFileName().toString())
            .toList()
            .containsAll(List.of("openrouter_pyspark.ipynb", "openrouter_sql.ipynb")),
        "the example notebooks: " + notebooks);
    List<NotebookWork> work = NotebookWork.parse(NotebookPython.extract(notebooks));
    deleteRecursively(WORK); // charts or frames of an earlier run must not pass for this one's

    Path data = WORK.resolve("data");
    Set<String> written = new LinkedHashSet<>();
    try (OpenRouterEmulator api = TestEmulators.lenient()) {
      for (NotebookWork nb : work) {
        assertFalse(
            nb.readers().isEmpty() && nb.sql().isEmpty(),
            nb.path() + " has no Spark work to check");
        NotebookRunner runner = new NotebookRunner(TestSpark.session(), api, nb.path().getParent());
        nb.readers().forEach(runner::countRows);
        nb.sql().forEach(runner::run);
        // Frames the notebook's own statements created as temporary views become the plot data.
        for (String frame : nb.frames()) {
          if (runner.session().catalog().tableExists(frame)) {
            int rows = FrameCsv.write(runner.session().table(frame), data.resolve(frame + ".csv"));
            assertTrue(rows > 0, nb.path() + ": frame " + frame + " is empty");
            written.add(frame);
          }
        }
      }
    }
    for (NotebookWork nb : work) {
      assertFalse(nb.frames().isEmpty(), nb.path() + " plots nothing (no plot_frame call)");
      List<String> missing = nb.frames().stream().filter(f -> !written.contains(f)).toList();
      assertTrue(
          missing.isEmpty(),
          nb.path() + " plots frames that no notebook's SQL creates: " + missing);
    }

    Path charts = WORK.resolve("charts");
    NotebookPython.executePlots(data, charts, WORK.resolve("executed"), notebooks);
    for (Path nb : notebooks) {
      List<Path> pngs = pngs(charts.resolve(nb.getFileName().toString().replace(".ipynb", "")));
      assertFalse(pngs.isEmpty(), nb + ": the plot cells saved no chart");
      for (Path png : pngs) {
        assertPng(png);
      }
    }
    if (Boolean.getBoolean("notebooks.updateImages")) {
      copyCharts(charts.resolve("openrouter_pyspark"), DOC_IMAGES);
    }
  }

  private static Path buildDirectory() {
    try {
      return Path.of(
              NotebooksTest.class.getProtectionDomain().getCodeSource().getLocation().toURI())
          .getParent();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void deleteRecursively(Path dir) throws IOException {
    if (Files.exists(dir)) {
      try (Stream<Path> files = Files.walk(dir)) {
        for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
  }

  private static List<Path> notebooks() throws IOException {
    try (Stream<Path> files = Files.list(NOTEBOOKS)) {
      return files.filter(p -> p.toString().endsWith(".ipynb")).sorted().toList();
    }
  }

  private static List<Path> pngs(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(p -> p.toString().endsWith(".png")).sorted().toList();
    }
  }

  private static void assertPng(Path png) throws IOException {
    byte[] head = new byte[PNG_SIGNATURE.length];
    try (InputStream in = Files.newInputStream(png)) {
      assertEquals(head.length, in.readNBytes(head, 0, head.length), png + " is too short");
    }
    assertArrayEquals(PNG_SIGNATURE, head, png + " is not a PNG");
    assertTrue(Files.size(png) > 10_000, png + " is suspiciously small for a chart");
  }

  private static void copyCharts(Path from, Path to) throws IOException {
    Files.createDirectories(to);
    List<Path> copied = new ArrayList<>();
    for (Path png : pngs(from)) {
      copied.add(
          Files.copy(png, to.resolve(png.getFileName()), StandardCopyOption.REPLACE_EXISTING));
    }
    System.out.println("Updated " + Arrays.toString(copied.toArray()));
  }
}
