package io.github.openrouterspark.spark;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * One {@link MemoryProbe} JVM's result: rows read, live heap before and at most during the read.
 */
record MemoryProbeRun(long rows, double baseMiB, double peakMiB, String log) {

  String growthMiB() {
    return String.format(Locale.ROOT, "%+.1f", peakMiB - baseMiB);
  }

  @Override
  public String toString() {
    return rows + " rows, live heap " + baseMiB + " MiB before, " + peakMiB + " MiB at most";
  }

  /**
   * Starts a probe with {@code -Xmx<heap>} and the serial collector, this JVM's classpath and
   * Spark's module flags.
   */
  static MemoryProbeRun start(String baseUrl, String path, int scale, String heap, String csvDir)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(System.getProperty("java.home") + "/bin/java");
    String flags =
        System.getProperty(
            "probe.jvmOptions",
            String.join(
                " ",
                ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                    .filter(
                        a ->
                            a.startsWith("--add-")
                                || a.startsWith("-Dio.netty")
                                || a.startsWith("--enable-native")
                                || a.startsWith("-Djdk"))
                    .toList()));
    for (String opt : flags.trim().split("\\s+")) {
      if (!opt.isEmpty() && !opt.startsWith("-Xmx") && !opt.startsWith("-XX:+Use")) {
        command.add(opt);
      }
    }
    command.add("-Xmx" + heap);
    command.add("-XX:+UseSerialGC");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(MemoryProbe.class.getName());
    command.add(baseUrl);
    command.add(path);
    command.add(Integer.toString(scale));
    if (csvDir != null) {
      command.add(csvDir);
    }
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
    String scalaVersion = scala.util.Properties.versionNumberString();
    pb.environment()
        .put("SPARK_SCALA_VERSION", scalaVersion.substring(0, scalaVersion.lastIndexOf('.')));
    Process process = pb.start();
    StringBuilder log = new StringBuilder();
    String[] result = null;
    try (BufferedReader out =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = out.readLine()) != null) {
        if (line.startsWith("RESULT ")) {
          result = line.split(" ");
        } else {
          log.append(line).append('\n');
        }
      }
    }
    if (!process.waitFor(10, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new IllegalStateException("memory probe did not finish:\n" + log);
    }
    if (process.exitValue() != 0 || result == null) {
      throw new IllegalStateException(
          "memory probe failed with exit " + process.exitValue() + ":\n" + log);
    }
    return new MemoryProbeRun(
        Long.parseLong(result[3]),
        Double.parseDouble(result[4]),
        Double.parseDouble(result[5]),
        log.toString());
  }
}
