package io.github.openrouterspark.plan;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Covers a set of dates with the fewest windows of at most {@code maxDays} days each. Greedy from
 * the earliest uncovered date is optimal for covering points with fixed-length intervals; each
 * window is then trimmed to the last wanted date it reaches, so dates that share a span share a
 * request and dates farther apart get their own.
 *
 * <p>Invariant: every date of the set lies in exactly one window; windows are sorted and disjoint.
 */
public final class WindowPlanner {
  private WindowPlanner() {}

  public static List<Window> plan(DateSet dates, int maxDays) {
    if (maxDays < 1) {
      throw new IllegalArgumentException("maxDays must be >= 1: " + maxDays);
    }
    List<Window> windows = new ArrayList<>();
    LocalDate windowStart = null;
    LocalDate windowEnd = null;
    for (DateRange range : dates.ranges()) {
      if (range.start().equals(LocalDate.MIN) || range.end().equals(LocalDate.MAX)) {
        throw new IllegalArgumentException("cannot plan windows over an unbounded range: " + range);
      }
      LocalDate next = range.start();
      while (!next.isAfter(range.end())) {
        LocalDate limit = windowStart == null ? null : lastDayOf(windowStart, maxDays);
        if (limit == null || next.isAfter(limit)) {
          if (windowStart != null) {
            windows.add(new Window(windowStart, windowEnd));
          }
          windowStart = next;
          limit = lastDayOf(next, maxDays);
        }
        windowEnd = range.end().isBefore(limit) ? range.end() : limit;
        next = windowEnd.plusDays(1);
      }
    }
    if (windowStart != null) {
      windows.add(new Window(windowStart, windowEnd));
    }
    return List.copyOf(windows);
  }

  /**
   * The last day a window starting at {@code start} may reach, saturating at the calendar's end.
   */
  private static LocalDate lastDayOf(LocalDate start, int maxDays) {
    return start.until(LocalDate.MAX, java.time.temporal.ChronoUnit.DAYS) < maxDays - 1L
        ? LocalDate.MAX
        : start.plusDays(maxDays - 1L);
  }
}
