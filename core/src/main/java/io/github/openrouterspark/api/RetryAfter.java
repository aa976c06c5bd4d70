package io.github.openrouterspark.api;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import okhttp3.Headers;

/**
 * Reads how long the API asks a client to wait: {@code retry-after-ms} first, then {@code
 * Retry-After} as seconds or as an HTTP date (the forms the OpenRouter SDKs honour).
 */
final class RetryAfter {
  /** Longer hints are read as this: the caller only compares them with its own bounds. */
  static final Duration LONGEST = Duration.ofDays(3650);

  private RetryAfter() {}

  /** The wait, or null when the response gives none (or an unreadable one). */
  static Duration from(Headers headers, Instant now) {
    String ms = headers.get("retry-after-ms");
    if (ms != null) {
      try {
        double millis = Double.parseDouble(ms.strip());
        if (!Double.isNaN(millis)) {
          return bounded(
              millis >= LONGEST.toMillis() ? LONGEST : Duration.ofMillis(Math.round(millis)));
        }
      } catch (NumberFormatException e) {
        // fall through to Retry-After
      }
    }
    String value = headers.get("Retry-After");
    if (value == null) {
      return null;
    }
    String v = value.strip();
    try {
      return bounded(Duration.ofSeconds(Long.parseLong(v)));
    } catch (NumberFormatException e) {
      try {
        Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        return bounded(Duration.between(now, at));
      } catch (DateTimeParseException ignored) {
        return null;
      }
    }
  }

  private static Duration bounded(Duration d) {
    return d.isNegative() ? Duration.ZERO : d.compareTo(LONGEST) > 0 ? LONGEST : d;
  }
}
