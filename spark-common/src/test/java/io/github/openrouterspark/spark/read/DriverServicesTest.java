package io.github.openrouterspark.spark.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.openrouterspark.api.TrafficSettings;
import io.github.openrouterspark.emulator.OpenRouterEmulator;
import io.github.openrouterspark.options.ReadOptions;
import io.github.openrouterspark.spark.EmulatorExtension;
import io.github.openrouterspark.spark.TestSpark;
import io.github.openrouterspark.spark.read.DriverServices.PermitAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The permit service listens on loopback unless executors run on other machines, and is asked for
 * only when a query runs, never by planning or EXPLAIN.
 */
class DriverServicesTest {
  @RegisterExtension static final EmulatorExtension EMULATOR = EmulatorExtension.lenient();
  private static final OpenRouterEmulator emulator = EMULATOR.emulator();

  private static SparkConf conf(String master, String host, String bindAddress) {
    SparkConf conf =
        new SparkConf(false).set("spark.master", master).set("spark.driver.host", host);
    return bindAddress == null ? conf : conf.set("spark.driver.bindAddress", bindAddress);
  }

  @Test
  void localModesListenOnLoopbackWhateverTheDriverHostIs() {
    // Spark sets spark.driver.host to the machine's network address even in local mode.
    PermitAddress loopback = new PermitAddress("127.0.0.1", "127.0.0.1");
    assertEquals(loopback, DriverServices.permitAddress(conf("local[2]", "192.0.2.7", null)));
    assertEquals(loopback, DriverServices.permitAddress(conf("local", "192.0.2.7", "0.0.0.0")));
    assertEquals(
        loopback, DriverServices.permitAddress(conf("local-cluster[2,1,1024]", "192.0.2.7", null)));
  }

  @Test
  void clusterModesListenOnTheDriversBindAddressAndAdvertiseItsHost() {
    assertEquals(
        new PermitAddress("192.0.2.7", "192.0.2.7"),
        DriverServices.permitAddress(conf("spark://192.0.2.1:7077", "192.0.2.7", null)));
    assertEquals(
        new PermitAddress("0.0.0.0", "driver.example"),
        DriverServices.permitAddress(conf("yarn", "driver.example", "0.0.0.0")));
  }

  @Test
  void theTestSessionsScansAreToldToUseLoopback() {
    TestSpark.session();
    ReadOptions options =
        ReadOptions.parse(Map.of("dataset", "rankings-daily"), k -> null, Map.of());
    TrafficSettings traffic = DriverServices.traffic(options.traffic());
    assertTrue(traffic.permits().url().startsWith("http://127.0.0.1:"), traffic.permits().url());
  }

  @Test
  void theSchedulersThreadWithoutASessionStillFindsTheApplicationsConf() throws Exception {
    // Whichever test started the application, its conf is the one to find (by its unique id).
    String appId = TestSpark.session().sparkContext().getConf().get("spark.app.id");
    AtomicReference<SparkConf> found = new AtomicReference<>();
    Thread scheduler =
        new Thread(
            () -> {
              SparkSession.clearActiveSession();
              found.set(DriverServices.driverConf());
            });
    scheduler.start();
    scheduler.join();
    assertEquals(appId, found.get().get("spark.app.id"));
  }

  @Test
  void explainOfEveryDatasetStartsNoDriverServiceAndSendsNoRequest() {
    // Defining the analytics table reads /analytics/meta (its columns); EXPLAIN must add nothing.
    List<Dataset<Row>> queries =
        List.of(
            TestSpark.reader(emulator)
                .option("startDate", "2025-03-01")
                .option("endDate", "2025-03-07")
                .load("rankings-daily")
                .where("model_permaslug = 'x'"),
            TestSpark.reader(emulator).load("app-rankings").where("rank <= 10"),
            TestSpark.reader(emulator)
                .option("apiKey", OpenRouterEmulator.DEFAULT_MANAGEMENT_KEY)
                .option("startTime", "2026-10-04T00:00:00Z")
                .option("endTime", "2026-10-11T00:00:00Z")
                .option("granularity", "day")
                .load("analytics")
                .where("request_count > 0"),
            TestSpark.reader(emulator)
                .option("apiKey", OpenRouterEmulator.DEFAULT_MANAGEMENT_KEY)
                .load("analytics-meta"));
    emulator.requestLog().clear();
    long before = DriverServices.requested();
    for (Dataset<Row> query : queries) {
      String plan =
          TestSpark.explain(query, "EXTENDED")
              + TestSpark.explain(query, "FORMATTED")
              + TestSpark.explain(query, "COST");
      assertTrue(plan.contains("OpenRouter"), plan);
    }
    assertEquals(before, DriverServices.requested(), "EXPLAIN asked for the permit service");
    assertEquals(0, emulator.requestLog().size(), "EXPLAIN sent a request");

    // The probe does see a start: running a query ships the connection, which asks for the service.
    queries.get(3).collectAsList();
    assertTrue(DriverServices.requested() > before, "running a query asks for the permit service");
  }
}
