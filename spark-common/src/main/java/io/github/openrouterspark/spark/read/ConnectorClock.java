package io.github.openrouterspark.spark.read;

import java.time.Clock;
import java.util.Objects;

/**
 * The connector's notion of now: which UTC day is the current (provisional) one, and so which days
 * are complete. The system's UTC clock, unless a test installs another: a stream's tests move it
 * together with an emulator's clock, day by day, without sleeping. The clock is one per JVM, so in
 * local mode the driver and the executors see the same one.
 */
public final class ConnectorClock {
  private static volatile Clock installed;

  private ConnectorClock() {}

  /** The installed clock, else {@link Clock#systemUTC()}. */
  public static Clock current() {
    Clock clock = installed;
    return clock != null ? clock : Clock.systemUTC();
  }

  /** Makes {@code clock} the connector's clock in this JVM, for tests; undo with {@link #reset}. */
  public static void install(Clock clock) {
    installed = Objects.requireNonNull(clock, "clock");
  }

  /** Back to the system's UTC clock. */
  public static void reset() {
    installed = null;
  }
}
