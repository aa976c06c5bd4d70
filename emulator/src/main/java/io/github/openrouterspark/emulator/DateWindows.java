package io.github.openrouterspark.emulator;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * Resolves {@code start_date}/{@code end_date} the way every Data API endpoint does: end defaults
 * to the last completed UTC day and must not precede the dataset; start defaults to 30 days before
 * end and is clamped forward to the dataset's first day; the inclusive span is at most 366 days.
 * End dates in the future are accepted.
 */
final class DateWindows {
  private static final LocalDate FIRST_DAY = SyntheticMarket.FIRST_DAY;
  static final int MAX_SPAN_DAYS = 366;
  static final int DEFAULT_SPAN_BACK_DAYS = 30;

  private DateWindows() {}

  static DateWindow resolve(QueryParams params, LocalDate today) throws RequestRejected {
    LocalDate start = params.date("start_date").orElse(null);
    LocalDate end = params.date("end_date").orElse(today.minusDays(1));
    if (end.isBefore(FIRST_DAY)) {
      throw QueryParams.bad("end_date: must be on or after " + FIRST_DAY + ", got " + end);
    }
    if (start == null) {
      start = end.minusDays(DEFAULT_SPAN_BACK_DAYS);
    }
    if (start.isBefore(FIRST_DAY)) {
      start = FIRST_DAY;
    }
    if (start.isAfter(end)) {
      throw QueryParams.bad("start_date: must not be after end_date (" + start + " > " + end + ")");
    }
    if (ChronoUnit.DAYS.between(start, end) + 1 > MAX_SPAN_DAYS) {
      throw QueryParams.bad(
          "end_date: span between start_date and end_date must not exceed "
              + MAX_SPAN_DAYS
              + " days");
    }
    return new DateWindow(start, end);
  }
}
