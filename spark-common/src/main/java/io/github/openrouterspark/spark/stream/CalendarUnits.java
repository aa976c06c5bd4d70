package io.github.openrouterspark.spark.stream;

import io.github.openrouterspark.options.ReadOptions;
import io.github.openrouterspark.plan.BucketCalendar;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * The weekly or monthly buckets of a rankings-daily stream ({@code period=week|month}, and the
 * sampled {@code category}/{@code languageType} datasets' weeks and months), named by the date
 * their rows carry. A bucket is complete once its last day is; before that the API serves it live.
 */
record CalendarUnits(BucketCalendar calendar) implements StreamUnit {
  @Override
  public String name() {
    return calendar == BucketCalendar.WEEKLY_MONTH ? "sampled-month" : calendar.period();
  }

  /** The bucket holding the start day, as a batch read over that day would read it. */
  @Override
  public Instant start(Instant t) {
    return instant(calendar.bucketOf(DayUnits.day(new DayUnits(1).start(t))));
  }

  @Override
  public Instant next(Instant boundary) {
    return instant(calendar.next(DayUnits.day(boundary)));
  }

  @Override
  public Instant completedThrough(Instant origin, Instant now) {
    LocalDate today = DayUnits.day(now);
    LocalDate end = DayUnits.day(origin);
    while (calendar.lastDay(end).isBefore(today)) {
      end = calendar.next(end);
    }
    return instant(end);
  }

  @Override
  public String format(Instant boundary) {
    return DayUnits.day(boundary).toString();
  }

  @Override
  public Instant parse(String text) {
    return instant(LocalDate.parse(text));
  }

  /**
   * The days of the buckets named in {@code [start, end)}: from the first one's first day to the
   * last one's last day (a sampled month may be named before its first day).
   */
  @Override
  public ReadOptions slice(ReadOptions options, Instant start, Instant end) {
    return options.withDates(
        calendar.firstDay(DayUnits.day(start)), calendar.firstDay(DayUnits.day(end)).minusDays(1));
  }

  private static Instant instant(LocalDate day) {
    return day.atStartOfDay(ZoneOffset.UTC).toInstant();
  }
}
