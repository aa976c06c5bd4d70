package io.github.openrouterspark.ratelimit;

import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** The JVM's coordinators, one per API key fingerprint, shared by every query and task. */
final class LocalCoordinators {
  private static final ConcurrentMap<String, KeyCoordinator> BY_KEY = new ConcurrentHashMap<>();

  private LocalCoordinators() {}

  static KeyCoordinator forKey(String fingerprint, int limitPerMinute) {
    return BY_KEY.computeIfAbsent(
        fingerprint, fp -> new KeyCoordinator(fp, limitPerMinute, Clock.systemUTC()));
  }

  /** Requests counted today for the key in this JVM (the driver's count covers the application). */
  public static int requestsToday(String fingerprint) {
    KeyCoordinator c = BY_KEY.get(fingerprint);
    return c == null ? 0 : c.requestsToday();
  }
}
