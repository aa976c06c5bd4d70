package io.github.openrouterspark.spark;

import java.io.File;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * A separate JVM that runs concurrent app-rankings queries against an emulator, in local mode or on
 * a local cluster of executor JVMs, and prints what it read. The rate-limit tests and the benchmark
 * start it, so that the multi-JVM case runs in a fresh JVM with its own SparkContext.
 *
 * <p>Arguments: master baseUrl apiKey rateLimitPerMinute queries windowsPerQuery startDate
 */
public final class CoordinationProbe {
  private CoordinationProbe() {}

  /**
   * Starts the executors and loads the connector's classes on them before the clock starts, so the
   * measured time is the rate limit's, not JVM start-up's. Sends no API request.
   */
  private static void warmUp(SparkSession spark, String master) throws InterruptedException {
    int expected =
        master.startsWith("local-cluster")
            ? Integer.parseInt(master.replaceAll("local-cluster\\[(\\d+),.*", "$1")) + 1
            : 1;
    for (int i = 0;
        i < 600 && spark.sparkContext().getExecutorMemoryStatus().size() < expected;
        i++) {
      Thread.sleep(100);
    }
    spark
        .range(0, 64, 1, 16)
        .foreachPartition(
            (org.apache.spark.api.java.function.ForeachPartitionFunction<Long>)
                rows -> {
                  Class.forName("io.github.openrouterspark.api.OpenRouterClient");
                  Class.forName(
                      "io.github.openrouterspark.spark.apprankings.AppRankingsPartitionReader");
                  Class.forName("io.github.openrouterspark.ratelimit.RemotePermits");
                });
  }

  /**
   * A session on {@code master}; on a local cluster the executor JVMs get this JVM's classpath and
   * module flags. For probes run by {@link ProbeRun}.
   */
  static SparkSession session(String master, String appName) throws java.io.IOException {
    SparkSession.Builder builder =
        SparkSession.builder()
            .master(master)
            .appName(appName)
            .config("spark.ui.enabled", "false")
            .config("spark.driver.host", "127.0.0.1")
            .config("spark.driver.bindAddress", "127.0.0.1")
            .config("spark.sql.shuffle.partitions", "2");
    if (master.startsWith("local-cluster")) {
      // Executors are new JVMs: give them this JVM's classpath and module flags.
      File home = Files.createTempDirectory("spark-home").toFile();
      new File(home, "jars").mkdirs();
      System.setProperty("spark.testing", "true");
      System.setProperty("spark.test.home", home.getAbsolutePath());
      builder
          .config("spark.executor.extraClassPath", System.getProperty("java.class.path"))
          .config(
              "spark.executor.extraJavaOptions",
              System.getProperty("probe.executorJavaOptions", "").replaceAll("-Xmx\\S+", ""));
    }
    return builder.getOrCreate();
  }

  public static void main(String[] args) throws Exception {
    String master = args[0];
    String baseUrl = args[1];
    String key = args[2];
    String rate = args[3];
    int queries = Integer.parseInt(args[4]);
    int windows = Integer.parseInt(args[5]);
    java.time.LocalDate start = java.time.LocalDate.parse(args[6]);
    SparkSession spark = session(master, "openrouter-coordination-probe");
    spark.sparkContext().setLogLevel("WARN");
    warmUp(spark, master);
    ExecutorService pool = Executors.newFixedThreadPool(queries);
    List<org.apache.spark.sql.Dataset<Row>> frames = new ArrayList<>();
    for (int q = 0; q < queries; q++) {
      String sort = q % 2 == 0 ? "popular" : "trending";
      org.apache.spark.sql.Dataset<Row> df =
          spark
              .read()
              .format("openrouter")
              .option("baseUrl", baseUrl)
              .option("apiKey", key)
              .option("rateLimitPerMinute", rate)
              .option("cache", "false")
              .option("maxRequestsPerQuery", "1000")
              .option("startDate", start.toString())
              .option("endDate", start.plusDays(windows - 1).toString())
              .option("windowDays", "1")
              .option("sort", sort)
              .option("maxRank", "10")
              .load("app-rankings")
              .select("start_date", "sort", "rank", "app_id", "total_tokens");
      df.queryExecution().executedPlan(); // plans (no request) and starts the permit service
      frames.add(df);
    }
    List<Future<List<Row>>> results = new ArrayList<>();
    long t0 = System.nanoTime();
    for (org.apache.spark.sql.Dataset<Row> df : frames) {
      results.add(pool.submit(df::collectAsList));
    }
    for (int q = 0; q < queries; q++) {
      for (Row r : results.get(q).get()) {
        System.out.println(
            "ROW "
                + r.get(0)
                + "|"
                + r.get(1)
                + "|"
                + r.get(2)
                + "|"
                + r.get(3)
                + "|"
                + ((java.math.BigDecimal) r.get(4)).toBigIntegerExact());
      }
    }
    System.out.println("ELAPSED_MS " + (System.nanoTime() - t0) / 1_000_000);
    System.out.println("EXECUTORS " + spark.sparkContext().getExecutorMemoryStatus().size());
    pool.shutdown();
    spark.stop();
    // Exit even if some library left a non-daemon thread behind: the parent waits for this JVM.
    System.exit(0);
  }
}
