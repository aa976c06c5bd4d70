package io.github.openrouterspark.ratelimit;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything one JVM knows about one API key's use of the API: the rolling-minute limiter every
 * request of the key draws from, and the count of requests per UTC day, with a warning when the
 * account's daily allowance is nearly used.
 */
final class KeyCoordinator {
  private static final Logger LOG = LoggerFactory.getLogger(KeyCoordinator.class);

  /** The Data API allows 500 requests a day per account. */
  static final int DAILY_ALLOWANCE = 500;

  /**
   * Requests arrive at the server a little after they leave; a window slightly longer than the
   * server's absorbs that jitter, so a request never lands inside the server's minute early.
   */
  static final long WINDOW_NANOS = TimeUnit.MILLISECONDS.toNanos(60_250);

  private final String fingerprint;
  private final RollingWindowLimiter limiter;
  private final Clock clock;
  private LocalDate day;
  private int requestsToday;
  private boolean warnedToday;

  KeyCoordinator(String fingerprint, int limitPerMinute, Clock clock) {
    this.fingerprint = fingerprint;
    this.limiter = new RollingWindowLimiter(limitPerMinute, WINDOW_NANOS, System::nanoTime);
    this.clock = clock;
  }

  /** Reserves a permit; returns how many milliseconds the caller must wait before sending. */
  long reserveMillis(int limitPerMinute) {
    limiter.setLimit(limitPerMinute);
    long at = limiter.reserve();
    count();
    return Math.max(0, TimeUnit.NANOSECONDS.toMillis(at - System.nanoTime()));
  }

  void pauseFor(long millis) {
    limiter.pauseUntil(System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis));
  }

  synchronized int requestsToday() {
    rollDay();
    return requestsToday;
  }

  private synchronized void count() {
    rollDay();
    requestsToday++;
    // A scoped limiter ("<fingerprint>/analytics") has no daily allowance.
    if (!warnedToday && !fingerprint.contains("/") && requestsToday >= DAILY_ALLOWANCE * 4 / 5) {
      warnedToday = true;
      LOG.warn("OpenRouter API key " + fingerprint + " has sent " + requestsToday + " requests today (UTC) from"
          + " this Spark application: 80% of the account's " + DAILY_ALLOWANCE + " per day. Further requests"
          + " may be refused with HTTP 429 until 00:00 UTC.");
    }
  }

  private void rollDay() {
    LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
    if (!today.equals(day)) {
      day = today;
      requestsToday = 0;
      warnedToday = false;
    }
  }
}
