package io.github.openrouterspark.spark.stream;

import io.github.openrouterspark.options.ReadOptions;
import java.time.Instant;

/**
 * How a stream's offsets step: the boundaries between the units it reads (days, windows of days,
 * analytics buckets), when a unit is complete, and which batch read covers {@code [start, end)}.
 * Offsets are always boundaries; an end offset is exclusive.
 */
interface StreamUnit {
  /** What the offset JSON calls the unit, e.g. {@code day}, {@code 7-day-window}, {@code hour}. */
  String name();

  /** The boundary a stream whose start option is {@code t} starts at. */
  Instant start(Instant t);

  /** The boundary after {@code boundary}. */
  Instant next(Instant boundary);

  /**
   * The last boundary at or before {@code now} reachable from {@code origin} (itself a boundary):
   * every unit before it has ended, so the API serves it complete. Never in the current unit.
   */
  Instant completedThrough(Instant origin, Instant now);

  /** The offset JSON's text of a boundary: a date for day units, an instant for buckets. */
  String format(Instant boundary);

  Instant parse(String text);

  /** The batch read of the units in {@code [start, end)}. */
  ReadOptions slice(ReadOptions options, Instant start, Instant end);
}
