package io.github.openrouterspark.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.openrouterspark.emulator.LoggedRequest;
import io.github.openrouterspark.emulator.OpenRouterEmulator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With spark.eventLog.enabled, a read whose key is given in each documented safe way writes no key
 * to the event log; the two ways the README calls unsafe do write it, and the connector warns about
 * those (and only those), never printing a key. Runs {@link EventLogProbe} in a child JVM, since
 * every way needs a SparkContext started with its own confs.
 */
class EventLogSecrecyTest {
  private static final Map<String, String> KEYS =
      Map.of(
          "start-conf", "or-emulator-evlog-start-1a2b3c",
          "option", "or-emulator-evlog-option-4d5e6f",
          "environment", "or-emulator-evlog-env-7a8b9c",
          "runtime-conf", "or-emulator-evlog-runtime-0d1e2f",
          "plain-conf", "or-emulator-evlog-plain-3a4b5c");
  private static final List<String> SAFE = List.of("start-conf", "option", "environment");
  private static final List<String> UNSAFE = List.of("runtime-conf", "plain-conf");

  @Test
  void safeWaysKeepTheKeyOutOfTheEventLog(@TempDir Path dir) throws Exception {
    OpenRouterEmulator.Builder builder =
        OpenRouterEmulator.builder().rateLimitPerMinute(100_000).dailyLimitPerAccount(100_000);
    KEYS.forEach((way, key) -> builder.apiKey(key, way));
    try (OpenRouterEmulator emulator = builder.start()) {
      String output = runProbe(dir, emulator.baseUrl());
      long truth =
          emulator
              .market()
              .rankingsDaily(LocalDate.parse("2025-03-01"), LocalDate.parse("2025-03-03"))
              .size();
      Map<String, Long> rows = new HashMap<>();
      output
          .lines()
          .filter(l -> l.startsWith("ROWS "))
          .map(l -> l.split(" "))
          .forEach(p -> rows.put(p[1], Long.parseLong(p[2])));
      Map<String, Long> requestsByAccount =
          emulator.requestLog().all().stream()
              .filter(r -> r.status() == 200)
              .collect(Collectors.groupingBy(LoggedRequest::account, Collectors.counting()));
      for (String way : KEYS.keySet()) {
        assertEquals(truth, rows.getOrDefault(way, -1L), way + " read every row:\n" + output);
        assertEquals(1L, requestsByAccount.getOrDefault(way, 0L), way + "'s key was the one sent");
      }

      for (String way : SAFE) {
        String log = eventLog(dir.resolve(way));
        assertTrue(
            log.contains("SparkListenerJobStart"),
            "the event log of " + way + " records the read's job");
        assertFalse(
            log.contains(KEYS.get(way)),
            "the event log of " + way + " holds its key:\n" + leaks(log, KEYS.get(way)));
      }
      // If Spark starts redacting these, the README's and troubleshooting's advice needs updating.
      for (String way : UNSAFE) {
        assertTrue(
            eventLog(dir.resolve(way)).contains(KEYS.get(way)),
            "the event log of " + way + " holds its key");
      }

      for (String key : KEYS.values()) {
        assertFalse(output.contains(key), "the probe's log printed a key:\n" + output);
      }
      assertTrue(
          output.contains(
                  "the API key comes from the Spark conf spark.datasource.openrouter.apiKeySecret")
              && output.contains("set at run time"),
          output);
      assertTrue(
          output.contains("the API key comes from the Spark conf spark.openrouter.apiKey")
              && output.contains("Environment page"),
          output);
      assertEquals(
          2,
          output.lines().filter(l -> l.contains("OpenRouter: the API key")).count(),
          "one warning for each unsafe way, none for the safe ones:\n" + output);
    }
  }

  /** Where in the log the key is, the key masked, for the failure message. */
  private static String leaks(String log, String key) {
    return log.lines()
        .filter(l -> l.contains(key))
        .map(
            l -> {
              int at = l.indexOf(key);
              return l.substring(0, Math.min(l.length(), 80))
                  + " ... "
                  + l.substring(Math.max(0, at - 120), at)
                  + "<key>";
            })
        .collect(Collectors.joining("\n"));
  }

  /** Every event log file under {@code dir} (Spark 4 writes a rolling log: a folder of files). */
  private static String eventLog(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      List<Path> logs = files.filter(Files::isRegularFile).toList();
      assertFalse(logs.isEmpty(), "an event log in " + dir);
      StringBuilder all = new StringBuilder();
      for (Path log : logs) {
        all.append(Files.readString(log, StandardCharsets.UTF_8));
      }
      return all.toString();
    }
  }

  private static String runProbe(Path dir, String baseUrl)
      throws IOException, InterruptedException {
    String javaOptions =
        System.getProperty(
            "probe.jvmOptions",
            String.join(
                " ",
                java.lang.management.ManagementFactory.getRuntimeMXBean()
                    .getInputArguments()
                    .stream()
                    .filter(
                        a ->
                            a.startsWith("--add-")
                                || a.startsWith("-XX:")
                                || a.startsWith("-Dio.netty")
                                || a.startsWith("--enable-native")
                                || a.startsWith("-Djdk"))
                    .toList()));
    List<String> command = new ArrayList<>();
    command.add(System.getProperty("java.home") + "/bin/java");
    for (String opt : javaOptions.trim().split("\\s+")) {
      if (!opt.isEmpty()) {
        command.add(opt);
      }
    }
    command.addAll(
        List.of(
            "-cp",
            System.getProperty("java.class.path"),
            EventLogProbe.class.getName(),
            dir.toString(),
            baseUrl));
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    // Not as arguments: the event log records the JVM's command line.
    KEYS.forEach((way, key) -> pb.environment().put(EventLogProbe.keyVariable(way), key));
    pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
    pb.environment().put("OPENROUTER_API_KEY", KEYS.get("environment"));
    Process process = pb.start();
    String output;
    try {
      output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    if (!process.waitFor(5, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new IllegalStateException("probe did not finish:\n" + output);
    }
    assertEquals(0, process.exitValue(), "probe failed:\n" + output);
    return output;
  }
}
