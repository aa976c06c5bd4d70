package io.github.openrouterspark.emulator;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * The Data API quotas: at most {@code perMinute} accepted requests per key in any rolling 60
 * seconds, and {@code perDay} per account per UTC day. Time comes from the caller (the emulator
 * clock), never from the system, so tests move through windows without sleeping. A rejected
 * request consumes neither quota.
 */
final class RateLimiter {
  private static final Duration WINDOW = Duration.ofMinutes(1);

  private final int perMinute;
  private final int perDay;
  private final Map<String, Deque<Instant>> acceptedByKey = new HashMap<>();
  private final Map<String, DayCount> dayCountByAccount = new HashMap<>();

  private record DayCount(LocalDate day, int count) {}

  RateLimiter(int perMinute, int perDay) {
    if (perMinute < 1 || perDay < 1) {
      throw new IllegalArgumentException("Rate limits must be positive");
    }
    this.perMinute = perMinute;
    this.perDay = perDay;
  }

  /** Records the request and returns true if both quotas allow it, else changes nothing. */
  synchronized boolean tryAcquire(String key, String account, Instant now) {
    Deque<Instant> recent = acceptedByKey.computeIfAbsent(key, k -> new ArrayDeque<>());
    Instant windowStart = now.minus(WINDOW);
    while (!recent.isEmpty() && !recent.peekFirst().isAfter(windowStart)) {
      recent.removeFirst();
    }
    LocalDate day = SyntheticMarket.today(now);
    DayCount used = dayCountByAccount.get(account);
    int usedToday = used != null && used.day().equals(day) ? used.count() : 0;
    if (recent.size() >= perMinute || usedToday >= perDay) {
      return false;
    }
    recent.addLast(now);
    dayCountByAccount.put(account, new DayCount(day, usedToday + 1));
    return true;
  }
}
