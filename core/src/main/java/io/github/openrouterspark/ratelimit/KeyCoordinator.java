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
   * Requests arrive at the server a little after their permit; a window a second longer than the
   * server's absorbs that jitter, so a request never lands inside the server's minute early. 250 ms
   * was not enough on a loaded 2-core machine with two executor JVMs (one 429 in a few runs): a
   * task can stall that long between its permit and its request.
   */
  static final long WINDOW_NANOS = TimeUnit.MILLISECONDS.toNanos(61_000);

  private final String fingerprint;
  private final RollingWindowLimiter limiter;
  private final Clock clock;
  private final java.util.function.Consumer<String> warnings;
  private LocalDate day;
  private int requestsToday;
  private boolean warnedToday;

  KeyCoordinator(String fingerprint, int limitPerMinute, Clock clock) {
    this(fingerprint, limitPerMinute, clock, LOG::warn);
  }

  /**
   * @param warnings where the daily-allowance warning goes (the log, or a test's list)
   */
  KeyCoordinator(
      String fingerprint,
      int limitPerMinute,
      Clock clock,
      java.util.function.Consumer<String> warnings) {
    this.fingerprint = fingerprint;
    this.limiter = new RollingWindowLimiter(limitPerMinute, WINDOW_NANOS, System::nanoTime);
    this.clock = clock;
    this.warnings = warnings;
  }

  /** Reserves a permit; returns how many milliseconds the caller must wait before sending. */
  long reserveMillis(int limitPerMinute) {
    return reserveMillis(limitPerMinute, Long.MAX_VALUE);
  }

  /**
   * Reserves a permit that may be used within {@code maxWaitMillis}; returns how many milliseconds
   * the caller must wait before sending. A longer wait is returned without reserving anything: the
   * caller will not wait for it.
   */
  long reserveMillis(int limitPerMinute, long maxWaitMillis) {
    limiter.setLimit(limitPerMinute);
    long now = System.nanoTime();
    long maxWaitNanos =
        maxWaitMillis >= Long.MAX_VALUE / 1_000_000
            ? Long.MAX_VALUE
            : TimeUnit.MILLISECONDS.toNanos(maxWaitMillis);
    RollingWindowLimiter.Reservation permit = limiter.reserveWithin(maxWaitNanos);
    long waitMillis = Math.max(0, TimeUnit.NANOSECONDS.toMillis(permit.at() - now));
    if (!permit.granted()) {
      return Math.max(waitMillis, maxWaitMillis + 1);
    }
    count();
    return Math.min(waitMillis, maxWaitMillis);
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
      warnings.accept(
          "OpenRouter API key "
              + fingerprint
              + " has sent "
              + requestsToday
              + " requests today (UTC) from"
              + " this Spark application: 80% of the account's "
              + DAILY_ALLOWANCE
              + " per day. Further requests"
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
