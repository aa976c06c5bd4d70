package io.github.openrouterspark.plan;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;

/**
 * How rankings-daily groups days into the rows of one {@code period} (docs/api-contract.md §2 and
 * the OpenAPI description of {@code period}). A bucket is named by its <em>start</em>, the date its
 * rows carry, and covers a run of consecutive days; buckets tile the calendar without overlap.
 *
 * <ul>
 *   <li>{@link #DAY}: each UTC day.
 *   <li>{@link #WEEK}: ISO weeks, named by their Monday (exact and sampled datasets alike: the
 *       sampled ones count every week a window touches in full, so a window must cover whole
 *       weeks).
 *   <li>{@link #MONTH}: calendar months of the exact datasets, named by their 1st.
 *   <li>{@link #WEEKLY_MONTH}: months of the sampled ({@code category}/{@code language_type})
 *       datasets, which bucket each ISO week by the month of its Monday: named by the 1st, the
 *       bucket covers the first Monday of the month through the Sunday before the next month's
 *       first Monday (so it may start after the 1st and end in the next month).
 * </ul>
 */
public enum BucketCalendar {
  DAY("day"),
  WEEK("week"),
  MONTH("month"),
  WEEKLY_MONTH("month");

  private final String period;

  BucketCalendar(String period) {
    this.period = period;
  }

  /**
   * @param effectivePeriod {@code day}, {@code week} or {@code month}: the period the API applies
   * @param sampled true for the {@code category}/{@code language_type} datasets
   */
  public static BucketCalendar of(String effectivePeriod, boolean sampled) {
    return switch (effectivePeriod) {
      case "day" -> {
        if (sampled) {
          throw new IllegalArgumentException("the sampled datasets have no daily grain");
        }
        yield DAY;
      }
      case "week" -> WEEK;
      case "month" -> sampled ? WEEKLY_MONTH : MONTH;
      default -> throw new IllegalArgumentException("Unknown period: " + effectivePeriod);
    };
  }

  /** The API's name of this grain: {@code day}, {@code week} or {@code month}. */
  public String period() {
    return period;
  }

  /** The start (the date its rows carry) of the bucket holding {@code day}. */
  public LocalDate bucketOf(LocalDate day) {
    return switch (this) {
      case DAY -> day;
      case WEEK -> monday(day);
      case MONTH -> day.withDayOfMonth(1);
      case WEEKLY_MONTH -> monday(day).withDayOfMonth(1);
    };
  }

  /**
   * The latest bucket start on or before {@code day}. It is {@link #bucketOf} except for {@link
   * #WEEKLY_MONTH}, whose month may start (be dated) before its first day: the bucket dated
   * 2025-03-01 covers 2025-03-03..2025-04-06, so on 2025-03-01 this is 2025-03-01 while {@code
   * bucketOf} is 2025-02-01.
   */
  public LocalDate latestStartAtOrBefore(LocalDate day) {
    return this == WEEKLY_MONTH ? day.withDayOfMonth(1) : bucketOf(day);
  }

  /** True when {@code date} names a bucket, i.e. is a date rows of this grain can carry. */
  public boolean isBucketStart(LocalDate date) {
    return switch (this) {
      case DAY -> true;
      case WEEK -> date.getDayOfWeek() == DayOfWeek.MONDAY;
      case MONTH, WEEKLY_MONTH -> date.getDayOfMonth() == 1;
    };
  }

  /** The first day the bucket named {@code start} covers. */
  public LocalDate firstDay(LocalDate start) {
    requireStart(start);
    return this == WEEKLY_MONTH
        ? start.with(TemporalAdjusters.firstInMonth(DayOfWeek.MONDAY))
        : start;
  }

  /** The last day the bucket named {@code start} covers. */
  public LocalDate lastDay(LocalDate start) {
    return firstDay(next(start)).minusDays(1);
  }

  /** The start of the bucket after the one named {@code start}. */
  public LocalDate next(LocalDate start) {
    requireStart(start);
    return switch (this) {
      case DAY -> start.plusDays(1);
      case WEEK -> start.plusWeeks(1);
      case MONTH, WEEKLY_MONTH -> start.plusMonths(1);
    };
  }

  private void requireStart(LocalDate start) {
    if (!isBucketStart(start)) {
      throw new IllegalArgumentException(start + " does not start a " + this + " bucket");
    }
  }

  private static LocalDate monday(LocalDate day) {
    return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
  }
}
