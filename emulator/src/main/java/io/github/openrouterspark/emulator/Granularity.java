package io.github.openrouterspark.emulator;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;

/**
 * Time buckets of {@code /analytics/query}, in UTC. Weeks start on <em>Sunday</em>: the only
 * published weekly rows (OpenRouter's cost-control cookbook: {@code "date__week": "2026-06-07"} and
 * {@code "2026-05-31"}) are Sundays, ClickHouse's default {@code toStartOfWeek}. Rankings-daily
 * weeks start on Monday; a client must not assume the two agree.
 */
enum Granularity {
  MINUTE("Minute"),
  HOUR("Hour"),
  DAY("Day"),
  WEEK("Week"),
  MONTH("Month");

  /** Minute buckets only for windows up to this long (docs/api-contract.md §5). */
  static final Duration MINUTE_WINDOW = Duration.ofHours(3);

  private final String label;

  Granularity(String label) {
    this.label = label;
  }

  String granularityName() {
    return name().toLowerCase(Locale.ROOT);
  }

  String label() {
    return label;
  }

  /** The row key of the bucket start, e.g. {@code date__day}. */
  String column() {
    return "date__" + granularityName();
  }

  /** The start of the bucket holding {@code t}. */
  Instant bucket(Instant t) {
    return switch (this) {
      case MINUTE -> t.truncatedTo(ChronoUnit.MINUTES);
      case HOUR -> t.truncatedTo(ChronoUnit.HOURS);
      case DAY -> t.truncatedTo(ChronoUnit.DAYS);
      case WEEK -> startOf(day(t).with(TemporalAdjusters.previousOrSame(DayOfWeek.SUNDAY)));
      case MONTH -> startOf(day(t).withDayOfMonth(1));
    };
  }

  private static LocalDate day(Instant t) {
    return LocalDate.ofInstant(t, ZoneOffset.UTC);
  }

  private static Instant startOf(LocalDate day) {
    return day.atStartOfDay(ZoneOffset.UTC).toInstant();
  }

  static Granularity byName(String name) {
    for (Granularity granularity : values()) {
      if (granularity.granularityName().equals(name)) {
        return granularity;
      }
    }
    return null;
  }
}
