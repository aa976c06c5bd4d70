package io.github.openrouterspark.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CachedDaysPlannerTest {
  private static LocalDate d(String iso) {
    return LocalDate.parse(iso);
  }

  private static DateSet range(String a, String b) {
    return DateSet.of(d(a), d(b));
  }

  private static Window w(String a, String b) {
    return new Window(d(a), d(b));
  }

  @Test
  void nothingCachedIsThePlainWindowPlan() {
    DateSet wanted = range("2025-01-01", "2025-12-31").union(range("2026-03-01", "2026-03-05"));
    CachedDaysPlan plan = CachedDaysPlanner.plan(wanted, DateSet.NONE, 366);
    assertEquals(WindowPlanner.plan(wanted, 366), plan.windows());
    assertEquals(List.of(), plan.cachedRuns());
    assertEquals(0, plan.cachedDayCount());
  }

  @Test
  void everythingCachedSendsNothing() {
    DateSet wanted = range("2025-03-01", "2025-03-31");
    CachedDaysPlan plan = CachedDaysPlanner.plan(wanted, range("2025-02-01", "2025-04-30"), 366);
    assertEquals(List.of(), plan.windows());
    assertEquals(List.of(wanted), plan.cachedRuns());
    assertEquals(31, plan.cachedDayCount());
  }

  @Test
  void onlyTheMissingDaysAreFetched() {
    CachedDaysPlan plan =
        CachedDaysPlanner.plan(
            range("2025-03-15", "2025-04-20"), range("2025-03-01", "2025-03-31"), 366);
    assertEquals(List.of(w("2025-04-01", "2025-04-20")), plan.windows());
    assertEquals(List.of(range("2025-03-15", "2025-03-31")), plan.cachedRuns());
    assertEquals(1, plan.requestCount());
    assertEquals(17, plan.cachedDayCount());
  }

  @Test
  void oneWindowSpansCachedDaysWhenThatSavesARequest() {
    CachedDaysPlan plan =
        CachedDaysPlanner.plan(
            range("2025-02-20", "2025-04-10"), range("2025-03-01", "2025-03-31"), 366);
    assertEquals(List.of(w("2025-02-20", "2025-04-10")), plan.windows());
    assertEquals(List.of(), plan.cachedRuns(), "the spanned days come with the window's response");
  }

  @Test
  void shortWindowsLeaveCachedRunsBetweenThemInDateOrder() {
    CachedDaysPlan plan =
        CachedDaysPlanner.plan(
            range("2025-02-20", "2025-04-10"), range("2025-03-01", "2025-03-31"), 10);
    assertEquals(
        List.of(w("2025-02-20", "2025-02-28"), w("2025-04-01", "2025-04-10")), plan.windows());
    assertEquals(List.of(range("2025-03-01", "2025-03-31")), plan.cachedRuns());
    List<String> order = plan.inDateOrder(Window::toString, DateSet::toString);
    assertEquals(
        List.of("2025-02-20..2025-02-28", "{2025-03-01..2025-03-31}", "2025-04-01..2025-04-10"),
        order);
  }

  @Test
  void cachedDaysOutsideTheWantedDaysDoNotCount() {
    DateSet wanted = DateSet.ofDates(List.of(d("2025-03-01"), d("2025-03-20")));
    CachedDaysPlan plan = CachedDaysPlanner.plan(wanted, range("2025-03-05", "2025-03-25"), 366);
    assertEquals(List.of(w("2025-03-01", "2025-03-01")), plan.windows());
    assertEquals(List.of(DateSet.of(d("2025-03-20"), d("2025-03-20"))), plan.cachedRuns());
  }

  @Test
  void runsInTheSameGapBetweenWindowsFormOnePart() {
    // Wanted: two separate cached ranges after the only window.
    DateSet wanted =
        range("2025-01-01", "2025-01-05")
            .union(range("2025-02-01", "2025-02-03"))
            .union(range("2025-02-10", "2025-02-12"));
    DateSet cached = range("2025-02-01", "2025-02-28");
    CachedDaysPlan plan = CachedDaysPlanner.plan(wanted, cached, 7);
    assertEquals(List.of(w("2025-01-01", "2025-01-05")), plan.windows());
    assertEquals(
        List.of(range("2025-02-01", "2025-02-03").union(range("2025-02-10", "2025-02-12"))),
        plan.cachedRuns());
    assertEquals(6, plan.cachedDayCount());
  }

  /**
   * Random sets: every wanted day is in exactly one window or run; no more windows than without a
   * cache.
   */
  @Test
  void randomPlansCoverEachWantedDayOnce() {
    Random random = new Random(7);
    LocalDate base = d("2025-01-01");
    for (int trial = 0; trial < 300; trial++) {
      List<LocalDate> wantedDays = new ArrayList<>();
      List<LocalDate> cachedDays = new ArrayList<>();
      for (int i = 0; i < 120; i++) {
        if (random.nextInt(3) > 0) {
          wantedDays.add(base.plusDays(i));
        }
        if (random.nextInt(2) == 0) {
          cachedDays.add(base.plusDays(i));
        }
      }
      DateSet wanted = DateSet.ofDates(wantedDays);
      DateSet cached = DateSet.ofDates(cachedDays);
      int maxDays = 1 + random.nextInt(40);
      CachedDaysPlan plan = CachedDaysPlanner.plan(wanted, cached, maxDays);
      String ctx =
          "wanted=" + wanted + " cached=" + cached + " maxDays=" + maxDays + " plan=" + plan;
      assertTrue(plan.requestCount() <= WindowPlanner.plan(wanted, maxDays).size(), ctx);
      for (LocalDate day : wantedDays) {
        int in = 0;
        for (Window win : plan.windows()) {
          in += !day.isBefore(win.start()) && !day.isAfter(win.end()) ? 1 : 0;
        }
        for (DateSet run : plan.cachedRuns()) {
          in += run.contains(day) ? 1 : 0;
          assertTrue(!run.contains(day) || cached.contains(day), ctx);
        }
        assertEquals(1, in, ctx + ": " + day);
        if (!cached.contains(day)) {
          assertTrue(plan.cachedRuns().stream().noneMatch(r -> r.contains(day)), ctx);
        }
      }
      for (Window win : plan.windows()) {
        assertTrue(win.days() <= maxDays, ctx);
      }
      // Parts in date order do not interleave: each part ends before the next starts.
      List<LocalDate[]> parts =
          plan.inDateOrder(
              win -> new LocalDate[] {win.start(), win.end()},
              run -> new LocalDate[] {run.first(), run.last()});
      for (int i = 1; i < parts.size(); i++) {
        assertTrue(parts.get(i - 1)[1].isBefore(parts.get(i)[0]), ctx);
      }
    }
  }
}
