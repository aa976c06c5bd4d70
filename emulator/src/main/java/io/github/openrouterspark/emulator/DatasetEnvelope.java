package io.github.openrouterspark.emulator;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * The {@code {"data":[...],"meta":{...}}} envelope shared by the Data API endpoints. Member order
 * is switchable because JSON objects are unordered and clients must not depend on it.
 */
final class DatasetEnvelope {
  /** {@code as_of} always carries milliseconds, like the spec's "2026-05-12T02:00:00.000Z". */
  private static final DateTimeFormatter AS_OF =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private final boolean metaFirst;

  DatasetEnvelope(boolean metaFirst) {
    this.metaFirst = metaFirst;
  }

  /** A body whose {@code data} array is written by {@code items}. */
  JsonBody body(JsonBody items, Instant asOf, DateWindow window) {
    return json -> {
      json.writeStartObject();
      if (metaFirst) {
        writeMeta(json, asOf, window);
      }
      json.writeArrayFieldStart("data");
      items.writeTo(json);
      json.writeEndArray();
      if (!metaFirst) {
        writeMeta(json, asOf, window);
      }
      json.writeEndObject();
    };
  }

  private static void writeMeta(JsonGenerator json, Instant asOf, DateWindow window)
      throws IOException {
    json.writeObjectFieldStart("meta");
    json.writeStringField("as_of", AS_OF.format(asOf.truncatedTo(ChronoUnit.MILLIS)));
    json.writeStringField("version", "v1");
    json.writeStringField("start_date", window.start().toString());
    json.writeStringField("end_date", window.end().toString());
    json.writeEndObject();
  }
}
