package io.github.openrouterspark.spark;

import io.github.openrouterspark.emulator.OpenRouterEmulator;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.spark.api.java.function.ForeachFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.util.LongAccumulator;

/**
 * A separate JVM (started with a small {@code -Xmx} and the serial collector) for {@link
 * MemoryBenchmark} and {@link MemoryProbeTest}: reads one path at one response size and prints how
 * far the live heap rose above what it was before the read.
 *
 * <p>The live heap is sampled every 50 ms after a full collection ({@code System.gc()}, which the
 * serial collector runs as a full compaction), so it measures what the read holds, not garbage
 * waiting to be collected; the table's figure is the highest sample minus the sample taken just
 * before the read, after a warm-up read of the same path (which loads the classes and starts
 * Spark's services).
 *
 * <p>Arguments: baseUrl path scale [csvDir]. Paths: {@code plain}, {@code asof} (with {@code
 * _as_of}, whose meta the emulator sends after the data), {@code plain-cache}, {@code asof-cache}
 * (the memory cache on: the read fills it, then reads again from it), {@code analytics}. Scale 1 to
 * 20: the response holds {@code scale / 20} of the largest one the API sends (366 days of
 * rankings-daily in one request, 10,000 analytics rows). With csvDir the rows are written there as
 * CSV instead of to the {@code noop} sink. Prints {@code RESULT path scale rows bytes baseMiB
 * peakMiB}.
 */
public final class MemoryProbe {
  private MemoryProbe() {}

  static final LocalDate FIRST = LocalDate.parse("2025-01-01");

  /** Days of rankings-daily at {@code scale}: 20 is the 366 days one request may cover. */
  static int rankingsDays(int scale) {
    return (int) Math.round(366.0 * scale / 20);
  }

  /** Hours of analytics at {@code scale} (one row each, no dimension): 20 is just under 10,000. */
  static int analyticsHours(int scale) {
    return 499 * scale;
  }

  static final Instant ANALYTICS_END = Instant.parse("2026-10-01T00:00:00Z");

  public static void main(String[] args) throws Exception {
    String baseUrl = args[0];
    String path = args[1];
    int scale = Integer.parseInt(args[2]);
    String csvDir = args.length > 3 ? args[3] : null;
    SparkSession spark =
        SparkSession.builder()
            .master("local[1]")
            .appName("memory-probe")
            .config("spark.ui.enabled", "false")
            .config("spark.driver.host", "127.0.0.1")
            .config("spark.driver.bindAddress", "127.0.0.1")
            .config("spark.sql.shuffle.partitions", "1")
            // Spark refuses to start below 450 MiB of heap unless told the size to plan with.
            .config("spark.testing.memory", Long.toString(512L << 20))
            .getOrCreate();
    spark.sparkContext().setLogLevel("WARN");

    // Warm-up: the same path over a small range the measured read does not share.
    write(read(spark, baseUrl, path, 1, true), null);

    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    long base = liveHeap(memory);
    AtomicLong peak = new AtomicLong(base);
    Thread sampler =
        new Thread(
            () -> {
              while (!Thread.currentThread().isInterrupted()) {
                peak.accumulateAndGet(liveHeap(memory), Math::max);
                try {
                  Thread.sleep(50);
                } catch (InterruptedException e) {
                  return;
                }
              }
            },
            "heap-sampler");
    sampler.setDaemon(true);
    sampler.start();
    long rows = write(read(spark, baseUrl, path, scale, false), csvDir);
    if (path.endsWith("-cache")) {
      rows = write(read(spark, baseUrl, path, scale, false), null); // served by the cache
    }
    sampler.interrupt();
    sampler.join();
    peak.accumulateAndGet(liveHeap(memory), Math::max);
    System.out.println(
        "RESULT " + path + " " + scale + " " + rows + " " + mib(base) + " " + mib(peak.get()));
    spark.stop();
  }

  private static long liveHeap(MemoryMXBean memory) {
    System.gc();
    return memory.getHeapMemoryUsage().getUsed();
  }

  private static String mib(long bytes) {
    return String.format(java.util.Locale.ROOT, "%.1f", bytes / 1048576.0);
  }

  /** Reads every row once, to {@code csvDir} or to nothing, and returns how many there were. */
  private static long write(Dataset<Row> df, String csvDir) {
    LongAccumulator rows = df.sparkSession().sparkContext().longAccumulator("rows");
    if (csvDir != null) {
      df.write().mode("overwrite").option("header", "false").csv(csvDir);
      return df.sparkSession().read().csv(csvDir).count();
    }
    df.foreach((ForeachFunction<Row>) row -> rows.add(1));
    return rows.value();
  }

  static Dataset<Row> read(
      SparkSession spark, String baseUrl, String path, int scale, boolean warmUp) {
    boolean cache = path.endsWith("-cache");
    if (path.startsWith("analytics")) {
      Instant end = warmUp ? ANALYTICS_END.minus(400, ChronoUnit.DAYS) : ANALYTICS_END;
      Instant start = end.minus(warmUp ? 24 : analyticsHours(scale), ChronoUnit.HOURS);
      return spark
          .read()
          .format("openrouter")
          .option("baseUrl", baseUrl)
          .option("apiKeySecret", OpenRouterEmulator.DEFAULT_MANAGEMENT_KEY)
          .option("cache", Boolean.toString(cache))
          .option("dataset", "analytics")
          .option("granularity", "hour")
          .option("startTime", start.toString())
          .option("endTime", end.toString())
          .load();
    }
    // The warm-up day lies before the measured window, so the cache cannot serve any of it.
    LocalDate start = warmUp ? FIRST.minusDays(10) : FIRST;
    LocalDate end = start.plusDays(warmUp ? 0 : rankingsDays(scale) - 1);
    Dataset<Row> df =
        spark
            .read()
            .format("openrouter")
            .option("baseUrl", baseUrl)
            .option("apiKeySecret", OpenRouterEmulator.DEFAULT_API_KEY)
            .option("cache", Boolean.toString(cache))
            .option("startDate", start.toString())
            .option("endDate", end.toString())
            .load("rankings-daily");
    return path.startsWith("asof")
        ? df.select("date", "model_permaslug", "total_tokens", "_as_of")
        : df.select("date", "model_permaslug", "total_tokens");
  }
}
