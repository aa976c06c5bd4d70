package io.github.openrouterspark.plan;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

/**
 * An immutable set of dates, held as sorted, disjoint, non-adjacent ranges. It is what date
 * predicates allow: planning covers it with windows, and readers drop rows outside it. {@link #ALL}
 * spans {@link LocalDate#MIN}..{@link LocalDate#MAX}, so complements stay exact.
 */
public final class DateSet implements Serializable {
  private static final long serialVersionUID = 1L;

  public static final DateSet ALL =
      new DateSet(List.of(new DateRange(LocalDate.MIN, LocalDate.MAX)));
  public static final DateSet NONE = new DateSet(List.of());

  private final List<DateRange> ranges;

  private DateSet(List<DateRange> normalized) {
    this.ranges = List.copyOf(normalized);
  }

  public static DateSet of(DateRange range) {
    return new DateSet(List.of(range));
  }

  public static DateSet of(LocalDate start, LocalDate end) {
    return end.isBefore(start) ? NONE : of(new DateRange(start, end));
  }

  public static DateSet ofDates(Collection<LocalDate> dates) {
    return union(dates.stream().map(DateRange::single).toList());
  }

  public static DateSet atOrAfter(LocalDate date) {
    return of(date, LocalDate.MAX);
  }

  public static DateSet atOrBefore(LocalDate date) {
    return of(LocalDate.MIN, date);
  }

  /** Strictly after {@code date}. */
  public static DateSet after(LocalDate date) {
    return date.equals(LocalDate.MAX) ? NONE : atOrAfter(date.plusDays(1));
  }

  /** Strictly before {@code date}. */
  public static DateSet before(LocalDate date) {
    return date.equals(LocalDate.MIN) ? NONE : atOrBefore(date.minusDays(1));
  }

  private static DateSet union(List<DateRange> unsorted) {
    List<DateRange> sorted = new ArrayList<>(unsorted);
    sorted.sort(null);
    List<DateRange> merged = new ArrayList<>();
    for (DateRange r : sorted) {
      if (!merged.isEmpty()) {
        DateRange last = merged.get(merged.size() - 1);
        if (last.end().equals(LocalDate.MAX)) {
          break; // everything after is already covered
        }
        // Merge overlapping and adjacent ranges so the representation is canonical.
        if (!r.start().isAfter(last.end().plusDays(1))) {
          if (r.end().isAfter(last.end())) {
            merged.set(merged.size() - 1, new DateRange(last.start(), r.end()));
          }
          continue;
        }
      }
      merged.add(r);
    }
    return new DateSet(merged);
  }

  public DateSet union(DateSet other) {
    List<DateRange> all = new ArrayList<>(ranges);
    all.addAll(other.ranges);
    return union(all);
  }

  public DateSet intersect(DateSet other) {
    List<DateRange> out = new ArrayList<>();
    int i = 0;
    int j = 0;
    while (i < ranges.size() && j < other.ranges.size()) {
      DateRange a = ranges.get(i);
      DateRange b = other.ranges.get(j);
      LocalDate start = a.start().isAfter(b.start()) ? a.start() : b.start();
      LocalDate end = a.end().isBefore(b.end()) ? a.end() : b.end();
      if (!end.isBefore(start)) {
        out.add(new DateRange(start, end));
      }
      if (a.end().isBefore(b.end())) {
        i++;
      } else {
        j++;
      }
    }
    return new DateSet(out);
  }

  public DateSet complement() {
    List<DateRange> out = new ArrayList<>();
    LocalDate cursor = LocalDate.MIN;
    boolean open = true;
    for (DateRange r : ranges) {
      if (r.start().isAfter(cursor)) {
        out.add(new DateRange(cursor, r.start().minusDays(1)));
      }
      if (r.end().equals(LocalDate.MAX)) {
        open = false;
        break;
      }
      cursor = r.end().plusDays(1);
    }
    if (open) {
      out.add(new DateRange(cursor, LocalDate.MAX));
    }
    return new DateSet(out);
  }

  public boolean contains(LocalDate date) {
    // Ranges are few (one per IN value at most); a linear scan beats a search for typical sizes,
    // and the reader asks once per distinct date, not per row.
    for (DateRange r : ranges) {
      if (r.contains(date)) {
        return true;
      }
      if (r.start().isAfter(date)) {
        return false;
      }
    }
    return false;
  }

  /** True when the set has a first date (is not open towards the past). */
  public boolean isBoundedBelow() {
    return !ranges.isEmpty() && !ranges.get(0).start().equals(LocalDate.MIN);
  }

  /** True when the set has a last date (is not open towards the future). */
  public boolean isBoundedAbove() {
    return !ranges.isEmpty() && !ranges.get(ranges.size() - 1).end().equals(LocalDate.MAX);
  }

  /** The first date; only for a non-empty set. */
  public LocalDate first() {
    return ranges.get(0).start();
  }

  /** The last date; only for a non-empty set. */
  public LocalDate last() {
    return ranges.get(ranges.size() - 1).end();
  }

  public boolean isEmpty() {
    return ranges.isEmpty();
  }

  public boolean isAll() {
    return equals(ALL);
  }

  public List<DateRange> ranges() {
    return ranges;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DateSet other && other.ranges.equals(ranges);
  }

  @Override
  public int hashCode() {
    return ranges.hashCode();
  }

  @Override
  public String toString() {
    if (isAll()) {
      return "all dates";
    }
    if (isEmpty()) {
      return "no dates";
    }
    return ranges.stream()
        .map(
            r ->
                r.start().equals(LocalDate.MIN)
                    ? "..≤" + r.end()
                    : r.end().equals(LocalDate.MAX) ? "≥" + r.start() + ".." : r.toString())
        .collect(Collectors.joining(", ", "{", "}"));
  }
}
