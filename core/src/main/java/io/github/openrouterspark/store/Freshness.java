package io.github.openrouterspark.store;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * How long a validated response stays true. A dataset response whose last day ({@code
 * meta.end_date}) lies before both the day of its {@code meta.as_of} and today (UTC) holds only
 * completed days, which the API never restates: it is final. Anything else (today's live totals, a
 * response without those fields, analytics) expires after the query's TTL.
 */
final class Freshness {
  private static final JsonFactory JSON = new JsonFactory();

  private Freshness() {}

  /** When {@code body} stops being reusable, or {@link Long#MAX_VALUE} for never. */
  static long expiresAtMillis(byte[] body, Duration ttl, Clock clock) {
    long expiring = clock.millis() + ttl.toMillis();
    try {
      LocalDate[] meta = metaDates(body);
      LocalDate end = meta[0];
      LocalDate asOf = meta[1];
      LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
      return end != null && asOf != null && end.isBefore(asOf) && end.isBefore(today)
          ? Long.MAX_VALUE
          : expiring;
    } catch (IOException | DateTimeParseException e) {
      return expiring;
    }
  }

  /** {@code meta.end_date} and the UTC day of {@code meta.as_of}, each null when absent. */
  private static LocalDate[] metaDates(byte[] body) throws IOException {
    LocalDate[] found = new LocalDate[2];
    try (JsonParser p = JSON.createParser(body)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return found;
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        JsonToken value = p.nextToken();
        if (field.equals("meta") && value == JsonToken.START_OBJECT) {
          while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken v = p.nextToken();
            if (v == JsonToken.VALUE_STRING && name.equals("end_date")) {
              found[0] = LocalDate.parse(p.getText());
            } else if (v == JsonToken.VALUE_STRING && name.equals("as_of")) {
              found[1] = Instant.parse(p.getText()).atOffset(ZoneOffset.UTC).toLocalDate();
            } else {
              p.skipChildren();
            }
          }
        } else {
          p.skipChildren();
        }
      }
    }
    return found;
  }
}
