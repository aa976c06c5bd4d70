package io.github.openrouterspark.plan;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits an analytics time range into the fewest windows within a cap. With a granularity every
 * inner boundary is a bucket start, so no bucket is cut in two (each row then comes from exactly
 * one window); without one, windows are equal slices of the cap.
 */
public final class AnalyticsWindowPlanner {
  private AnalyticsWindowPlanner() {}

  public static List<TimeWindow> plan(
      Instant start, Instant end, AnalyticsGranularity granularity, Duration cap) {
    List<TimeWindow> windows = new ArrayList<>();
    Instant from = start;
    while (from.isBefore(end)) {
      Instant to =
          granularity == null
              ? min(from.plus(cap), end)
              : bucketAlignedEnd(from, end, granularity, cap);
      windows.add(new TimeWindow(from, to));
      from = to;
    }
    return windows;
  }

  /**
   * Two halves of {@code window} that together return the same rows, or null when it cannot be
   * split: with a granularity, at a bucket start near the middle (null for a single bucket);
   * without one, at the middle second (null below two seconds).
   */
  public static TimeWindow[] split(TimeWindow window, AnalyticsGranularity granularity) {
    Instant middle = window.start().plus(window.length().dividedBy(2));
    Instant at;
    if (granularity == null) {
      at = middle.truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    } else {
      at = granularity.floor(middle);
      if (!at.isAfter(window.start())) {
        at = granularity.next(window.start());
      }
    }
    if (!at.isAfter(window.start()) || !at.isBefore(window.end())) {
      return null;
    }
    return new TimeWindow[] {new TimeWindow(window.start(), at), new TimeWindow(at, window.end())};
  }

  private static Instant bucketAlignedEnd(
      Instant from, Instant end, AnalyticsGranularity granularity, Duration cap) {
    Instant to = granularity.next(from);
    if (Duration.between(from, to).compareTo(cap) > 0) {
      // One bucket longer than the cap (cannot happen with the API's caps): send the cap.
      return min(from.plus(cap), end);
    }
    while (to.isBefore(end)) {
      Instant further = granularity.next(to);
      if (Duration.between(from, min(further, end)).compareTo(cap) > 0) {
        break;
      }
      to = further;
    }
    return min(to, end);
  }

  private static Instant min(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }
}
