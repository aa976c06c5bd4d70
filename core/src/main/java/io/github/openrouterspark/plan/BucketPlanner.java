package io.github.openrouterspark.plan;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Plans the windows of one rankings-daily period so that no window cuts a bucket (a cut week or
 * month would come back as two partial rows under the same date).
 *
 * <p>The range is resolved as for daily rows ({@link DatePlanner#askedRange}), then widened to
 * whole buckets: a bucket is a candidate when it holds a day of the range (or, when only a date
 * filter bounds the end, is dated inside it: the two differ only for the sampled months, {@link
 * BucketCalendar#WEEKLY_MONTH}), and when it holds a day of the data. Days before the dataset's
 * first day and after today are cut off, as the API does: the first bucket of 2025 ({@code week}
 * 2024-12-30; with {@code category}/{@code language_type}, {@code month} 2024-12-01) holds only the
 * days from 2025-01-01, and the current bucket holds the days up to today, whose totals are live. A
 * candidate is read when the date filter allows its start (the date its rows carry).
 *
 * <p>Windows are tiled greedily on bucket boundaries: a window takes the next wanted bucket while
 * it stays within {@code windowDays} days (counted inclusively); it may span unwanted buckets
 * between wanted ones (readers drop their rows). A bucket longer than {@code windowDays} (e.g. a
 * month with {@code windowDays=7}) gets a window of its own: buckets are never cut, and none is
 * longer than the API's 366 days.
 */
public final class BucketPlanner {
  private BucketPlanner() {}

  /**
   * @param startDate the {@code startDate} option
   * @param endDate the {@code endDate} option
   * @param filter the bucket starts pushed-down date predicates allow ({@link DateSet#ALL} when
   *     none)
   * @param today the current UTC date
   * @param windowDays the {@code windowDays} option, or {@link DatePlanner#MAX_WINDOW_DAYS} by
   *     default
   */
  public static BucketPlan plan(
      Optional<LocalDate> startDate,
      Optional<LocalDate> endDate,
      DateSet filter,
      LocalDate today,
      int windowDays,
      BucketCalendar calendar) {
    if (calendar == BucketCalendar.DAY) {
      DatePlan days = DatePlanner.plan(startDate, endDate, filter, today, windowDays);
      long count = days.dates().ranges().stream().mapToLong(DateRange::days).sum();
      return new BucketPlan(calendar, days.dates(), count, days.windows());
    }
    if (windowDays < 1 || windowDays > DatePlanner.MAX_WINDOW_DAYS) {
      throw new IllegalArgumentException(
          "windowDays must be in 1.." + DatePlanner.MAX_WINDOW_DAYS + ": " + windowDays);
    }
    BucketPlan none = new BucketPlan(calendar, DateSet.NONE, 0, List.of());
    Optional<DateRange> asked = DatePlanner.askedRange(startDate, endDate, filter, today);
    if (asked.isEmpty() || today.isBefore(DatePlanner.FIRST_DAY)) {
      return none;
    }
    // Candidates: the buckets holding a day of the asked range, and holding a day of the data
    // (2025-01-01..today). When a date filter, not the endDate option, bounds the range, buckets
    // dated inside it count too: the filter selects rows by the date they carry, which for sampled
    // months may precede the bucket's first day. The endDate option bounds days: a sampled month
    // dated on or before it whose first Monday comes after it holds none of them.
    LocalDate firstCandidate =
        DatePlanner.max(
            calendar.bucketOf(asked.get().start()), calendar.bucketOf(DatePlanner.FIRST_DAY));
    LocalDate lastAsked =
        endDate.isPresent()
            ? calendar.bucketOf(asked.get().end())
            : calendar.latestStartAtOrBefore(asked.get().end());
    LocalDate lastCandidate = DatePlanner.min(lastAsked, calendar.bucketOf(today));
    List<LocalDate> starts = new ArrayList<>();
    List<Window> windows = new ArrayList<>();
    LocalDate windowStart = null;
    LocalDate windowEnd = null;
    for (LocalDate bucket = firstCandidate;
        !bucket.isAfter(lastCandidate);
        bucket = calendar.next(bucket)) {
      if (!filter.contains(bucket)) {
        continue;
      }
      starts.add(bucket);
      // The days of the bucket the API has: none before the first day, none after today.
      LocalDate first = DatePlanner.max(calendar.firstDay(bucket), DatePlanner.FIRST_DAY);
      LocalDate end = DatePlanner.min(calendar.lastDay(bucket), today);
      if (windowStart != null && ChronoUnit.DAYS.between(windowStart, end) + 1 <= windowDays) {
        windowEnd = end;
        continue;
      }
      if (windowStart != null) {
        windows.add(new Window(windowStart, windowEnd));
      }
      windowStart = first;
      windowEnd = end;
    }
    if (windowStart != null) {
      windows.add(new Window(windowStart, windowEnd));
    }
    return new BucketPlan(calendar, DateSet.ofDates(starts), starts.size(), windows);
  }
}
