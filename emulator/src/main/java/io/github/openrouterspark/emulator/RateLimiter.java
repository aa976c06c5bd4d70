package io.github.openrouterspark.emulator;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/**
 * The Data API quotas: at most {@code perMinute} accepted requests per key in any rolling 60
 * seconds, and {@code perDay} per account per UTC day. Time comes from the caller (the emulator
 * clock), never from the system, so tests move through windows without sleeping. A rejected request
 * consumes neither quota. Both limits can change while requests flow; a change applies from the
 * next request on, against the requests already counted.
 */
final class RateLimiter {
  private static final Duration WINDOW = Duration.ofMinutes(1);

  private int perMinute;
  private int perDay;
  private final Map<String, Deque<Instant>> acceptedByKey = new HashMap<>();
  private final Map<String, DayCount> dayCountByAccount = new HashMap<>();

  private record DayCount(LocalDate day, int count) {}

  /**
   * Why a request was refused.
   *
   * @param limit the limit that refused it, per minute or per day; when both did, the one that
   *     lasts longer, since that is the one the client has to wait out
   * @param retryAt the earliest instant at which the same request would be accepted, if nothing
   *     else is accepted meanwhile: when the oldest counted request that keeps the window full
   *     leaves it (exactly 60 s after it), or the next UTC midnight
   */
  record Rejection(int limit, Instant retryAt) {}

  RateLimiter(int perMinute, int perDay) {
    setPerMinute(perMinute);
    setPerDay(perDay);
  }

  synchronized void setPerMinute(int perMinute) {
    this.perMinute = positive(perMinute, "rateLimitPerMinute");
  }

  synchronized void setPerDay(int perDay) {
    this.perDay = positive(perDay, "dailyLimitPerAccount");
  }

  /** Records the request and returns empty if both quotas allow it, else changes nothing. */
  synchronized Optional<Rejection> tryAcquire(String key, String account, Instant now) {
    Deque<Instant> recent = acceptedByKey.computeIfAbsent(key, k -> new ArrayDeque<>());
    Instant windowStart = now.minus(WINDOW);
    while (!recent.isEmpty() && !recent.peekFirst().isAfter(windowStart)) {
      recent.removeFirst();
    }
    LocalDate day = SyntheticMarket.today(now);
    DayCount used = dayCountByAccount.get(account);
    int usedToday = used != null && used.day().equals(day) ? used.count() : 0;
    Rejection minute =
        recent.size() < perMinute
            ? null
            // A lowered limit can leave more than perMinute in the window; all but perMinute - 1
            // of them must leave, so the wait ends when the last of those does.
            : new Rejection(perMinute, nth(recent, recent.size() - perMinute).plus(WINDOW));
    Rejection daily =
        usedToday < perDay
            ? null
            : new Rejection(perDay, day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
    if (minute != null && (daily == null || daily.retryAt().isBefore(minute.retryAt()))) {
      return Optional.of(minute);
    }
    if (daily != null) {
      return Optional.of(daily);
    }
    recent.addLast(now);
    dayCountByAccount.put(account, new DayCount(day, usedToday + 1));
    return Optional.empty();
  }

  private static Instant nth(Deque<Instant> oldestFirst, int index) {
    Iterator<Instant> it = oldestFirst.iterator();
    for (int i = 0; i < index; i++) {
      it.next();
    }
    return it.next();
  }

  private static int positive(int n, String name) {
    if (n < 1) {
      throw new IllegalArgumentException(name + " must be positive, got " + n);
    }
    return n;
  }
}
