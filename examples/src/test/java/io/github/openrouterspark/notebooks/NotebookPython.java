package io.github.openrouterspark.notebooks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the Python half of the notebook check (examples/notebooks/check) in a virtual environment
 * that {@code ensure-python.sh} creates under the repository's {@code target/} from the first
 * {@code python3} on PATH and pinned packages from PyPI: no root, no system packages, and the same
 * versions on every machine. Both Spark lines' builds share it.
 */
final class NotebookPython {
  static final Path CHECK_DIR = Path.of("examples/notebooks/check");
  private static final Path VENV = Path.of("target/notebook-check-venv");
  private static final long TIMEOUT_SECONDS = 600; // a cold pip install takes about 40 s
  private static String python;

  private NotebookPython() {}

  /** Creates the environment if needed, or fails saying what is missing. */
  static synchronized String ensureInstalled() {
    if (python == null) {
      Result r =
          run(List.of("bash", CHECK_DIR.resolve("ensure-python.sh").toString(), VENV.toString()));
      if (r.exitCode != 0) {
        throw new AssertionError(
            "The notebook check's Python set-up failed (exit " + r.exitCode + "):\n" + r.stderr);
      }
      python = r.stdout.strip();
    }
    return python;
  }

  /** Validates the notebooks and returns the JSON of the Spark work they contain. */
  static String extract(List<Path> notebooks) {
    List<String> command =
        new ArrayList<>(
            List.of(
                ensureInstalled(), CHECK_DIR.resolve("notebook_check.py").toString(), "extract"));
    notebooks.forEach(p -> command.add(p.toString()));
    Result r = run(command);
    if (r.exitCode != 0) {
      throw new AssertionError("Notebook check failed:\n" + r.stderr);
    }
    return r.stdout;
  }

  /**
   * Runs each notebook's parameters and plot cells with nbconvert on the CSV frames in {@code
   * data}.
   */
  static void executePlots(Path data, Path charts, Path out, List<Path> notebooks) {
    List<String> command =
        new ArrayList<>(
            List.of(
                ensureInstalled(),
                CHECK_DIR.resolve("notebook_check.py").toString(),
                "execute",
                "--data",
                data.toString(),
                "--charts",
                charts.toString(),
                "--out",
                out.toString()));
    notebooks.forEach(p -> command.add(p.toString()));
    Result r = run(command);
    if (r.exitCode != 0) {
      throw new AssertionError(
          "Running the notebooks' plot cells with nbconvert failed:\n" + r.stderr);
    }
  }

  private record Result(int exitCode, String stdout, String stderr) {}

  private static Result run(List<String> command) {
    try {
      Path stdout = Files.createTempFile("notebook-check", ".out");
      Path stderr = Files.createTempFile("notebook-check", ".err");
      try {
        // Files rather than pipes: a chatty pip cannot block on a full pipe buffer.
        Process p =
            new ProcessBuilder(command)
                .redirectOutput(stdout.toFile())
                .redirectError(stderr.toFile())
                .start();
        if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
          p.destroyForcibly();
          throw new AssertionError(
              "Timed out after " + TIMEOUT_SECONDS + " s: " + String.join(" ", command));
        }
        return new Result(
            p.exitValue(),
            Files.readString(stdout, StandardCharsets.UTF_8),
            Files.readString(stderr, StandardCharsets.UTF_8));
      } finally {
        Files.deleteIfExists(stdout);
        Files.deleteIfExists(stderr);
      }
    } catch (IOException e) {
      throw new AssertionError(
          "Could not run " + command.get(0) + " (is python3 on PATH?): " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("Interrupted: " + String.join(" ", command), e);
    }
  }
}
