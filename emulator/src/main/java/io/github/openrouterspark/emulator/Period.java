package io.github.openrouterspark.emulator;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.Arrays;
import java.util.List;

/** The {@code period} query parameter: the time grain of rankings rows. */
enum Period {
  DAY("day"),
  WEEK("week"),
  MONTH("month");

  private final String wire;

  Period(String wire) {
    this.wire = wire;
  }

  String wire() {
    return wire;
  }

  static List<String> wireValues() {
    return Arrays.stream(values()).map(Period::wire).toList();
  }

  static Period fromWire(String value) {
    return Arrays.stream(values())
        .filter(p -> p.wire.equals(value))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException(value));
  }

  /** The date a row of this grain carries: the day itself, its ISO week's Monday, or the 1st. */
  LocalDate bucketStart(LocalDate day) {
    return switch (this) {
      case DAY -> day;
      case WEEK -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
      case MONTH -> day.withDayOfMonth(1);
    };
  }
}
