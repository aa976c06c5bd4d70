package io.github.openrouterspark.plan;

import java.time.LocalDate;
import java.util.Optional;

/**
 * Resolves the date range a dataset scan reads and splits it into request windows.
 *
 * <p>The range follows the API's defaults unless the query says otherwise: the end is the {@code
 * endDate} option, else the last date a date filter allows (up to today, whose totals are still
 * live), else the last completed UTC day (or today, when the query asks to start today); the start
 * is the {@code startDate} option, else the first date a filter allows, else 30 days before the
 * end. Dates before the dataset's first day are dropped, as the API clamps them; a range with no
 * dates left costs no request.
 */
public final class DatePlanner {
  /** The first day of the dataset; the API clamps earlier start dates to it. */
  public static final LocalDate FIRST_DAY = LocalDate.of(2025, 1, 1);

  /** The API's maximum span of one request, in days counted inclusively. */
  public static final int MAX_WINDOW_DAYS = 366;

  /** Default look-back when neither an option nor a filter gives a start. */
  public static final int DEFAULT_LOOKBACK_DAYS = 30;

  private DatePlanner() {}

  /**
   * @param startDate the {@code startDate} option
   * @param endDate the {@code endDate} option
   * @param filter the dates pushed-down predicates allow ({@link DateSet#ALL} when none)
   * @param today the current UTC date
   * @param windowDays the {@code windowDays} option, or {@link #MAX_WINDOW_DAYS} by default
   */
  public static DatePlan plan(
      Optional<LocalDate> startDate,
      Optional<LocalDate> endDate,
      DateSet filter,
      LocalDate today,
      int windowDays) {
    if (windowDays < 1 || windowDays > MAX_WINDOW_DAYS) {
      throw new IllegalArgumentException(
          "windowDays must be in 1.." + MAX_WINDOW_DAYS + ": " + windowDays);
    }
    Optional<DateRange> asked = askedRange(startDate, endDate, filter, today);
    if (asked.isEmpty()) {
      return new DatePlan(DateSet.NONE, java.util.List.of());
    }
    DateSet available =
        DateSet.of(max(asked.get().start(), FIRST_DAY), min(asked.get().end(), today));
    DateSet dates = filter.intersect(available);
    return new DatePlan(dates, WindowPlanner.plan(dates, windowDays));
  }

  /**
   * The range the query asks for, before the dataset's first day and today are applied (the end may
   * lie after today when the {@code endDate} option says so); empty when the filter allows no date
   * or the start is after the end.
   */
  public static Optional<DateRange> askedRange(
      Optional<LocalDate> startDate, Optional<LocalDate> endDate, DateSet filter, LocalDate today) {
    if (filter.isEmpty()) {
      return Optional.empty();
    }
    Optional<LocalDate> askedStart =
        startDate.or(
            () -> filter.isBoundedBelow() ? Optional.of(filter.first()) : Optional.empty());
    LocalDate end =
        endDate.orElseGet(
            () -> {
              if (filter.isBoundedAbove()) {
                return min(filter.last(), today);
              }
              // "From today on" wants today's live totals, not an empty range ending yesterday.
              return askedStart.filter(s -> !s.isBefore(today)).isPresent()
                  ? today
                  : today.minusDays(1);
            });
    LocalDate start = askedStart.orElseGet(() -> end.minusDays(DEFAULT_LOOKBACK_DAYS));
    return start.isAfter(end) ? Optional.empty() : Optional.of(new DateRange(start, end));
  }

  static LocalDate min(LocalDate a, LocalDate b) {
    return a.isBefore(b) ? a : b;
  }

  static LocalDate max(LocalDate a, LocalDate b) {
    return a.isAfter(b) ? a : b;
  }
}
