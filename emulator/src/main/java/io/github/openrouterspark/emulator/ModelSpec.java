package io.github.openrouterspark.emulator;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A model of the synthetic catalog and the days it carries traffic.
 *
 * @param permaslug the public permaslug, as the API reports it
 * @param launched first day with traffic
 * @param retired first day without traffic again, or {@code null} while the model is still served
 */
record ModelSpec(String permaslug, LocalDate launched, LocalDate retired) {
  ModelSpec {
    Objects.requireNonNull(permaslug, "permaslug");
    Objects.requireNonNull(launched, "launched");
    if (retired != null && !retired.isAfter(launched)) {
      throw new IllegalArgumentException(permaslug + ": retired must be after launched");
    }
  }

  boolean servedOn(LocalDate day) {
    return !day.isBefore(launched) && (retired == null || day.isBefore(retired));
  }
}
