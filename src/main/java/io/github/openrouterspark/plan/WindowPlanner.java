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
        LocalDate limit = windowStart == null ? null : windowStart.plusDays(maxDays - 1L);
        if (limit == null || next.isAfter(limit)) {
          if (windowStart != null) {
            windows.add(new Window(windowStart, windowEnd));
          }
          windowStart = next;
          limit = next.plusDays(maxDays - 1L);
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
}
