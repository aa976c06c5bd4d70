package io.github.openrouterspark.spark;

import io.github.openrouterspark.api.TrafficSettings;
import io.github.openrouterspark.options.ReadOptions;
import io.github.openrouterspark.ratelimit.PermitServer;
import java.util.Locale;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/**
 * Driver-side set-up a scan needs before its tasks run: the permit service that keeps every
 * executor of the application under one rate limit per key. Starting a local listener is not
 * API traffic, so planning still sends no request.
 */
final class DriverServices {
  static final String LOOPBACK = "127.0.0.1";

  private DriverServices() {}

  /** Where the permit service listens and where executors are told to reach it. */
  record PermitAddress(String bind, String advertised) {}

  /** The scan's traffic settings, pointing executors at the driver's permit service. */
  static TrafficSettings traffic(ReadOptions options) {
    PermitAddress address = SparkSession.getActiveSession().isEmpty()
        ? new PermitAddress(LOOPBACK, LOOPBACK)
        : permitAddress(SparkSession.getActiveSession().get().sparkContext().getConf());
    return options.traffic().withPermits(PermitServer.startOrGet(address.bind(), address.advertised()));
  }

  /**
   * Loopback whenever every executor runs on this machine ({@code local}, {@code local[n]} and
   * {@code local-cluster[...]}: spark.driver.host is still this machine's network name there, and
   * listening on it would open the service to the network for nothing). On a cluster, the
   * address Spark's own driver services bind (spark.driver.bindAddress, by default
   * spark.driver.host), advertised as spark.driver.host, where executors reach the driver.
   */
  static PermitAddress permitAddress(SparkConf conf) {
    String master = conf.get("spark.master", "local").toLowerCase(Locale.ROOT);
    if (master.startsWith("local")) {
      return new PermitAddress(LOOPBACK, LOOPBACK);
    }
    String host = conf.get("spark.driver.host", LOOPBACK);
    return new PermitAddress(conf.get("spark.driver.bindAddress", host), host);
  }
}
