package io.github.openrouterspark.spark;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Starts {@link CoordinationProbe} in a child JVM with this JVM's classpath and collects its
 * output.
 */
record ProbeRun(List<String> rows, long elapsedMillis, int executors, String log) {

  static ProbeRun start(
      String master, String baseUrl, String key, int rate, int queries, int windows, String start)
      throws IOException, InterruptedException {
    return start(
        CoordinationProbe.class,
        List.of(
            master,
            baseUrl,
            key,
            Integer.toString(rate),
            Integer.toString(queries),
            Integer.toString(windows),
            start));
  }

  /** Runs {@code main} with {@code args} in a child JVM; it prints {@code ROW ...} lines. */
  static ProbeRun start(Class<?> main, List<String> args) throws IOException, InterruptedException {
    // Surefire passes Spark's module flags explicitly; elsewhere reuse this JVM's own flags.
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
    command.add("-Dprobe.executorJavaOptions=" + javaOptions);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(main.getName());
    command.addAll(args);
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
    // Spark's launcher asks which Scala it runs on (2.12 on Spark 3.5, 2.13 on Spark 4).
    String scalaVersion = scala.util.Properties.versionNumberString(); // e.g. 2.12.18
    pb.environment()
        .put("SPARK_SCALA_VERSION", scalaVersion.substring(0, scalaVersion.lastIndexOf('.')));
    Process process = pb.start();
    List<String> rows = new ArrayList<>();
    StringBuilder log = new StringBuilder();
    long elapsed = -1;
    int executors = -1;
    try (BufferedReader out =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = out.readLine()) != null) {
        if (line.startsWith("ROW ")) {
          rows.add(line.substring(4));
        } else if (line.startsWith("ELAPSED_MS ")) {
          elapsed = Long.parseLong(line.substring(11).trim());
        } else if (line.startsWith("EXECUTORS ")) {
          executors = Integer.parseInt(line.substring(10).trim());
        } else {
          log.append(line).append('\n');
        }
      }
    }
    if (!process.waitFor(10, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new IllegalStateException("probe did not finish:\n" + log);
    }
    if (process.exitValue() != 0) {
      throw new IllegalStateException(
          "probe failed with exit " + process.exitValue() + ":\n" + log);
    }
    return new ProbeRun(rows, elapsed, executors, log.toString());
  }
}
