package io.github.openrouterspark.notebooks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the Python half of the notebook check (examples/notebooks/check) with Debian's
 * {@code /usr/bin/python3}: the first {@code python3} on PATH may be a pyenv or virtualenv
 * interpreter without nbformat and nbconvert, and Debian's python3 kernelspec names
 * {@code /usr/bin/python3} anyway.
 */
final class NotebookPython {
  static final Path CHECK_DIR = Path.of("examples/notebooks/check");
  private static final String PYTHON = "/usr/bin/python3";
  private static final long TIMEOUT_SECONDS = 300; // apt-get on a cold machine takes about 70 s
  private static boolean installed;

  private NotebookPython() {}

  /** Installs the Python packages if missing (as root with apt-get), or fails saying what to install. */
  static synchronized void ensureInstalled() {
    if (!installed) {
      Result r = run(List.of("bash", CHECK_DIR.resolve("ensure-python.sh").toString()));
      if (r.exitCode != 0) {
        throw new AssertionError("The notebook check's Python set-up failed (exit " + r.exitCode + "):\n" + r.stderr);
      }
      installed = true;
    }
  }

  /** Validates the notebooks and returns the JSON of the Spark work they contain. */
  static String extract(List<Path> notebooks) {
    ensureInstalled();
    List<String> command = new ArrayList<>(List.of(PYTHON, CHECK_DIR.resolve("notebook_check.py").toString(), "extract"));
    notebooks.forEach(p -> command.add(p.toString()));
    Result r = run(command);
    if (r.exitCode != 0) {
      throw new AssertionError("Notebook check failed:\n" + r.stderr);
    }
    return r.stdout;
  }

  /** Runs each notebook's parameters and plot cells with nbconvert on the CSV frames in {@code data}. */
  static void executePlots(Path data, Path charts, Path out, List<Path> notebooks) {
    ensureInstalled();
    List<String> command = new ArrayList<>(List.of(PYTHON, CHECK_DIR.resolve("notebook_check.py").toString(),
        "execute", "--data", data.toString(), "--charts", charts.toString(), "--out", out.toString()));
    notebooks.forEach(p -> command.add(p.toString()));
    Result r = run(command);
    if (r.exitCode != 0) {
      throw new AssertionError("Running the notebooks' plot cells with nbconvert failed:\n" + r.stderr);
    }
  }

  private record Result(int exitCode, String stdout, String stderr) {}

  private static Result run(List<String> command) {
    try {
      Path stdout = Files.createTempFile("notebook-check", ".out");
      Path stderr = Files.createTempFile("notebook-check", ".err");
      try {
        // Files rather than pipes: a chatty apt-get cannot block on a full pipe buffer.
        Process p = new ProcessBuilder(command).redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
        if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
          p.destroyForcibly();
          throw new AssertionError("Timed out after " + TIMEOUT_SECONDS + " s: " + String.join(" ", command));
        }
        return new Result(p.exitValue(), Files.readString(stdout, StandardCharsets.UTF_8),
            Files.readString(stderr, StandardCharsets.UTF_8));
      } finally {
        Files.deleteIfExists(stdout);
        Files.deleteIfExists(stderr);
      }
    } catch (IOException e) {
      throw new AssertionError("Could not run " + command.get(0) + " (is Debian's python3 installed?): " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("Interrupted: " + String.join(" ", command), e);
    }
  }
}
