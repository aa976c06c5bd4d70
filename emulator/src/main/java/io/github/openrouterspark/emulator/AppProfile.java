package io.github.openrouterspark.emulator;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The constants behind one app's daily token volume (see {@link AppVolumeModel}).
 *
 * @param key seeds the app's daily noise and outages; two apps with equal profiles have equal
 *     volumes on every day
 * @param base full-strength tokens per day at the pivot
 * @param launched first day with traffic
 * @param retired first day without traffic again, or {@code null}
 * @param rampDays time constant of the adoption ramp after launch
 * @param pivot the day the trend changes from {@code rateBefore} to {@code rateAfter}
 * @param rateBefore daily log-growth before the pivot
 * @param rateAfter daily log-growth after the pivot
 * @param weekendDip share of traffic lost on Saturdays and Sundays (negative: weekend gain)
 */
record AppProfile(
    long key,
    double base,
    LocalDate launched,
    LocalDate retired,
    double rampDays,
    LocalDate pivot,
    double rateBefore,
    double rateAfter,
    double weekendDip) {
  AppProfile {
    Objects.requireNonNull(launched, "launched");
    Objects.requireNonNull(pivot, "pivot");
    if (retired != null && !retired.isAfter(launched)) {
      throw new IllegalArgumentException("retired must be after launched");
    }
  }

  boolean activeOn(LocalDate day) {
    return !day.isBefore(launched) && (retired == null || day.isBefore(retired));
  }
}
