package io.github.openrouterspark.spark.stream;

import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.connector.read.streaming.Offset;

/**
 * A position in a stream: the exclusive end of what was read, always a unit boundary. Spark
 * compares offsets by their JSON, so the JSON is written by hand in one fixed field order, e.g.
 * {@code {"v":1,"dataset":"rankings-daily","unit":"day","end":"2025-01-31"}}.
 */
final class StreamOffset extends Offset {
  static final int VERSION = 1;
  private static final Pattern JSON =
      Pattern.compile(
          "\\{\"v\":(\\d+),\"dataset\":\"([a-z-]+)\",\"unit\":\"([a-z0-9-]+)\",\"end\":\"([0-9TZ:.-]+)\"}");

  private final String dataset;
  private final StreamUnit unit;
  private final Instant end;

  StreamOffset(String dataset, StreamUnit unit, Instant end) {
    this.dataset = dataset;
    this.unit = unit;
    this.end = end;
  }

  Instant end() {
    return end;
  }

  @Override
  public String json() {
    return "{\"v\":"
        + VERSION
        + ",\"dataset\":\""
        + dataset
        + "\",\"unit\":\""
        + unit.name()
        + "\",\"end\":\""
        + unit.format(end)
        + "\"}";
  }

  /**
   * The offset {@code json} describes, which must be of this stream's dataset and unit: a
   * checkpoint written with other options (another dataset, windowDays or granularity) cannot be
   * continued.
   */
  static StreamOffset parse(String json, String dataset, StreamUnit unit) {
    Matcher m = JSON.matcher(json.strip());
    if (!m.matches() || Integer.parseInt(m.group(1)) != VERSION) {
      throw new IllegalArgumentException(
          "Not an openrouter stream offset of version " + VERSION + ": " + json);
    }
    if (!m.group(2).equals(dataset) || !m.group(3).equals(unit.name())) {
      throw new IllegalArgumentException(
          "The checkpoint's offset "
              + json
              + " was written by a stream of "
              + m.group(2)
              + " in units of "
              + m.group(3)
              + ", but this stream reads "
              + dataset
              + " in units of "
              + unit.name()
              + " (windowDays or granularity changed?): use a new checkpointLocation.");
    }
    return new StreamOffset(dataset, unit, unit.parse(m.group(4)));
  }

  @Override
  public String toString() {
    return json();
  }
}
