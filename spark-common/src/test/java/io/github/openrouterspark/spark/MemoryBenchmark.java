package io.github.openrouterspark.spark;

import io.github.openrouterspark.emulator.OpenRouterEmulator;
import java.util.ArrayList;
import java.util.List;

/**
 * How far the live heap rises while a read runs, per path and response size: each measurement is a
 * fresh {@link MemoryProbe} JVM with {@code -Xmx256m}, against one emulator in this JVM. Prints a
 * Markdown table (README, "Memory"). Run it with {@code mvn -B -q -Pexample
 * -Dexample.main=io.github.openrouterspark.spark.MemoryBenchmark test-compile exec:exec}.
 */
public final class MemoryBenchmark {
  private MemoryBenchmark() {}

  static final String[] PATHS = {"plain", "asof", "plain-cache", "asof-cache", "analytics"};
  static final int[] SCALES = {1, 5, 10, 20};

  public static void main(String[] args) throws Exception {
    List<String> lines = new ArrayList<>();
    try (OpenRouterEmulator emulator = TestEmulators.lenient()) {
      for (String path : PATHS) {
        StringBuilder line = new StringBuilder("| " + path + " |");
        for (int scale : SCALES) {
          MemoryProbeRun run = MemoryProbeRun.start(emulator.baseUrl(), path, scale, "256m", null);
          line.append(' ').append(run.growthMiB()).append(" (").append(run.rows()).append(") |");
          System.err.println(path + " " + scale + "x: " + run);
        }
        lines.add(line.toString());
      }
    }
    System.out.println("| path | 1x | 5x | 10x | 20x |");
    System.out.println("|---|---|---|---|---|");
    lines.forEach(System.out::println);
  }
}
