package io.github.openrouterspark.spark.read;

import io.github.openrouterspark.api.TrafficSettings;
import io.github.openrouterspark.ratelimit.PermitServer;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.spark.SparkConf;
import org.apache.spark.SparkEnv;
import org.apache.spark.sql.SparkSession;

/**
 * Driver-side set-up a scan needs before its tasks run: the permit service that keeps every
 * executor of the application under one rate limit per key. Asked for by {@link Connection} when it
 * is shipped to executors, so planning and EXPLAIN open no listener (and send no request).
 */
final class DriverServices {
  static final String LOOPBACK = "127.0.0.1";

  /** Calls of {@link #traffic}: the permit service cannot say whether a call started it. */
  private static final AtomicLong REQUESTED = new AtomicLong();

  private DriverServices() {}

  /** Where the permit service listens and where executors are told to reach it. */
  record PermitAddress(String bind, String advertised) {}

  /** {@code traffic}, pointing executors at the driver's permit service, started at first use. */
  static TrafficSettings traffic(TrafficSettings traffic) {
    REQUESTED.incrementAndGet();
    SparkConf conf = driverConf();
    PermitAddress address =
        conf == null ? new PermitAddress(LOOPBACK, LOOPBACK) : permitAddress(conf);
    return traffic.withPermits(PermitServer.startOrGet(address.bind(), address.advertised()));
  }

  /**
   * The application's conf, or null outside Spark. Connections are shipped on Spark's scheduler
   * thread, where no session is active: the driver's SparkEnv has the same conf.
   */
  static SparkConf driverConf() {
    if (SparkSession.getActiveSession().isDefined()) {
      return SparkSession.getActiveSession().get().sparkContext().getConf();
    }
    SparkEnv env = SparkEnv.get();
    return env == null ? null : env.conf();
  }

  /** How many times scans asked for driver services in this JVM, for tests. */
  static long requested() {
    return REQUESTED.get();
  }

  /**
   * Loopback whenever every executor runs on this machine ({@code local}, {@code local[n]} and
   * {@code local-cluster[...]}: spark.driver.host is still this machine's network name there, and
   * listening on it would open the service to the network for nothing). On a cluster, the address
   * Spark's own driver services bind (spark.driver.bindAddress, by default spark.driver.host),
   * advertised as spark.driver.host, where executors reach the driver.
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
