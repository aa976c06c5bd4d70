package io.github.openrouterspark.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.openrouterspark.emulator.LoggedRequest;
import io.github.openrouterspark.emulator.OpenRouterEmulator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The largest rankings-daily response (366 days in one request), with {@code _as_of} selected while
 * the emulator sends {@code meta} after {@code data}, and the memory cache on, read in a JVM whose
 * whole heap is 128 MiB: the read neither runs out of memory nor loses or repeats a row, and costs
 * one request (the second read is served by the cache).
 */
class MemoryProbeTest {

  @Test
  void aFullWindowWithAsOfAndTheCacheReadsInASmallHeap(@TempDir Path dir)
      throws IOException, InterruptedException {
    try (OpenRouterEmulator emulator = TestEmulators.lenient()) {
      Path csv = dir.resolve("rows");
      MemoryProbeRun run =
          MemoryProbeRun.start(emulator.baseUrl(), "asof-cache", 20, "128m", csv.toString());

      LocalDate end = MemoryProbe.FIRST.plusDays(MemoryProbe.rankingsDays(20) - 1);
      List<String> truth =
          emulator.market().rankingsDaily(MemoryProbe.FIRST, end).stream()
              .map(r -> r.date() + "," + r.modelPermaslug() + "," + r.totalTokens())
              .sorted()
              .toList();
      List<String[]> lines = csvLines(csv);
      List<String> actual =
          lines.stream().map(f -> f[0] + "," + f[1] + "," + f[2]).sorted().toList();
      assertEquals(truth, actual);
      assertEquals(truth.size(), run.rows());
      Set<String> asOf = lines.stream().map(f -> f[3]).collect(Collectors.toSet());
      assertEquals(
          1, asOf.size(), "one response, one _as_of: " + asOf + "; " + emulator.requestLog().all());
      assertTrue(!asOf.iterator().next().isEmpty());

      List<LoggedRequest> measured =
          emulator.requestLog().all().stream()
              .filter(r -> MemoryProbe.FIRST.toString().equals(r.query().get("start_date")))
              .toList();
      assertEquals(1, measured.size(), "requests of the measured window: " + measured);
    }
  }

  private static List<String[]> csvLines(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .filter(f -> f.getFileName().toString().startsWith("part-"))
          .flatMap(
              f -> {
                try {
                  return Files.readAllLines(f).stream();
                } catch (IOException e) {
                  throw new java.io.UncheckedIOException(e);
                }
              })
          .map(l -> l.split(",", -1))
          .toList();
    }
  }
}
