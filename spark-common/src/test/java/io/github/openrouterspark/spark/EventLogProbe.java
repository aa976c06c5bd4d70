package io.github.openrouterspark.spark;

import org.apache.spark.sql.DataFrameReader;
import org.apache.spark.sql.SparkSession;

/**
 * A separate JVM for {@link EventLogSecrecyTest}: each way of giving the key needs a SparkContext
 * started with its own confs and writing its own event log. Runs one read per way, each in a fresh
 * context logging to {@code <dir>/<way>}, and prints {@code ROWS <way> <count>}.
 *
 * <p>Arguments: eventLogDir baseUrl. The keys come in environment variables (see {@link
 * #keyVariable}), never as arguments, which the event log records; the parent also sets
 * OPENROUTER_API_KEY.
 */
public final class EventLogProbe {
  private EventLogProbe() {}

  /** The environment variable that carries the key of {@code way}, e.g. PROBE_KEY_START_CONF. */
  static String keyVariable(String way) {
    return "PROBE_KEY_" + way.toUpperCase(java.util.Locale.ROOT).replace('-', '_');
  }

  private static String key(String way) {
    return System.getenv(keyVariable(way));
  }

  private static SparkSession start(String dir, String way, String... confs) {
    SparkSession.Builder builder =
        SparkSession.builder()
            .master("local[2]")
            .appName("event-log-" + way)
            .config("spark.ui.enabled", "false")
            .config("spark.driver.host", "127.0.0.1")
            .config("spark.driver.bindAddress", "127.0.0.1")
            .config("spark.eventLog.enabled", "true")
            .config("spark.eventLog.compress", "false")
            .config("spark.eventLog.dir", new java.io.File(dir, way).toURI().toString());
    for (int i = 0; i < confs.length; i += 2) {
      builder.config(confs[i], confs[i + 1]);
    }
    return builder.getOrCreate();
  }

  private static DataFrameReader reader(SparkSession spark, String baseUrl) {
    return spark
        .read()
        .format("openrouter")
        .option("baseUrl", baseUrl)
        .option("cache", "false")
        .option("startDate", "2025-03-01")
        .option("endDate", "2025-03-03");
  }

  private static void finish(SparkSession spark, String way, long rows) {
    System.out.println("ROWS " + way + " " + rows);
    spark.stop();
    SparkSession.clearActiveSession();
    SparkSession.clearDefaultSession();
  }

  public static void main(String[] args) throws Exception {
    String dir = args[0];
    String baseUrl = args[1];
    new java.io.File(dir).mkdirs();
    for (String way :
        new String[] {"start-conf", "option", "environment", "runtime-conf", "plain-conf"}) {
      new java.io.File(dir, way).mkdirs();
    }

    // Safe: the redacted session conf, set when the application starts.
    SparkSession spark =
        start(dir, "start-conf", "spark.datasource.openrouter.apiKeySecret", key("start-conf"));
    spark.sparkContext().setLogLevel("WARN");
    finish(spark, "start-conf", reader(spark, baseUrl).load("rankings-daily").count());

    // Safe: the option under the redacted name, from the DataFrame API.
    spark = start(dir, "option");
    finish(
        spark,
        "option",
        reader(spark, baseUrl)
            .option("apiKeySecret", key("option"))
            .load("rankings-daily")
            .count());

    // Safe: the environment variable.
    spark = start(dir, "environment");
    finish(spark, "environment", reader(spark, baseUrl).load("rankings-daily").count());

    // Not safe, documented and warned about: the redacted name set at run time...
    spark = start(dir, "runtime-conf");
    spark.conf().set("spark.datasource.openrouter.apiKeySecret", key("runtime-conf"));
    finish(spark, "runtime-conf", reader(spark, baseUrl).load("rankings-daily").count());

    // ... and spark.openrouter.apiKey, which Spark shows whenever it was set.
    spark = start(dir, "plain-conf", "spark.openrouter.apiKey", key("plain-conf"));
    finish(spark, "plain-conf", reader(spark, baseUrl).load("rankings-daily").count());
    System.exit(0);
  }
}
