package io.github.openrouterspark.ratelimit;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.LongSupplier;

/**
 * Grants at most {@code limit} permits in any rolling window, by reservation: {@link #reserve()}
 * returns the instant at which the caller may send, never earlier than the permit {@code limit}
 * places before it plus the window. This is the API's own limiter (a rolling minute per key), so
 * a sender that follows it gets no 429 and loses no time: a token bucket refilled at
 * {@code limit}/minute would either allow twice the limit in some minute (burst plus refill) or,
 * halved to be safe, run at half speed. Reservations are handed out in time order.
 *
 * <p>Times are nanoseconds of an injectable clock ({@link System#nanoTime()} in production).
 */
public final class RollingWindowLimiter {
  private final LongSupplier clock;
  private final long windowNanos;
  private final Deque<Long> granted = new ArrayDeque<>();
  private int limit;
  private long pausedUntil = Long.MIN_VALUE;

  public RollingWindowLimiter(int limit, long windowNanos, LongSupplier clock) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be >= 1: " + limit);
    }
    this.limit = limit;
    this.windowNanos = windowNanos;
    this.clock = clock;
  }

  /** Reserves the next permit; returns the clock time at which it may be used (now or later). */
  public synchronized long reserve() {
    long now = clock.getAsLong();
    long at = Math.max(now, pausedUntil);
    if (!granted.isEmpty()) {
      at = Math.max(at, granted.peekLast());
    }
    while (granted.size() >= limit) {
      at = Math.max(at, granted.pollFirst() + windowNanos);
    }
    granted.addLast(at);
    return at;
  }

  /** No permit before {@code until} (the API said to back off). */
  public synchronized void pauseUntil(long until) {
    pausedUntil = Math.max(pausedUntil, until);
  }

  /** Sets the limit for this and later reservations (the rate of the query now sending). */
  public synchronized void setLimit(int newLimit) {
    if (newLimit >= 1) {
      limit = newLimit;
    }
  }

  public synchronized int limit() {
    return limit;
  }
}
