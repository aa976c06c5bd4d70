package io.github.openrouterspark.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DatePlannerTest {
  static final LocalDate TODAY = LocalDate.of(2026, 6, 15);
  static final LocalDate YESTERDAY = TODAY.minusDays(1);
  static final int MAX = DatePlanner.MAX_WINDOW_DAYS;

  static LocalDate d(String iso) {
    return LocalDate.parse(iso);
  }

  static DatePlan plan(
      Optional<LocalDate> start, Optional<LocalDate> end, DateSet filter, int windowDays) {
    DatePlan plan = DatePlanner.plan(start, end, filter, TODAY, windowDays);
    WindowPlannerTest.assertInvariant(plan.dates(), windowDays, plan.windows());
    assertEquals(plan.windows().size(), plan.requestCount());
    if (!plan.dates().isEmpty()) {
      assertTrue(
          !plan.dates().first().isBefore(DatePlanner.FIRST_DAY), "no date before the first day");
      assertTrue(!plan.dates().last().isAfter(TODAY), "no date after today");
    }
    return plan;
  }

  static DatePlan plan(DateSet filter) {
    return plan(Optional.empty(), Optional.empty(), filter, MAX);
  }

  static DatePlan planOptions(String start, String end) {
    return plan(
        Optional.ofNullable(start).map(LocalDate::parse),
        Optional.ofNullable(end).map(LocalDate::parse),
        DateSet.ALL,
        MAX);
  }

  static long size(DateSet s) {
    return s.ranges().stream().mapToLong(DateRange::days).sum();
  }

  @Test
  void constants() {
    assertEquals(LocalDate.of(2025, 1, 1), DatePlanner.FIRST_DAY);
    assertEquals(366, DatePlanner.MAX_WINDOW_DAYS);
    assertEquals(30, DatePlanner.DEFAULT_LOOKBACK_DAYS);
  }

  @Test
  void defaultsReadTheLast31CompletedDays() {
    DatePlan p = plan(DateSet.ALL);
    assertEquals(DateSet.of(d("2026-05-15"), d("2026-06-14")), p.dates());
    assertEquals(31, size(p.dates()));
    assertEquals(List.of(new Window(d("2026-05-15"), d("2026-06-14"))), p.windows());
    assertEquals(1, p.requestCount());
  }

  @Test
  void startDateOptionWithDefaultEnd() {
    DatePlan p = planOptions("2026-01-01", null);
    assertEquals(DateSet.of(d("2026-01-01"), YESTERDAY), p.dates());
    assertEquals(1, p.requestCount());
  }

  @Test
  void endDateOptionWithDefaultStartLooksBack30Days() {
    DatePlan p = planOptions(null, "2026-03-31");
    assertEquals(DateSet.of(d("2026-03-01"), d("2026-03-31")), p.dates());
  }

  @Test
  void bothOptions() {
    DatePlan p = planOptions("2025-03-10", "2025-03-20");
    assertEquals(DateSet.of(d("2025-03-10"), d("2025-03-20")), p.dates());
    assertEquals(List.of(new Window(d("2025-03-10"), d("2025-03-20"))), p.windows());
  }

  @Test
  void singleDayByOptions() {
    DatePlan p = planOptions("2025-03-10", "2025-03-10");
    assertEquals(DateSet.of(d("2025-03-10"), d("2025-03-10")), p.dates());
    assertEquals(1, p.requestCount());
  }

  @Test
  void startBeforeFirstDayIsClamped() {
    DatePlan p = planOptions("2024-06-01", "2025-01-10");
    assertEquals(DateSet.of(d("2025-01-01"), d("2025-01-10")), p.dates());
    assertEquals(List.of(new Window(d("2025-01-01"), d("2025-01-10"))), p.windows());
  }

  @Test
  void rangeWhollyBeforeFirstDayIsEmpty() {
    DatePlan p = planOptions("2024-01-01", "2024-12-31");
    assertEquals(DateSet.NONE, p.dates());
    assertEquals(List.of(), p.windows());
    assertEquals(0, p.requestCount());
  }

  @Test
  void endBeforeFirstDayWithDefaultStartIsEmpty() {
    DatePlan p = planOptions(null, "2024-12-31");
    assertEquals(DateSet.NONE, p.dates());
    assertEquals(0, p.requestCount());
  }

  @Test
  void endDateOptionInTheFutureIsCappedAtToday() {
    DatePlan p = planOptions("2026-06-01", "2026-12-31");
    assertEquals(DateSet.of(d("2026-06-01"), TODAY), p.dates());
    assertEquals(List.of(new Window(d("2026-06-01"), TODAY)), p.windows());
  }

  @Test
  void endDateOptionInTheFutureWithDefaultStartLooksBackFromTheOption() {
    // The default start is 30 days before the end *option*, then the end is capped at today.
    DatePlan p = planOptions(null, "2026-07-01");
    assertEquals(DateSet.of(d("2026-06-01"), TODAY), p.dates());
  }

  @Test
  void wholeRangeInTheFutureIsEmpty() {
    DatePlan p = planOptions("2026-07-01", "2026-07-31");
    assertEquals(DateSet.NONE, p.dates());
    assertEquals(0, p.requestCount());
  }

  @Test
  void startDateOptionOfTodayWithDefaultEndReadsToday() {
    // Asking to start today means today's live totals, not an empty range ending yesterday.
    DatePlan p = planOptions(TODAY.toString(), null);
    assertEquals(DateSet.of(TODAY, TODAY), p.dates());
    assertEquals(1, p.requestCount());
  }

  @Test
  void startAfterEndGivesNoDates() {
    DatePlan p = planOptions("2026-03-10", "2026-03-01");
    assertEquals(DateSet.NONE, p.dates());
    assertEquals(0, p.requestCount());
  }

  @Test
  void filterBoundedBothWaysReplacesDefaults() {
    DateSet filter = DateSet.of(d("2025-03-01"), d("2025-03-10"));
    DatePlan p = plan(filter);
    assertEquals(filter, p.dates());
    assertEquals(List.of(new Window(d("2025-03-01"), d("2025-03-10"))), p.windows());
  }

  @Test
  void filterBoundedBelowOnlyReplacesDefaultStart() {
    DatePlan p = plan(DateSet.atOrAfter(d("2026-01-01")));
    assertEquals(DateSet.of(d("2026-01-01"), YESTERDAY), p.dates());
  }

  @Test
  void filterBoundedAboveOnlyReplacesDefaultEndAndLooksBack30Days() {
    DatePlan p = plan(DateSet.atOrBefore(d("2026-03-31")));
    assertEquals(DateSet.of(d("2026-03-01"), d("2026-03-31")), p.dates());
  }

  @Test
  void filterStrictlyBeforeDate() {
    DatePlan p = plan(DateSet.before(d("2026-04-01")));
    assertEquals(DateSet.of(d("2026-03-01"), d("2026-03-31")), p.dates());
  }

  @Test
  void filterBoundedAboveBeyondTodayEndsToday() {
    DatePlan p = plan(DateSet.atOrBefore(d("2026-12-31")));
    assertEquals(DateSet.of(TODAY.minusDays(30), TODAY), p.dates());
    assertEquals(31, size(p.dates()));
  }

  @Test
  void filterEqualToTodayIncludesToday() {
    DatePlan p = plan(DateSet.of(TODAY, TODAY));
    assertEquals(DateSet.of(TODAY, TODAY), p.dates());
    assertEquals(List.of(new Window(TODAY, TODAY)), p.windows());
  }

  @Test
  void filterBetweenYesterdayAndTodayIncludesBoth() {
    DatePlan p = plan(DateSet.of(YESTERDAY, TODAY));
    assertEquals(DateSet.of(YESTERDAY, TODAY), p.dates());
  }

  @Test
  void filterAtOrAfterTodayReadsToday() {
    DatePlan p = plan(DateSet.atOrAfter(TODAY));
    assertEquals(DateSet.of(TODAY, TODAY), p.dates());
    assertEquals(1, p.requestCount());
  }

  @Test
  void filterInTheFutureIsEmpty() {
    assertEquals(DateSet.NONE, plan(DateSet.of(d("2026-07-01"), d("2026-07-05"))).dates());
    assertEquals(DateSet.NONE, plan(DateSet.atOrAfter(d("2027-01-01"))).dates());
  }

  @Test
  void filterBeforeFirstDayIsEmpty() {
    assertEquals(DateSet.NONE, plan(DateSet.of(d("2024-06-01"), d("2024-12-31"))).dates());
    assertEquals(DateSet.NONE, plan(DateSet.before(d("2025-01-01"))).dates());
  }

  @Test
  void filterStartingBeforeFirstDayIsClamped() {
    DatePlan p = plan(DateSet.of(d("2024-12-01"), d("2025-01-05")));
    assertEquals(DateSet.of(d("2025-01-01"), d("2025-01-05")), p.dates());
  }

  @Test
  void emptyFilterGivesNoWindowsWhateverTheOptions() {
    assertEquals(0, plan(DateSet.NONE).requestCount());
    assertEquals(DateSet.NONE, plan(DateSet.NONE).dates());
    DatePlan p = plan(Optional.of(d("2025-01-01")), Optional.of(d("2026-01-01")), DateSet.NONE, 7);
    assertEquals(DateSet.NONE, p.dates());
    assertEquals(List.of(), p.windows());
  }

  @Test
  void sparseFilterUsesItsFirstAndLastDates() {
    DateSet filter = DateSet.ofDates(List.of(d("2025-06-01"), d("2026-06-01")));
    DatePlan p = plan(filter);
    assertEquals(filter, p.dates());
    assertEquals(List.of(new Window(d("2025-06-01"), d("2026-06-01"))), p.windows());
    assertEquals(366, p.windows().get(0).days());
  }

  @Test
  void sparseFilterFartherApartNeedsTwoWindows() {
    DateSet filter = DateSet.ofDates(List.of(d("2025-01-01"), d("2026-06-01")));
    DatePlan p = plan(filter);
    assertEquals(filter, p.dates());
    assertEquals(
        List.of(
            new Window(d("2025-01-01"), d("2025-01-01")),
            new Window(d("2026-06-01"), d("2026-06-01"))),
        p.windows());
  }

  @Test
  void filterWithHolesKeepsHolesInDates() {
    DateSet filter =
        DateSet.of(d("2026-06-01"), d("2026-06-10"))
            .intersect(DateSet.of(d("2026-06-05"), d("2026-06-05")).complement());
    DatePlan p = plan(filter);
    assertEquals(filter, p.dates());
    assertTrue(!p.dates().contains(d("2026-06-05")));
    assertEquals(List.of(new Window(d("2026-06-01"), d("2026-06-10"))), p.windows());
  }

  @Test
  void optionsWinOverFilterBoundsAndTheFilterStillNarrows() {
    DateSet filter = DateSet.ofDates(List.of(d("2025-12-31"), d("2026-01-15"), d("2026-02-01")));
    DatePlan p = plan(Optional.of(d("2026-01-01")), Optional.of(d("2026-01-31")), filter, MAX);
    assertEquals(DateSet.of(d("2026-01-15"), d("2026-01-15")), p.dates());
    assertEquals(1, p.requestCount());
  }

  @Test
  void startOptionWithFilterBoundedAbove() {
    DatePlan p =
        plan(
            Optional.of(d("2026-01-01")),
            Optional.empty(),
            DateSet.atOrBefore(d("2026-02-10")),
            MAX);
    assertEquals(DateSet.of(d("2026-01-01"), d("2026-02-10")), p.dates());
  }

  @Test
  void endOptionWithFilterBoundedBelow() {
    DatePlan p =
        plan(Optional.empty(), Optional.of(d("2026-02-10")), DateSet.after(d("2025-11-30")), MAX);
    assertEquals(DateSet.of(d("2025-12-01"), d("2026-02-10")), p.dates());
  }

  @Test
  void fullHistoryNeedsTwoWindowsByDefault() {
    DatePlan p = planOptions("2025-01-01", null);
    assertEquals(DateSet.of(d("2025-01-01"), YESTERDAY), p.dates());
    assertEquals(530, size(p.dates()));
    assertEquals(
        List.of(
            new Window(d("2025-01-01"), d("2026-01-01")), new Window(d("2026-01-02"), YESTERDAY)),
        p.windows());
    // Same through a filter, and through a start before the first day.
    assertEquals(p, plan(DateSet.atOrAfter(d("2025-01-01"))));
    assertEquals(p, planOptions("2020-01-01", null));
  }

  @Test
  void windowDays30OverTheDefaultRange() {
    DatePlan p = plan(Optional.empty(), Optional.empty(), DateSet.ALL, 30);
    assertEquals(
        List.of(new Window(d("2026-05-15"), d("2026-06-13")), new Window(YESTERDAY, YESTERDAY)),
        p.windows());
  }

  @Test
  void windowDays30OverFullHistory() {
    DatePlan p = plan(Optional.of(d("2025-01-01")), Optional.empty(), DateSet.ALL, 30);
    long days = ChronoUnit.DAYS.between(d("2025-01-01"), YESTERDAY) + 1;
    assertEquals(530, days);
    assertEquals(18, p.requestCount()); // ceil(530 / 30)
  }

  @Test
  void windowDaysOneIsOneRequestPerDay() {
    assertEquals(31, plan(Optional.empty(), Optional.empty(), DateSet.ALL, 1).requestCount());
  }

  @ParameterizedTest
  @ValueSource(ints = {0, -1, 367, 1000, Integer.MIN_VALUE, Integer.MAX_VALUE})
  void windowDaysOutOfRangeIsRejected(int windowDays) {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                DatePlanner.plan(
                    Optional.empty(), Optional.empty(), DateSet.ALL, TODAY, windowDays));
    assertTrue(e.getMessage().contains("windowDays"), e.getMessage());
    assertTrue(e.getMessage().contains(String.valueOf(windowDays)), e.getMessage());
  }

  @Test
  void windowDaysOutOfRangeIsRejectedEvenForEmptyFilter() {
    assertThrows(
        IllegalArgumentException.class,
        () -> DatePlanner.plan(Optional.empty(), Optional.empty(), DateSet.NONE, TODAY, 0));
  }

  @Test
  void todayOnFirstDay() {
    DatePlan p =
        DatePlanner.plan(
            Optional.empty(), Optional.empty(), DateSet.ALL, DatePlanner.FIRST_DAY, MAX);
    assertEquals(DateSet.NONE, p.dates(), "yesterday is before the first day");
  }

  @Test
  void planIsSerializableAndImmutable() throws Exception {
    DatePlan p = planOptions("2025-01-01", null);
    assertThrows(UnsupportedOperationException.class, () -> p.windows().clear());
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(p);
    }
    try (ObjectInputStream in =
        new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      assertEquals(p, in.readObject());
    }
  }
}
