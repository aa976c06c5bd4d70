package io.github.openrouterspark.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class WindowPlannerTest {
  static LocalDate d(String iso) {
    return LocalDate.parse(iso);
  }

  static Window w(String start, String end) {
    return new Window(d(start), d(end));
  }

  /**
   * Every date in exactly one window; sorted, disjoint, at most maxDays each; ends on set dates.
   */
  static void assertInvariant(DateSet dates, int maxDays, List<Window> windows) {
    String ctx = "dates=" + dates + " maxDays=" + maxDays + " windows=" + windows;
    for (int i = 0; i < windows.size(); i++) {
      Window win = windows.get(i);
      assertTrue(win.days() >= 1 && win.days() <= maxDays, ctx + ": window too long: " + win);
      assertTrue(dates.contains(win.start()), ctx + ": window starts outside the set: " + win);
      assertTrue(dates.contains(win.end()), ctx + ": window ends outside the set: " + win);
      if (i > 0) {
        assertTrue(
            win.start().isAfter(windows.get(i - 1).end()),
            ctx + ": windows overlap or are unsorted");
      }
    }
    for (DateRange r : dates.ranges()) {
      for (LocalDate x = r.start(); !x.isAfter(r.end()); x = x.plusDays(1)) {
        int covering = 0;
        for (Window win : windows) {
          if (!x.isBefore(win.start()) && !x.isAfter(win.end())) {
            covering++;
          }
        }
        assertEquals(1, covering, ctx + ": date " + x + " is in " + covering + " windows");
      }
    }
  }

  /**
   * The fewest windows of {@code maxDays} days covering {@code points} (day offsets), by exhaustive
   * search: the first uncovered point must lie in some window, so try every window containing it.
   */
  static int bruteForceMinimum(List<Integer> points, int maxDays) {
    return minCover(points, 0, maxDays, new HashMap<>());
  }

  private static int minCover(
      List<Integer> points, long coveredMask, int maxDays, Map<Long, Integer> memo) {
    int first = -1;
    for (int i = 0; i < points.size(); i++) {
      if ((coveredMask & (1L << i)) == 0) {
        first = i;
        break;
      }
    }
    if (first < 0) {
      return 0;
    }
    Integer known = memo.get(coveredMask);
    if (known != null) {
      return known;
    }
    int p = points.get(first);
    int best = Integer.MAX_VALUE;
    for (int start = p - maxDays + 1; start <= p; start++) {
      int end = start + maxDays - 1;
      long mask = coveredMask;
      for (int i = 0; i < points.size(); i++) {
        int q = points.get(i);
        if (q >= start && q <= end) {
          mask |= 1L << i;
        }
      }
      best = Math.min(best, 1 + minCover(points, mask, maxDays, memo));
    }
    memo.put(coveredMask, best);
    return best;
  }

  @Test
  void emptySetNeedsNoWindows() {
    assertEquals(List.of(), WindowPlanner.plan(DateSet.NONE, 366));
    assertEquals(List.of(), WindowPlanner.plan(DateSet.NONE, 1));
  }

  @Test
  void singleDate() {
    assertEquals(
        List.of(w("2025-03-01", "2025-03-01")),
        WindowPlanner.plan(DateSet.of(d("2025-03-01"), d("2025-03-01")), 366));
  }

  @Test
  void wholeYear2025InOneWindow() {
    DateSet year = DateSet.of(d("2025-01-01"), d("2025-12-31"));
    assertEquals(List.of(w("2025-01-01", "2025-12-31")), WindowPlanner.plan(year, 366));
  }

  @Test
  void leapYear2024Of366DaysInOneWindow() {
    DateSet year = DateSet.of(d("2024-01-01"), d("2024-12-31"));
    assertEquals(366, year.ranges().get(0).days());
    List<Window> windows = WindowPlanner.plan(year, 366);
    assertEquals(List.of(w("2024-01-01", "2024-12-31")), windows);
    assertEquals(366, windows.get(0).days());
  }

  @Test
  void range367DaysNeedsTwoWindows() {
    DateSet range = DateSet.of(d("2024-01-01"), d("2025-01-01"));
    assertEquals(367, range.ranges().get(0).days());
    assertEquals(
        List.of(w("2024-01-01", "2024-12-31"), w("2025-01-01", "2025-01-01")),
        WindowPlanner.plan(range, 366));
  }

  @Test
  void twoDatesSpanning366DaysShareOneWindow() {
    LocalDate x = d("2025-02-10");
    DateSet dates = DateSet.ofDates(List.of(x, x.plusDays(365)));
    List<Window> windows = WindowPlanner.plan(dates, 366);
    assertEquals(List.of(new Window(x, x.plusDays(365))), windows);
    assertEquals(366, windows.get(0).days());
  }

  @Test
  void twoDatesSpanning367DaysNeedTwoWindows() {
    LocalDate x = d("2025-02-10");
    DateSet dates = DateSet.ofDates(List.of(x, x.plusDays(366)));
    assertEquals(
        List.of(new Window(x, x), new Window(x.plusDays(366), x.plusDays(366))),
        WindowPlanner.plan(dates, 366));
  }

  @Test
  void sevenDayWindowsOverThirtyDays() {
    DateSet month = DateSet.of(d("2025-04-01"), d("2025-04-30"));
    List<Window> windows = WindowPlanner.plan(month, 7);
    assertEquals(
        List.of(
            w("2025-04-01", "2025-04-07"),
            w("2025-04-08", "2025-04-14"),
            w("2025-04-15", "2025-04-21"),
            w("2025-04-22", "2025-04-28"),
            w("2025-04-29", "2025-04-30")),
        windows);
    assertInvariant(month, 7, windows);
  }

  @Test
  void oneDayWindowsOnePerDate() {
    DateSet week = DateSet.of(d("2025-04-01"), d("2025-04-07"));
    List<Window> windows = WindowPlanner.plan(week, 1);
    assertEquals(7, windows.size());
    for (int i = 0; i < 7; i++) {
      assertEquals(
          new Window(d("2025-04-01").plusDays(i), d("2025-04-01").plusDays(i)), windows.get(i));
    }
  }

  @Test
  void windowSpansGapsButIsTrimmedToLastWantedDate() {
    DateSet dates = DateSet.ofDates(List.of(d("2025-03-01"), d("2025-03-05"), d("2025-03-20")));
    assertEquals(
        List.of(w("2025-03-01", "2025-03-05"), w("2025-03-20", "2025-03-20")),
        WindowPlanner.plan(dates, 10));
    assertEquals(List.of(w("2025-03-01", "2025-03-20")), WindowPlanner.plan(dates, 20));
  }

  @Test
  void rangeSplitAcrossWindowContinuesFromLimit() {
    // window 1 takes 03-01 and 03-03..03-07 (limit 03-07); the rest of the range starts window 2.
    DateSet dates =
        DateSet.ofDates(List.of(d("2025-03-01")))
            .union(DateSet.of(d("2025-03-03"), d("2025-03-12")));
    List<Window> windows = WindowPlanner.plan(dates, 7);
    assertEquals(List.of(w("2025-03-01", "2025-03-07"), w("2025-03-08", "2025-03-12")), windows);
    assertInvariant(dates, 7, windows);
  }

  @Test
  void resultIsImmutable() {
    List<Window> windows = WindowPlanner.plan(DateSet.of(d("2025-03-01"), d("2025-03-02")), 366);
    assertThrows(
        UnsupportedOperationException.class, () -> windows.add(w("2025-04-01", "2025-04-01")));
  }

  @Test
  void unboundedSetsAreRejected() {
    assertThrows(IllegalArgumentException.class, () -> WindowPlanner.plan(DateSet.ALL, 366));
    assertThrows(
        IllegalArgumentException.class,
        () -> WindowPlanner.plan(DateSet.atOrAfter(d("2025-01-01")), 366));
    assertThrows(
        IllegalArgumentException.class,
        () -> WindowPlanner.plan(DateSet.atOrBefore(d("2025-01-01")), 366));
    assertThrows(
        IllegalArgumentException.class,
        () -> WindowPlanner.plan(DateSet.of(d("2025-01-01"), d("2025-01-31")).complement(), 366));
  }

  @Test
  void nonPositiveMaxDaysIsRejected() {
    DateSet dates = DateSet.of(d("2025-01-01"), d("2025-01-31"));
    assertThrows(IllegalArgumentException.class, () -> WindowPlanner.plan(dates, 0));
    assertThrows(IllegalArgumentException.class, () -> WindowPlanner.plan(dates, -1));
    assertThrows(IllegalArgumentException.class, () -> WindowPlanner.plan(DateSet.NONE, 0));
  }

  @Test
  void longRangeWithDefaultWindowSize() {
    DateSet dates = DateSet.of(d("2025-01-01"), d("2027-12-31"));
    List<Window> windows = WindowPlanner.plan(dates, 366);
    long days = ChronoUnit.DAYS.between(d("2025-01-01"), d("2027-12-31")) + 1;
    assertEquals((days + 365) / 366, windows.size());
    assertInvariant(dates, 366, windows);
  }

  @Test
  void boundedSetNearMaxDoesNotOverflow() {
    LocalDate nearMax = LocalDate.MAX.minusDays(1);
    DateSet dates = DateSet.of(nearMax, nearMax);
    assertEquals(List.of(new Window(nearMax, nearMax)), WindowPlanner.plan(dates, 366));
  }

  @Test
  void randomizedInvariantAndMinimality() {
    Random random = new Random(7_366L);
    LocalDate base = d("2025-01-01");
    for (int n = 0; n < 500; n++) {
      int universe = 1 + random.nextInt(40);
      int maxDays = 1 + random.nextInt(10);
      double density = random.nextDouble();
      List<Integer> offsets = new ArrayList<>();
      List<LocalDate> list = new ArrayList<>();
      for (int i = 0; i < universe && offsets.size() < 60; i++) {
        if (random.nextDouble() < density) {
          offsets.add(i);
          list.add(base.plusDays(i));
        }
      }
      DateSet dates = DateSet.ofDates(list);
      List<Window> windows = WindowPlanner.plan(dates, maxDays);
      assertInvariant(dates, maxDays, windows);
      assertEquals(
          bruteForceMinimum(offsets, maxDays),
          windows.size(),
          "case " + n + ": dates=" + dates + " maxDays=" + maxDays + " windows=" + windows);
    }
  }

  @Test
  void randomizedWithLargeWindowsAndSparseDates() {
    Random random = new Random(20_260_615L);
    LocalDate base = d("2025-01-01");
    for (int n = 0; n < 200; n++) {
      int maxDays = 300 + random.nextInt(67);
      List<Integer> offsets = new ArrayList<>();
      List<LocalDate> list = new ArrayList<>();
      int count = random.nextInt(12);
      int offset = 0;
      for (int i = 0; i < count; i++) {
        offset += 1 + random.nextInt(250);
        offsets.add(offset);
        list.add(base.plusDays(offset));
      }
      DateSet dates = DateSet.ofDates(list);
      List<Window> windows = WindowPlanner.plan(dates, maxDays);
      assertInvariant(dates, maxDays, windows);
      assertEquals(bruteForceMinimum(offsets, maxDays), windows.size(), "case " + n + ": " + dates);
    }
  }
}
