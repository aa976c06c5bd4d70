package io.github.openrouterspark.emulator;

import java.time.LocalDate;
import java.util.Objects;

/** A resolved, inclusive UTC date window, as echoed in {@code meta.start_date/end_date}. */
record DateWindow(LocalDate start, LocalDate end) {
  DateWindow {
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    if (start.isAfter(end)) {
      throw new IllegalArgumentException("start " + start + " is after end " + end);
    }
  }
}
