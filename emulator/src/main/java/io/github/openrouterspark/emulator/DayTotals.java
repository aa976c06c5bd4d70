package io.github.openrouterspark.emulator;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;

/** Arithmetic on per-model or per-app token arrays of one day, shared by the market's rankings. */
final class DayTotals {
  private static final long MILLIS_PER_DAY = Duration.ofDays(1).toMillis();

  private DayTotals() {}

  /**
   * Milliseconds of {@code today} elapsed at {@code now}: today's volumes are this share of a day.
   */
  static long elapsedToday(LocalDate today, Instant now) {
    return now.toEpochMilli() - today.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
  }

  /** The part of a full-day volume that has happened after {@code elapsed} milliseconds. */
  static long partial(long fullDay, long elapsed) {
    return scale(fullDay, elapsed, MILLIS_PER_DAY);
  }

  /** floor(value * numerator / denominator) without overflowing the intermediate product. */
  private static long scale(long value, long numerator, long denominator) {
    return value / denominator * numerator + value % denominator * numerator / denominator;
  }

  static void addInto(Map<LocalDate, long[]> buckets, LocalDate bucket, long[] tokens) {
    add(buckets.computeIfAbsent(bucket, b -> new long[tokens.length]), tokens);
  }

  static void add(long[] sum, long[] tokens) {
    for (int i = 0; i < sum.length; i++) {
      sum[i] = Math.addExact(sum[i], tokens[i]);
    }
  }

  static LocalDate max(LocalDate a, LocalDate b) {
    return a.isAfter(b) ? a : b;
  }

  static LocalDate min(LocalDate a, LocalDate b) {
    return a.isBefore(b) ? a : b;
  }
}
