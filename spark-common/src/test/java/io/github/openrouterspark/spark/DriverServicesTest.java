package io.github.openrouterspark.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.openrouterspark.api.TrafficSettings;
import io.github.openrouterspark.options.ReadOptions;
import io.github.openrouterspark.spark.DriverServices.PermitAddress;
import java.util.Map;
import org.apache.spark.SparkConf;
import org.junit.jupiter.api.Test;

/** The permit service listens on loopback unless executors run on other machines. */
class DriverServicesTest {
  private static SparkConf conf(String master, String host, String bindAddress) {
    SparkConf conf = new SparkConf(false).set("spark.master", master).set("spark.driver.host", host);
    return bindAddress == null ? conf : conf.set("spark.driver.bindAddress", bindAddress);
  }

  @Test
  void localModesListenOnLoopbackWhateverTheDriverHostIs() {
    // Spark sets spark.driver.host to the machine's network address even in local mode.
    PermitAddress loopback = new PermitAddress("127.0.0.1", "127.0.0.1");
    assertEquals(loopback, DriverServices.permitAddress(conf("local[2]", "192.0.2.7", null)));
    assertEquals(loopback, DriverServices.permitAddress(conf("local", "192.0.2.7", "0.0.0.0")));
    assertEquals(loopback, DriverServices.permitAddress(conf("local-cluster[2,1,1024]", "192.0.2.7", null)));
  }

  @Test
  void clusterModesListenOnTheDriversBindAddressAndAdvertiseItsHost() {
    assertEquals(new PermitAddress("192.0.2.7", "192.0.2.7"),
        DriverServices.permitAddress(conf("spark://192.0.2.1:7077", "192.0.2.7", null)));
    assertEquals(new PermitAddress("0.0.0.0", "driver.example"),
        DriverServices.permitAddress(conf("yarn", "driver.example", "0.0.0.0")));
  }

  @Test
  void theTestSessionsScansAreToldToUseLoopback() {
    TestSpark.session();
    ReadOptions options = ReadOptions.parse(Map.of("dataset", "rankings-daily"), k -> null, Map.of());
    TrafficSettings traffic = DriverServices.traffic(options);
    assertTrue(traffic.permits().url().startsWith("http://127.0.0.1:"), traffic.permits().url());
  }
}
