package io.github.openrouterspark.plan;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * How one parameter set's days are read when some of them are held in memory: the windows still to
 * fetch (one request each) and the runs of days served from memory. Computed without I/O.
 *
 * @param windows sorted, disjoint; they cover every wanted day that is not served from memory
 * @param cachedRuns sorted, disjoint, each non-empty and lying between two consecutive windows (or
 *     before the first, or after the last): the days served from memory, disjoint from the windows
 */
public record CachedDaysPlan(List<Window> windows, List<DateSet> cachedRuns)
    implements Serializable {
  public CachedDaysPlan {
    windows = List.copyOf(windows);
    cachedRuns = List.copyOf(cachedRuns);
  }

  /** A plan that fetches {@code windows} and serves nothing from memory. */
  public static CachedDaysPlan fetchAll(List<Window> windows) {
    return new CachedDaysPlan(windows, List.of());
  }

  public int requestCount() {
    return windows.size();
  }

  /** How many days are served from memory. */
  public long cachedDayCount() {
    return cachedRuns.stream().flatMap(r -> r.ranges().stream()).mapToLong(DateRange::days).sum();
  }

  /**
   * The windows and runs as one list in date order (they are disjoint, so ordering by their first
   * days orders all their rows by date).
   */
  public <T> List<T> inDateOrder(Function<Window, T> ofWindow, Function<DateSet, T> ofRun) {
    record Part<T>(java.time.LocalDate first, T value) {}
    List<Part<T>> parts = new ArrayList<>();
    windows.forEach(w -> parts.add(new Part<>(w.start(), ofWindow.apply(w))));
    cachedRuns.forEach(r -> parts.add(new Part<>(r.first(), ofRun.apply(r))));
    parts.sort(Comparator.comparing(Part::first));
    return parts.stream().map(Part::value).toList();
  }
}
