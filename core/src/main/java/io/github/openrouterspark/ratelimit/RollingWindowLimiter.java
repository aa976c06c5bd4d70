package io.github.openrouterspark.ratelimit;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.function.LongSupplier;

/**
 * Grants at most {@code limit} permits in any rolling window, by reservation: {@link #reserve()}
 * returns the instant at which the caller may send, never earlier than the permit {@code limit}
 * places before it plus the window. This is the API's own limiter (a rolling minute per key), so a
 * sender that follows it gets no 429 and loses no time: a token bucket refilled at {@code
 * limit}/minute would either allow twice the limit in some minute (burst plus refill) or, halved to
 * be safe, run at half speed. Reservations are handed out in time order.
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
    return reserveWithin(Long.MAX_VALUE).at();
  }

  /**
   * @param at the clock time at which the permit may be used
   * @param granted false when that was too far away, and nothing was reserved
   */
  public record Reservation(long at, boolean granted) {}

  /**
   * Reserves the next permit if it may be used within {@code maxWaitNanos} from now; returns when
   * it may be used. When that is later, nothing is reserved (a caller that will not wait so long
   * must not hold a slot others could use) and the returned time says how long the wait would have
   * been.
   */
  public synchronized Reservation reserveWithin(long maxWaitNanos) {
    long now = clock.getAsLong();
    long at = Math.max(now, pausedUntil);
    if (!granted.isEmpty()) {
      at = Math.max(at, granted.peekLast());
    }
    // The permit `limit` places back must have left the window; only it can hold this one back,
    // as reservations are in time order.
    int excess = granted.size() - limit;
    if (excess >= 0) {
      at = Math.max(at, nth(excess) + windowNanos);
    }
    if (at - now > maxWaitNanos) {
      return new Reservation(at, false);
    }
    for (int i = 0; i <= excess; i++) {
      granted.pollFirst();
    }
    granted.addLast(at);
    return new Reservation(at, true);
  }

  private long nth(int index) {
    Iterator<Long> it = granted.iterator();
    for (int i = 0; i < index; i++) {
      it.next();
    }
    return it.next();
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
