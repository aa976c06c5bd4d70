package io.github.openrouterspark.spark;

import io.github.openrouterspark.api.TrafficSettings;
import io.github.openrouterspark.options.ReadOptions;
import io.github.openrouterspark.ratelimit.PermitServer;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/**
 * Driver-side set-up a scan needs before its tasks run: the permit service that keeps every
 * executor of the application under one rate limit per key. Starting a local listener is not
 * API traffic, so planning still sends no request.
 */
final class DriverServices {
  private DriverServices() {}

  /** The scan's traffic settings, pointing executors at the driver's permit service. */
  static TrafficSettings traffic(ReadOptions options) {
    return options.traffic().withPermits(PermitServer.startOrGet(driverHost()));
  }

  private static String driverHost() {
    if (SparkSession.getActiveSession().isEmpty()) {
      return "127.0.0.1";
    }
    SparkConf conf = SparkSession.getActiveSession().get().sparkContext().getConf();
    // Executors reach the driver at spark.driver.host; bind there (loopback in local mode).
    return conf.get("spark.driver.host", "127.0.0.1");
  }
}
