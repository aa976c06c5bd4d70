package io.github.openrouterspark.plan;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The time buckets of {@code /analytics/query}, in UTC. Weeks start on Sunday: the only published
 * weekly rows (OpenRouter's cost-control cookbook, {@code "date__week": "2026-06-07"}) are Sundays.
 * Rankings-daily weeks start on Monday; the two must not be assumed to agree.
 */
public enum AnalyticsGranularity {
  MINUTE,
  HOUR,
  DAY,
  WEEK,
  MONTH;

  public String apiName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static AnalyticsGranularity parse(String name) {
    for (AnalyticsGranularity g : values()) {
      if (g.apiName().equals(name.strip().toLowerCase(Locale.ROOT))) {
        return g;
      }
    }
    return null;
  }

  public static String known() {
    return Arrays.stream(values())
        .map(AnalyticsGranularity::apiName)
        .collect(Collectors.joining(", "));
  }

  /** The start of the bucket holding {@code t}. */
  public Instant floor(Instant t) {
    return switch (this) {
      case MINUTE -> t.truncatedTo(ChronoUnit.MINUTES);
      case HOUR -> t.truncatedTo(ChronoUnit.HOURS);
      case DAY -> t.truncatedTo(ChronoUnit.DAYS);
      case WEEK -> startOf(day(t).with(TemporalAdjusters.previousOrSame(DayOfWeek.SUNDAY)));
      case MONTH -> startOf(day(t).withDayOfMonth(1));
    };
  }

  /** The start of the bucket after the one holding {@code t}. */
  public Instant next(Instant t) {
    Instant start = floor(t);
    return switch (this) {
      case MINUTE -> start.plus(1, ChronoUnit.MINUTES);
      case HOUR -> start.plus(1, ChronoUnit.HOURS);
      case DAY -> start.plus(1, ChronoUnit.DAYS);
      case WEEK -> start.plus(7, ChronoUnit.DAYS);
      case MONTH -> startOf(day(start).plusMonths(1));
    };
  }

  /** The first bucket start at or after {@code t}. */
  public Instant ceil(Instant t) {
    Instant start = floor(t);
    return start.equals(t) ? t : next(t);
  }

  public boolean isBucketStart(Instant t) {
    return floor(t).equals(t);
  }

  private static LocalDate day(Instant t) {
    return LocalDate.ofInstant(t, ZoneOffset.UTC);
  }

  private static Instant startOf(LocalDate day) {
    return day.atStartOfDay(ZoneOffset.UTC).toInstant();
  }
}
