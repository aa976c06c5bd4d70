package io.github.openrouterspark.plan;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Plans the daily rows of one parameter set when some wanted days are already in memory: the days
 * not in memory are covered with the fewest windows ({@link WindowPlanner}, as without a cache),
 * and the days in memory are served from it.
 *
 * <p>A window may have to span days in memory to cover days on both sides of them (e.g. with March
 * in memory, 02-20..02-28 and 04-01..04-10 are one window 02-20..04-10 rather than two): the fewest
 * requests come first, and those days then arrive in the window's response anyway, so they are read
 * from it, not from memory. Only days in memory outside every window are served from memory, in
 * runs split at the windows so that the rows of the runs and windows, taken in date order, come out
 * in date order.
 */
public final class CachedDaysPlanner {
  private CachedDaysPlanner() {}

  /**
   * @param wanted the (bounded) days the query reads
   * @param cached the days held in memory (only those also wanted count)
   * @param windowDays the most days one window covers
   */
  public static CachedDaysPlan plan(DateSet wanted, DateSet cached, int windowDays) {
    DateSet fromMemory = wanted.intersect(cached);
    List<Window> windows =
        WindowPlanner.plan(wanted.intersect(fromMemory.complement()), windowDays);
    DateSet covered = DateSet.NONE;
    for (Window w : windows) {
      covered = covered.union(DateSet.of(w.start(), w.end()));
    }
    DateSet served = fromMemory.intersect(covered.complement());
    // Group the served ranges by the gap between windows they fall in (none overlaps a window).
    Map<Integer, List<DateRange>> byGap = new TreeMap<>();
    for (DateRange range : served.ranges()) {
      byGap
          .computeIfAbsent(windowsBefore(windows, range.start()), g -> new ArrayList<>())
          .add(range);
    }
    List<DateSet> runs = new ArrayList<>();
    for (List<DateRange> ranges : byGap.values()) {
      DateSet run = DateSet.NONE;
      for (DateRange r : ranges) {
        run = run.union(DateSet.of(r));
      }
      runs.add(run);
    }
    return new CachedDaysPlan(windows, runs);
  }

  private static int windowsBefore(List<Window> windows, LocalDate day) {
    int n = 0;
    for (Window w : windows) {
      if (w.end().isBefore(day)) {
        n++;
      }
    }
    return n;
  }
}
