package io.github.openrouterspark.plan;

import java.io.Serializable;
import java.time.LocalDate;

/** One request's inclusive date window. */
public record Window(LocalDate start, LocalDate end) implements Serializable {
  public Window {
    if (end.isBefore(start)) {
      throw new IllegalArgumentException("end " + end + " is before start " + start);
    }
  }

  public long days() {
    return new DateRange(start, end).days();
  }

  @Override
  public String toString() {
    return start + ".." + end;
  }
}
