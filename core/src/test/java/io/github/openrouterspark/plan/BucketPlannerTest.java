package io.github.openrouterspark.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BucketPlannerTest {
  /** A Wednesday, so the current week and month are both partial. */
  static final LocalDate TODAY = LocalDate.of(2026, 6, 17);

  static final int MAX = DatePlanner.MAX_WINDOW_DAYS;
  static final LocalDate FIRST = DatePlanner.FIRST_DAY;

  static LocalDate d(String iso) {
    return LocalDate.parse(iso);
  }

  static Window w(String start, String end) {
    return new Window(d(start), d(end));
  }

  static Optional<LocalDate> opt(String iso) {
    return Optional.ofNullable(iso).map(LocalDate::parse);
  }

  static BucketPlan plan(
      String start, String end, DateSet filter, int windowDays, BucketCalendar calendar) {
    return plan(opt(start), opt(end), filter, TODAY, windowDays, calendar);
  }

  static BucketPlan plan(
      Optional<LocalDate> start,
      Optional<LocalDate> end,
      DateSet filter,
      LocalDate today,
      int windowDays,
      BucketCalendar calendar) {
    BucketPlan p = BucketPlanner.plan(start, end, filter, today, windowDays, calendar);
    assertInvariant(p, windowDays, today);
    return p;
  }

  static List<LocalDate> starts(BucketPlan p) {
    List<LocalDate> out = new ArrayList<>();
    for (DateRange r : p.starts().ranges()) {
      for (LocalDate x = r.start(); !x.isAfter(r.end()); x = x.plusDays(1)) {
        out.add(x);
      }
    }
    return out;
  }

  /**
   * Windows are sorted and disjoint; none cuts a bucket (each starts where a bucket starts, or on
   * the first day, and ends where a bucket ends, or today); each wanted bucket lies in exactly one
   * window; a window is at most windowDays long unless it is a single bucket.
   */
  static void assertInvariant(BucketPlan p, int windowDays, LocalDate today) {
    BucketCalendar c = p.calendar();
    String ctx = p.toString();
    List<LocalDate> starts = starts(p);
    assertEquals(starts.size(), p.bucketCount(), ctx);
    for (int i = 0; i < p.windows().size(); i++) {
      Window win = p.windows().get(i);
      LocalDate firstBucket = c.bucketOf(win.start());
      LocalDate lastBucket = c.bucketOf(win.end());
      assertTrue(
          win.start().equals(c.firstDay(firstBucket)) || win.start().equals(FIRST),
          ctx + ": cuts " + win);
      assertTrue(
          win.end().equals(c.lastDay(lastBucket)) || win.end().equals(today),
          ctx + ": cuts " + win);
      assertTrue(
          !win.start().isBefore(FIRST) && !win.end().isAfter(today),
          ctx + ": outside the data " + win);
      assertTrue(
          win.days() <= windowDays || firstBucket.equals(lastBucket), ctx + ": too long " + win);
      assertTrue(win.days() <= MAX, ctx + ": longer than the API allows " + win);
      assertTrue(
          starts.contains(firstBucket) && starts.contains(lastBucket),
          ctx + ": starts or ends on an unwanted bucket");
      if (i > 0) {
        assertTrue(win.start().isAfter(p.windows().get(i - 1).end()), ctx + ": overlap");
      }
    }
    for (LocalDate b : starts) {
      assertTrue(c.isBucketStart(b), ctx + ": not a bucket start " + b);
      LocalDate first = c.firstDay(b).isBefore(FIRST) ? FIRST : c.firstDay(b);
      LocalDate last = c.lastDay(b).isAfter(today) ? today : c.lastDay(b);
      long covering =
          p.windows().stream()
              .filter(win -> !first.isBefore(win.start()) && !last.isAfter(win.end()))
              .count();
      assertEquals(1, covering, ctx + ": bucket " + b + " is whole in " + covering + " windows");
    }
  }

  @Test
  void calendars() {
    assertEquals(BucketCalendar.DAY, BucketCalendar.of("day", false));
    assertEquals(BucketCalendar.WEEK, BucketCalendar.of("week", false));
    assertEquals(BucketCalendar.WEEK, BucketCalendar.of("week", true));
    assertEquals(BucketCalendar.MONTH, BucketCalendar.of("month", false));
    assertEquals(BucketCalendar.WEEKLY_MONTH, BucketCalendar.of("month", true));
    assertThrows(IllegalArgumentException.class, () -> BucketCalendar.of("day", true));
    assertThrows(IllegalArgumentException.class, () -> BucketCalendar.of("year", false));

    assertEquals(d("2025-03-03"), BucketCalendar.WEEK.bucketOf(d("2025-03-09")));
    assertEquals(d("2025-03-09"), BucketCalendar.WEEK.lastDay(d("2025-03-03")));
    assertEquals(d("2024-12-30"), BucketCalendar.WEEK.bucketOf(FIRST));
    assertEquals(d("2025-02-01"), BucketCalendar.MONTH.bucketOf(d("2025-02-28")));
    assertEquals(d("2025-02-28"), BucketCalendar.MONTH.lastDay(d("2025-02-01")));
    // Sampled months group weeks by the month of their Monday: March 2025 is 03-03..04-06.
    assertEquals(d("2025-02-01"), BucketCalendar.WEEKLY_MONTH.bucketOf(d("2025-03-02")));
    assertEquals(d("2025-03-01"), BucketCalendar.WEEKLY_MONTH.bucketOf(d("2025-03-03")));
    assertEquals(d("2025-03-01"), BucketCalendar.WEEKLY_MONTH.bucketOf(d("2025-04-06")));
    assertEquals(d("2025-03-03"), BucketCalendar.WEEKLY_MONTH.firstDay(d("2025-03-01")));
    assertEquals(d("2025-04-06"), BucketCalendar.WEEKLY_MONTH.lastDay(d("2025-03-01")));
    assertEquals(d("2024-12-01"), BucketCalendar.WEEKLY_MONTH.bucketOf(FIRST));
    assertThrows(
        IllegalArgumentException.class, () -> BucketCalendar.WEEK.lastDay(d("2025-03-04")));
  }

  @Test
  void calendarsTileTheDays() {
    for (BucketCalendar c : BucketCalendar.values()) {
      LocalDate bucket = c.bucketOf(d("2024-11-20"));
      LocalDate expectedFirst = c.firstDay(bucket);
      for (int i = 0; i < 40; i++) {
        assertEquals(expectedFirst, c.firstDay(bucket), c + " " + bucket);
        for (LocalDate x = c.firstDay(bucket); !x.isAfter(c.lastDay(bucket)); x = x.plusDays(1)) {
          assertEquals(bucket, c.bucketOf(x), c + ": " + x);
        }
        expectedFirst = c.lastDay(bucket).plusDays(1);
        bucket = c.next(bucket);
      }
    }
  }

  @Test
  void dayDelegatesToTheDatePlanner() {
    BucketPlan p = plan("2025-03-05", "2025-03-19", DateSet.ALL, MAX, BucketCalendar.DAY);
    DatePlan days = DatePlanner.plan(opt("2025-03-05"), opt("2025-03-19"), DateSet.ALL, TODAY, MAX);
    assertEquals(days.dates(), p.starts());
    assertEquals(days.windows(), p.windows());
    assertEquals(15, p.bucketCount());
  }

  @Test
  void weekOptionsSelectTheWeeksDatedInTheRangeAndReadThemWhole() {
    // 03-05 is a Wednesday: the week dated 03-03 starts before the range, the one dated 03-17
    // ends after it and is read to its Sunday.
    BucketPlan p = plan("2025-03-05", "2025-03-19", DateSet.ALL, MAX, BucketCalendar.WEEK);
    assertEquals(List.of(d("2025-03-10"), d("2025-03-17")), starts(p));
    assertEquals(List.of(w("2025-03-10", "2025-03-23")), p.windows());
  }

  @Test
  void monthOptionsSelectTheMonthsDatedInTheRangeAndReadThemWhole() {
    BucketPlan p = plan("2025-02-10", "2025-04-02", DateSet.ALL, MAX, BucketCalendar.MONTH);
    assertEquals(List.of(d("2025-03-01"), d("2025-04-01")), starts(p));
    assertEquals(List.of(w("2025-03-01", "2025-04-30")), p.windows());
  }

  @Test
  void sampledMonthIsTheWeeksStartingInIt() {
    // 2025-03-01 is a Saturday of the week of 02-24, a February week; 03-31 starts a March week.
    // Options and filters select the bucket dated 03-01 alike; it is read whole, 03-03..04-06.
    BucketPlan p = plan("2025-03-01", "2025-03-31", DateSet.ALL, MAX, BucketCalendar.WEEKLY_MONTH);
    assertEquals(List.of(d("2025-03-01")), starts(p));
    assertEquals(List.of(w("2025-03-03", "2025-04-06")), p.windows());
    // A filter selects buckets by the date they carry, even when it precedes their first day.
    BucketPlan march =
        plan(
            null,
            null,
            DateSet.of(d("2025-03-01"), d("2025-03-01")),
            MAX,
            BucketCalendar.WEEKLY_MONTH);
    assertEquals(List.of(d("2025-03-01")), starts(march));
    assertEquals(List.of(w("2025-03-03", "2025-04-06")), march.windows());
    BucketPlan ofMarch =
        plan(
            null,
            null,
            DateSet.of(d("2025-03-01"), d("2025-03-31")),
            MAX,
            BucketCalendar.WEEKLY_MONTH);
    assertEquals(List.of(d("2025-03-01")), starts(ofMarch));
    // The bucket dated 03-01 is read for options ending on 03-02 too, though its first day is
    // 03-03: rows are selected by the date they carry. The one dated 02-01 starts before 02-20.
    BucketPlan days =
        plan("2025-02-20", "2025-03-02", DateSet.ALL, MAX, BucketCalendar.WEEKLY_MONTH);
    assertEquals(List.of(d("2025-03-01")), starts(days));
    assertEquals(List.of(w("2025-03-03", "2025-04-06")), days.windows());
  }

  @Test
  void theEndDateOptionSelectsSampledMonthsByTheirDateAsAFilterDoes() {
    // 2026-04-05 is the Sunday closing March's last week; April's bucket, dated 04-01, starts
    // 04-06 and is read whole because it is dated inside the range.
    BucketPlan p =
        plan(
            Optional.of(d("2026-01-01")),
            Optional.of(d("2026-04-05")),
            DateSet.ALL,
            d("2026-06-01"),
            MAX,
            BucketCalendar.WEEKLY_MONTH);
    assertEquals(
        List.of(d("2026-01-01"), d("2026-02-01"), d("2026-03-01"), d("2026-04-01")), starts(p));
    assertEquals(List.of(w("2026-01-05", "2026-05-03")), p.windows());
    BucketPlan april =
        plan(
            Optional.empty(),
            Optional.empty(),
            DateSet.of(d("2026-04-01"), d("2026-04-05")),
            d("2026-06-01"),
            MAX,
            BucketCalendar.WEEKLY_MONTH);
    assertEquals(List.of(d("2026-04-01")), starts(april));
  }

  @Test
  void firstBucketsOf2025StartBeforeTheDataAndAreReadFromTheirDate() {
    BucketPlan week = plan("2024-12-30", "2025-01-12", DateSet.ALL, MAX, BucketCalendar.WEEK);
    assertEquals(List.of(d("2024-12-30"), d("2025-01-06")), starts(week));
    assertEquals(
        List.of(w("2025-01-01", "2025-01-12")),
        week.windows(),
        "the request starts on the first day");
    assertEquals(
        List.of(d("2025-01-06")),
        starts(plan("2025-01-01", "2025-01-12", DateSet.ALL, MAX, BucketCalendar.WEEK)),
        "the week dated 2024-12-30 is before a range starting 2025-01-01");
    BucketPlan sampledMonth =
        plan("2024-12-01", "2025-01-31", DateSet.ALL, MAX, BucketCalendar.WEEKLY_MONTH);
    assertEquals(List.of(d("2024-12-01"), d("2025-01-01")), starts(sampledMonth));
    assertEquals(List.of(w("2025-01-01", "2025-02-02")), sampledMonth.windows());
    BucketPlan month = plan("2024-06-01", "2025-01-31", DateSet.ALL, MAX, BucketCalendar.MONTH);
    assertEquals(List.of(d("2025-01-01")), starts(month));
  }

  @Test
  void aDateFilterOnTheFirstWeekStartReadsIt() {
    BucketPlan p =
        plan(null, null, DateSet.of(d("2024-12-30"), d("2024-12-30")), MAX, BucketCalendar.WEEK);
    assertEquals(List.of(d("2024-12-30")), starts(p));
    assertEquals(List.of(w("2025-01-01", "2025-01-05")), p.windows());
    assertEquals(
        0,
        plan(null, null, DateSet.atOrBefore(d("2024-12-29")), MAX, BucketCalendar.WEEK)
            .requestCount());
  }

  @Test
  void defaultRangeEndsWithTheLiveBucket() {
    // Asked: 2026-05-17..2026-06-16 (the last 31 completed days); the weeks dated in it are
    // 05-18..06-15, the last one read up to today.
    BucketPlan p = plan(null, null, DateSet.ALL, MAX, BucketCalendar.WEEK);
    assertEquals(d("2026-05-18"), starts(p).get(0));
    assertEquals(d("2026-06-15"), starts(p).get(starts(p).size() - 1));
    assertEquals(5, p.bucketCount());
    assertEquals(List.of(w("2026-05-18", "2026-06-17")), p.windows());
    BucketPlan months = plan(null, null, DateSet.ALL, MAX, BucketCalendar.MONTH);
    assertEquals(List.of(w("2026-06-01", "2026-06-17")), months.windows());
  }

  @Test
  void onMondayTheDefaultRangeEndsWithLastWeek() {
    LocalDate monday = d("2026-06-15");
    assertEquals(DayOfWeek.MONDAY, monday.getDayOfWeek());
    BucketPlan p =
        plan(Optional.empty(), Optional.empty(), DateSet.ALL, monday, MAX, BucketCalendar.WEEK);
    assertEquals(d("2026-06-14"), p.windows().get(p.windows().size() - 1).end());
  }

  @Test
  void dateFilterSelectsBucketStarts() {
    // Buckets whose start is in March: 03-03..03-31; the last one runs to 04-06.
    BucketPlan p =
        plan(null, null, DateSet.of(d("2025-03-01"), d("2025-03-31")), MAX, BucketCalendar.WEEK);
    assertEquals(
        List.of(
            d("2025-03-03"), d("2025-03-10"), d("2025-03-17"), d("2025-03-24"), d("2025-03-31")),
        starts(p));
    assertEquals(List.of(w("2025-03-03", "2025-04-06")), p.windows());
  }

  @Test
  void holesBetweenWantedBucketsShareAWindow() {
    DateSet in = DateSet.ofDates(List.of(d("2025-03-03"), d("2025-03-17")));
    BucketPlan p = plan(null, null, in, MAX, BucketCalendar.WEEK);
    assertEquals(in, p.starts());
    assertEquals(List.of(w("2025-03-03", "2025-03-23")), p.windows());
  }

  @Test
  void aDateThatStartsNoBucketReadsNothing() {
    BucketPlan p =
        plan(null, null, DateSet.of(d("2025-03-04"), d("2025-03-04")), MAX, BucketCalendar.WEEK);
    assertEquals(0, p.requestCount());
    assertEquals(DateSet.NONE, p.starts());
    assertEquals(
        0,
        plan(null, null, DateSet.of(d("2025-03-02"), d("2025-03-02")), MAX, BucketCalendar.MONTH)
            .requestCount());
  }

  @Test
  void wantedBucketsFartherApartThanAWindowGetTheirOwn() {
    DateSet in = DateSet.ofDates(List.of(d("2025-01-06"), d("2026-03-02")));
    BucketPlan p = plan(null, null, in, MAX, BucketCalendar.WEEK);
    assertEquals(
        List.of(w("2025-01-06", "2025-01-12"), w("2026-03-02", "2026-03-08")), p.windows());
  }

  @Test
  void aYearOfWeeksIsOneWindowAsItsOptionsOrAsAFilter() {
    // The weeks dated in 2025 are 01-06..12-29, covering 2025-01-06..2026-01-04: 364 days.
    BucketPlan p = plan("2025-01-01", "2025-12-31", DateSet.ALL, MAX, BucketCalendar.WEEK);
    assertEquals(52, p.bucketCount());
    assertEquals(List.of(w("2025-01-06", "2026-01-04")), p.windows());
    assertEquals(
        p,
        plan(null, null, DateSet.of(d("2025-01-01"), d("2025-12-31")), MAX, BucketCalendar.WEEK));
    BucketPlan months = plan("2025-01-01", "2025-12-31", DateSet.ALL, MAX, BucketCalendar.MONTH);
    assertEquals(
        List.of(w("2025-01-01", "2025-12-31")), months.windows(), "12 months fit in 366 days");
  }

  /**
   * Issue 12, the week edge: a calendar year read through the startDate/endDate options and through
   * a date filter over the same dates plans the same buckets and windows, for years starting on
   * every weekday (2025..2034 start Wed, Thu, Fri, Sat, Mon, Tue, Wed, Thu, Sat, Sun), with the
   * fewest windows of whole buckets: one for 52 weeks (364 days), two for 53 (371 days cannot be
   * one request of at most 366), one for 12 months.
   */
  @Test
  void aCalendarYearPlansAlikeAsOptionsOrFilterForEveryFirstWeekday() {
    LocalDate today = d("2042-01-01");
    java.util.Set<DayOfWeek> firstWeekdays = java.util.EnumSet.noneOf(DayOfWeek.class);
    for (int year : List.of(2025, 2026, 2027, 2028, 2029, 2030, 2031, 2032, 2033, 2034, 2040)) {
      LocalDate jan1 = LocalDate.of(year, 1, 1);
      LocalDate dec31 = LocalDate.of(year, 12, 31);
      firstWeekdays.add(jan1.getDayOfWeek());
      for (BucketCalendar c : BucketCalendar.values()) {
        BucketPlan byOptions =
            plan(Optional.of(jan1), Optional.of(dec31), DateSet.ALL, today, MAX, c);
        BucketPlan byFilter =
            plan(Optional.empty(), Optional.empty(), DateSet.of(jan1, dec31), today, MAX, c);
        String ctx = year + " " + c;
        assertEquals(byOptions, byFilter, ctx);
        List<LocalDate> expected = new ArrayList<>();
        for (LocalDate x = jan1; !x.isAfter(dec31); x = x.plusDays(1)) {
          if (c.isBucketStart(x)) {
            expected.add(x);
          }
        }
        assertEquals(expected, starts(byOptions), ctx + ": the buckets dated in the year");
        long spanDays =
            ChronoUnit.DAYS.between(
                    c.firstDay(expected.get(0)), c.lastDay(expected.get(expected.size() - 1)))
                + 1;
        int fewest = c == BucketCalendar.DAY ? 1 : spanDays <= MAX ? 1 : 2;
        assertEquals(fewest, byOptions.requestCount(), ctx + ": " + byOptions.windows());
        if (c == BucketCalendar.WEEK) {
          boolean mondays53 = expected.size() == 53;
          boolean startsOnAMonday =
              jan1.getDayOfWeek() == DayOfWeek.MONDAY
                  || jan1.isLeapYear() && jan1.getDayOfWeek() == DayOfWeek.SUNDAY;
          assertEquals(startsOnAMonday, mondays53, ctx + ": 53 Mondays");
          assertEquals(mondays53 ? 2 : 1, byOptions.requestCount(), ctx);
        }
        if (c == BucketCalendar.MONTH) {
          assertEquals(List.of(new Window(jan1, dec31)), byOptions.windows(), ctx);
        }
      }
    }
    assertEquals(7, firstWeekdays.size(), "years starting on every weekday");
  }

  /** The 2025 year of the issue, against the data's first day and a live current week. */
  @Test
  void theYear2025OfWeeksIsOneRequestByEitherRoute() {
    DateSet year = DateSet.of(d("2025-01-01"), d("2025-12-31"));
    BucketPlan byOptions = plan("2025-01-01", "2025-12-31", DateSet.ALL, MAX, BucketCalendar.WEEK);
    BucketPlan byFilter = plan(null, null, year, MAX, BucketCalendar.WEEK);
    assertEquals(byOptions, byFilter);
    assertEquals(List.of(w("2025-01-06", "2026-01-04")), byFilter.windows());
    // Options and a filter together: the options give the range, the filter narrows it.
    assertEquals(byFilter, plan("2024-06-01", "2026-03-01", year, MAX, BucketCalendar.WEEK));
    // A range ending in the live week reads it up to today, by either route.
    BucketPlan live = plan("2025-06-17", "2026-06-17", DateSet.ALL, MAX, BucketCalendar.WEEK);
    assertEquals(
        live,
        plan(null, null, DateSet.of(d("2025-06-17"), d("2026-06-17")), MAX, BucketCalendar.WEEK));
    assertEquals(List.of(w("2025-06-23", "2026-06-17")), live.windows());
  }

  /** Both routes plan alike for any bounded range, today and windowDays. */
  @Test
  void optionsAndAFilterOverTheSameDatesPlanAlike() {
    Random random = new Random(12_05);
    for (int i = 0; i < 3000; i++) {
      BucketCalendar c = BucketCalendar.values()[random.nextInt(4)];
      LocalDate today = d("2025-01-01").plusDays(random.nextInt(800));
      LocalDate a = d("2024-11-01").plusDays(random.nextInt(900));
      LocalDate b = a.plusDays(random.nextInt(500));
      int windowDays = random.nextBoolean() ? MAX : 1 + random.nextInt(120);
      BucketPlan byOptions =
          plan(Optional.of(a), Optional.of(b), DateSet.ALL, today, windowDays, c);
      BucketPlan byFilter =
          plan(Optional.empty(), Optional.empty(), DateSet.of(a, b), today, windowDays, c);
      String ctx = c + " " + a + ".." + b + " today=" + today + " windowDays=" + windowDays;
      assertEquals(byOptions.starts(), byFilter.starts(), ctx);
      assertEquals(byOptions.windows(), byFilter.windows(), ctx);
    }
  }

  @Test
  void fullHistoryOfSampledMonths() {
    BucketPlan p = plan("2024-12-01", null, DateSet.ALL, MAX, BucketCalendar.WEEKLY_MONTH);
    assertEquals(d("2024-12-01"), p.starts().first());
    assertEquals(d("2026-06-01"), p.starts().last());
    assertEquals(19, p.bucketCount());
    assertTrue(p.requestCount() >= 2, p.toString());
  }

  @Test
  void windowDaysTilesWholeWeeks() {
    // 17 weeks; 8 weeks = 56 days fit in 60, 9 = 63 do not.
    BucketPlan p = plan("2025-03-03", "2025-06-29", DateSet.ALL, 60, BucketCalendar.WEEK);
    assertEquals(
        List.of(
            w("2025-03-03", "2025-04-27"),
            w("2025-04-28", "2025-06-22"),
            w("2025-06-23", "2025-06-29")),
        p.windows());
    BucketPlan oneWeekEach = plan("2025-03-03", "2025-03-23", DateSet.ALL, 7, BucketCalendar.WEEK);
    assertEquals(3, oneWeekEach.requestCount());
  }

  @Test
  void aBucketLongerThanWindowDaysIsNeverCut() {
    BucketPlan p = plan("2025-01-01", "2025-03-31", DateSet.ALL, 7, BucketCalendar.MONTH);
    assertEquals(
        List.of(
            w("2025-01-01", "2025-01-31"),
            w("2025-02-01", "2025-02-28"),
            w("2025-03-01", "2025-03-31")),
        p.windows());
    BucketPlan weeks = plan("2025-03-03", "2025-03-16", DateSet.ALL, 1, BucketCalendar.WEEK);
    assertEquals(
        List.of(w("2025-03-03", "2025-03-09"), w("2025-03-10", "2025-03-16")), weeks.windows());
  }

  @Test
  void emptyCases() {
    for (BucketCalendar c : BucketCalendar.values()) {
      assertEquals(0, plan(null, null, DateSet.NONE, MAX, c).requestCount(), c.toString());
      assertEquals(
          0, plan("2025-05-02", "2025-05-01", DateSet.ALL, MAX, c).requestCount(), c.toString());
      assertEquals(
          0, plan("2024-01-01", "2024-11-30", DateSet.ALL, MAX, c).requestCount(), c.toString());
      assertEquals(
          0, plan("2026-07-06", "2026-08-31", DateSet.ALL, MAX, c).requestCount(), c.toString());
    }
  }

  @Test
  void beforeTheFirstDayThereIsNothing() {
    for (BucketCalendar c : BucketCalendar.values()) {
      assertEquals(
          0,
          plan(Optional.empty(), Optional.empty(), DateSet.ALL, d("2024-12-31"), MAX, c)
              .requestCount());
    }
  }

  @Test
  void windowDaysOutOfRangeIsRejected() {
    for (BucketCalendar c : BucketCalendar.values()) {
      assertThrows(IllegalArgumentException.class, () -> plan(null, null, DateSet.ALL, 0, c));
      assertThrows(IllegalArgumentException.class, () -> plan(null, null, DateSet.ALL, 367, c));
    }
  }

  @Test
  void planIsSerializable() throws Exception {
    BucketPlan p = plan("2025-01-01", null, DateSet.ALL, MAX, BucketCalendar.WEEK);
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    try (java.io.ObjectOutputStream out = new java.io.ObjectOutputStream(bytes)) {
      out.writeObject(p);
    }
    try (java.io.ObjectInputStream in =
        new java.io.ObjectInputStream(new java.io.ByteArrayInputStream(bytes.toByteArray()))) {
      assertEquals(p, in.readObject());
    }
  }

  /**
   * Against a brute-force statement of the rule: a bucket is read iff the filter allows its start,
   * it is dated inside the asked range, and it holds a day of the data (2025-01-01..today); and the
   * windows are the fewest possible (greedy over whole buckets).
   */
  @Test
  void randomPlansMatchTheRule() {
    Random random = new Random(20260707);
    for (int i = 0; i < 3000; i++) {
      BucketCalendar c = BucketCalendar.values()[random.nextInt(4)];
      LocalDate today = d("2025-01-01").plusDays(random.nextInt(600));
      LocalDate a = d("2024-11-01").plusDays(random.nextInt(700));
      LocalDate b = a.plusDays(random.nextInt(500) - 50);
      Optional<LocalDate> start = random.nextBoolean() ? Optional.of(a) : Optional.empty();
      Optional<LocalDate> end = random.nextBoolean() ? Optional.of(b) : Optional.empty();
      DateSet filter = randomFilter(random, c);
      int windowDays = random.nextBoolean() ? MAX : 1 + random.nextInt(120);
      BucketPlan p = plan(start, end, filter, today, windowDays, c);
      Optional<DateRange> asked = DatePlanner.askedRange(start, end, filter, today);
      List<LocalDate> expected = new ArrayList<>();
      if (asked.isPresent()) {
        for (LocalDate x = c.bucketOf(d("2024-10-01"));
            x.isBefore(d("2027-01-01"));
            x = c.next(x)) {
          boolean datedInAsked = asked.get().contains(x);
          boolean holdsData = !c.lastDay(x).isBefore(FIRST) && !c.firstDay(x).isAfter(today);
          if (filter.contains(x) && datedInAsked && holdsData) {
            expected.add(x);
          }
        }
      }
      String ctx =
          c
              + " "
              + start
              + " "
              + end
              + " "
              + filter
              + " today="
              + today
              + " windowDays="
              + windowDays;
      if (c == BucketCalendar.DAY) {
        assertEquals(
            DatePlanner.plan(start, end, filter, today, windowDays).windows(), p.windows(), ctx);
        continue;
      }
      assertEquals(expected, starts(p), ctx);
      assertEquals(greedyCount(expected, c, windowDays, today), p.requestCount(), ctx);
    }
  }

  private static DateSet randomFilter(Random random, BucketCalendar c) {
    return switch (random.nextInt(4)) {
      case 0 -> DateSet.ALL;
      case 1 -> DateSet.atOrAfter(d("2024-12-01").plusDays(random.nextInt(500)));
      case 2 -> {
        LocalDate from = d("2024-12-01").plusDays(random.nextInt(500));
        yield DateSet.of(from, from.plusDays(random.nextInt(200)));
      }
      default -> {
        List<LocalDate> starts = new ArrayList<>();
        for (int k = random.nextInt(5); k >= 0; k--) {
          starts.add(c.bucketOf(d("2024-12-01").plusDays(random.nextInt(500))));
        }
        yield DateSet.ofDates(starts);
      }
    };
  }

  /** Fewest windows of whole buckets: the first uncovered bucket starts a window (optimal). */
  private static int greedyCount(
      List<LocalDate> buckets, BucketCalendar c, int windowDays, LocalDate today) {
    int count = 0;
    LocalDate windowStart = null;
    for (LocalDate b : buckets) {
      LocalDate first = c.firstDay(b).isBefore(FIRST) ? FIRST : c.firstDay(b);
      LocalDate last = c.lastDay(b).isAfter(today) ? today : c.lastDay(b);
      if (windowStart == null || ChronoUnit.DAYS.between(windowStart, last) + 1 > windowDays) {
        windowStart = first;
        count++;
      }
    }
    return count;
  }
}
