package io.github.openrouterspark.plan;

import java.io.Serializable;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/** An inclusive range of UTC dates, {@code start <= end}. */
public record DateRange(LocalDate start, LocalDate end)
    implements Serializable, Comparable<DateRange> {

  public DateRange {
    if (end.isBefore(start)) {
      throw new IllegalArgumentException("end " + end + " is before start " + start);
    }
  }

  public static DateRange of(LocalDate start, LocalDate end) {
    return new DateRange(start, end);
  }

  public static DateRange single(LocalDate date) {
    return new DateRange(date, date);
  }

  /** Number of dates in the range, counting both ends. */
  public long days() {
    return ChronoUnit.DAYS.between(start, end) + 1;
  }

  public boolean contains(LocalDate date) {
    return !date.isBefore(start) && !date.isAfter(end);
  }

  @Override
  public int compareTo(DateRange other) {
    int byStart = start.compareTo(other.start);
    return byStart != 0 ? byStart : end.compareTo(other.end);
  }

  @Override
  public String toString() {
    return start.equals(end) ? start.toString() : start + ".." + end;
  }
}
