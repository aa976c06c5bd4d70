package io.github.openrouterspark.emulator;

import java.util.Objects;

/** A validated {@code GET /datasets/rankings-daily} request. */
record RankingsQuery(DateWindow window, Period period, Slice slice) {
  RankingsQuery {
    Objects.requireNonNull(window, "window");
    Objects.requireNonNull(period, "period");
    Objects.requireNonNull(slice, "slice");
    if (slice.sampled() && period == Period.DAY) {
      throw new IllegalArgumentException("sampled datasets have no daily grain");
    }
  }
}
