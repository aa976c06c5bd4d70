package io.github.openrouterspark.plan;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;

/** A half-open time range {@code [start, end)}: one analytics request's {@code time_range}. */
public record TimeWindow(Instant start, Instant end) implements Serializable {
  public TimeWindow {
    if (!start.isBefore(end)) {
      throw new IllegalArgumentException("empty time window " + start + " .. " + end);
    }
  }

  public Duration length() {
    return Duration.between(start, end);
  }

  @Override
  public String toString() {
    return start + ".." + end;
  }
}
