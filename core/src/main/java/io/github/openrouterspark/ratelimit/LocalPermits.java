package io.github.openrouterspark.ratelimit;

import java.time.Duration;

/** Permits from this JVM's coordinator for the key: exact within the JVM. */
public final class LocalPermits implements PermitSource {
  private final String fingerprint;
  private final int limitPerMinute;

  public LocalPermits(String fingerprint, int limitPerMinute) {
    this.fingerprint = fingerprint;
    this.limitPerMinute = limitPerMinute;
  }

  @Override
  public long reserve(Duration maxWait) {
    KeyCoordinator coordinator = LocalCoordinators.forKey(fingerprint, limitPerMinute);
    long waitMillis = coordinator.reserveMillis(limitPerMinute, maxWait.toMillis());
    if (waitMillis <= maxWait.toMillis()) {
      WaitLog.waiting(waitMillis, limitPerMinute, coordinator.requestsToday());
    }
    return waitMillis;
  }

  @Override
  public void backOff(Duration wait) {
    LocalCoordinators.forKey(fingerprint, limitPerMinute).pauseFor(wait.toMillis());
  }
}
