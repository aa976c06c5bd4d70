package io.github.openrouterspark.emulator;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;

/**
 * How a 429 (and an injected fault that carries a retry hint) says when to come back. The real Data
 * API's choice is unpublished (docs/api-contract.md §6, §9.1): OpenRouter's docs say a 429 or 503
 * <em>may</em> carry {@code Retry-After} in seconds, HTTP allows an HTTP-date there, and the
 * Speakeasy SDKs read {@code retry-after-ms} first. A client should cope with each, and with none.
 *
 * <p>The wait is always the true one: the time until the limiter would accept the same request.
 * Whole-second forms round it up, so a client that waits exactly as told is never early.
 */
public enum RetryAfterFlavour {
  /** No retry hint at all. */
  NONE,
  /** {@code Retry-After: <seconds>}, the wait rounded up to whole seconds. */
  SECONDS,
  /** {@code Retry-After: <IMF-fixdate>}, e.g. {@code Tue, 12 May 2026 02:01:00 GMT}, rounded up. */
  HTTP_DATE,
  /** {@code retry-after-ms: <milliseconds>}, rounded up; no {@code Retry-After}. */
  MILLISECONDS;

  /**
   * RFC 9110 §5.6.7 IMF-fixdate: two-digit day, English names, always GMT. {@link
   * DateTimeFormatter#RFC_1123_DATE_TIME} is not it: it writes single-digit days unpadded.
   */
  private static final DateTimeFormatter IMF_FIXDATE =
      DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US)
          .withZone(ZoneOffset.UTC);

  /** The headers telling a client, asking at {@code now}, to come back at {@code retryAt}. */
  Map<String, String> headers(Instant now, Instant retryAt) {
    Duration wait = retryAt.isAfter(now) ? Duration.between(now, retryAt) : Duration.ZERO;
    return switch (this) {
      case NONE -> Map.of();
      case SECONDS -> Map.of("Retry-After", Long.toString(ceilSeconds(wait)));
      case HTTP_DATE -> Map.of("Retry-After", IMF_FIXDATE.format(ceilToSecond(retryAt)));
      case MILLISECONDS -> Map.of("retry-after-ms", Long.toString(ceilMillis(wait)));
    };
  }

  static long ceilSeconds(Duration wait) {
    return wait.getSeconds() + (wait.getNano() > 0 ? 1 : 0);
  }

  static long ceilMillis(Duration wait) {
    return wait.toMillis() + (wait.getNano() % 1_000_000 > 0 ? 1 : 0);
  }

  static Instant ceilToSecond(Instant instant) {
    return instant.getNano() == 0
        ? instant
        : instant.truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
  }

  /** Epoch milliseconds, rounded up like the waits, for {@code X-RateLimit-Reset}. */
  static long ceilEpochMillis(Instant instant) {
    return instant.toEpochMilli() + (instant.getNano() % 1_000_000 > 0 ? 1 : 0);
  }
}
