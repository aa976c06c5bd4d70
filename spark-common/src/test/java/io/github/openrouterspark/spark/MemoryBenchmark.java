package io.github.openrouterspark.spark;

import io.github.openrouterspark.emulator.OpenRouterEmulator;
import java.util.ArrayList;
import java.util.List;

/**
 * How far the live heap rises while a read runs, per path and response size: each measurement is a
 * fresh {@link MemoryProbe} JVM with {@code -Xmx256m}, against one emulator in this JVM. Prints a
 * Markdown table (README, "Memory"). The example profile's exec:exec runs only in examples/ and the
 * line modules, so run it on spark-common's test class path: {@code mvn -B -q
 * dependency:build-classpath -Dmdep.outputFile=cp.txt -Dmdep.includeScope=test} in spark-common,
 * then {@code java <spark.test.argLine> -cp target/test-classes:target/classes:$(cat cp.txt)
 * io.github.openrouterspark.spark.MemoryBenchmark}.
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
