package io.github.openrouterspark.spark.stream;

import io.github.openrouterspark.options.ReadOptions;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * Units of {@code days} whole UTC days from the stream's origin: rankings-daily reads single days,
 * app-rankings one ranking per window of {@code windowDays}. A day is complete once the next one
 * has begun (00:00 UTC); before that the API serves it live.
 */
record DayUnits(int days) implements StreamUnit {
  @Override
  public String name() {
    return days == 1 ? "day" : days + "-day-window";
  }

  @Override
  public Instant start(Instant t) {
    Instant day = t.truncatedTo(ChronoUnit.DAYS);
    return day.equals(t) ? t : day.plus(1, ChronoUnit.DAYS);
  }

  @Override
  public Instant next(Instant boundary) {
    return boundary.plus(days, ChronoUnit.DAYS);
  }

  @Override
  public Instant completedThrough(Instant origin, Instant now) {
    long elapsed = ChronoUnit.DAYS.between(origin, now.truncatedTo(ChronoUnit.DAYS));
    return elapsed <= 0 ? origin : origin.plus(elapsed - elapsed % days, ChronoUnit.DAYS);
  }

  @Override
  public String format(Instant boundary) {
    return day(boundary).toString();
  }

  @Override
  public Instant parse(String text) {
    return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
  }

  /** The days start..end-1, inclusive as the startDate and endDate options are. */
  @Override
  public ReadOptions slice(ReadOptions options, Instant start, Instant end) {
    return options.withDates(day(start), day(end).minusDays(1));
  }

  static LocalDate day(Instant boundary) {
    return LocalDate.ofInstant(boundary, ZoneOffset.UTC);
  }
}
