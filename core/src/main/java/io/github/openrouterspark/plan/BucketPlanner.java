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
 * <p>A bucket is selected by its start, the date its rows carry, whichever way the range is given:
 * the range is resolved as for daily rows ({@link DatePlanner#askedRange}) and the buckets dated
 * inside it are read, so {@code startDate}/{@code endDate} options and a date filter over the same
 * dates plan the same buckets and the same windows. (Options once selected the buckets holding a
 * day of the range instead; then a year of weeks, 2025-01-01..2025-12-31, took the week dated
 * 2024-12-30 too, and its 53 weeks spanned 369 days: two requests, where the filter's 52 took one.)
 * A bucket must also hold a day of the data: days before the dataset's first day and after today
 * are cut off, as the API does, so the first bucket of 2025 ({@code week} 2024-12-30; with {@code
 * category}/{@code language_type}, {@code month} 2024-12-01) holds only the days from 2025-01-01,
 * and the current bucket holds the days up to today, whose totals are live. A candidate is read
 * when the date filter allows its start.
 *
 * <p>Windows are tiled greedily on bucket boundaries: a window takes the next wanted bucket while
 * it stays within {@code windowDays} days (counted inclusively); it may span unwanted buckets
 * between wanted ones (readers drop their rows). Greedy from the earliest wanted bucket is the
 * fewest windows of whole buckets. A bucket longer than {@code windowDays} (e.g. a month with
 * {@code windowDays=7}) gets a window of its own: buckets are never cut, and none is longer than
 * the API's 366 days. So 52 weeks (364 days) or 12 months are one request, and 53 weeks (371 days:
 * a year holding 53 Mondays, such as 2024 or 2029) two, the fewest that keep every week whole.
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
    // Candidates: the buckets dated inside the asked range (as a date filter selects rows by the
    // date they carry) that hold a day of the data (2025-01-01..today).
    LocalDate firstCandidate =
        DatePlanner.max(
            firstStartAtOrAfter(calendar, asked.get().start()),
            calendar.bucketOf(DatePlanner.FIRST_DAY));
    LocalDate lastCandidate =
        DatePlanner.min(
            calendar.latestStartAtOrBefore(asked.get().end()), calendar.bucketOf(today));
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

  /** The earliest bucket start on or after {@code day}. */
  private static LocalDate firstStartAtOrAfter(BucketCalendar calendar, LocalDate day) {
    LocalDate start = calendar.latestStartAtOrBefore(day);
    return start.isBefore(day) ? calendar.next(start) : start;
  }
}
