package io.github.openrouterspark.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.openrouterspark.emulator.TestHttp.Response;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * How 429s say when to come back, in each {@link RetryAfterFlavour}, and run-time limit changes.
 */
class RateLimitSignallingTest {
  private static final Instant T0 = Instant.parse("2026-05-12T02:00:00Z");
  private static final String KEY = OpenRouterEmulator.DEFAULT_API_KEY;

  /** One day of rankings: small, so dozens of requests stay fast. */
  private static final String SMALL = "start_date=2026-05-11&end_date=2026-05-11";

  private final ManualClock clock = new ManualClock(T0);
  private final List<OpenRouterEmulator> started = new ArrayList<>();

  @AfterEach
  void stopEmulators() {
    started.forEach(OpenRouterEmulator::close);
  }

  private OpenRouterEmulator start(OpenRouterEmulator.Builder builder) {
    OpenRouterEmulator emulator = builder.clock(clock).start();
    started.add(emulator);
    return emulator;
  }

  private static Response rankings(OpenRouterEmulator emulator) {
    return TestHttp.get(emulator.baseUrl() + "/datasets/rankings-daily?" + SMALL, KEY);
  }

  private static String header(Response response, String name) {
    List<String> values = response.headers().get(name);
    if (values == null) {
      return null;
    }
    assertEquals(1, values.size(), name);
    return values.get(0);
  }

  /** The brief's example: 30 requests at t0, the 31st at t0 + 20 s waits until t0 + 60 s. */
  @ParameterizedTest
  @CsvSource(
      nullValues = "-",
      value = {
        "NONE,         -,                             -",
        "SECONDS,      40,                            -",
        "HTTP_DATE,    'Tue, 12 May 2026 02:01:00 GMT', -",
        "MILLISECONDS, -,                             40000",
      })
  void fullMinuteWindowSignalsTheTrueWait(
      RetryAfterFlavour flavour, String retryAfter, String retryAfterMs) {
    OpenRouterEmulator emulator = start(OpenRouterEmulator.builder().retryAfter(flavour));
    for (int i = 0; i < 30; i++) {
      assertEquals(200, rankings(emulator).status());
    }
    clock.advance(Duration.ofSeconds(20));

    Response limited = rankings(emulator);

    assertEquals(429, limited.status());
    assertEquals(retryAfter, header(limited, "retry-after"));
    assertEquals(retryAfterMs, header(limited, "retry-after-ms"));
    assertEquals("30", header(limited, "x-ratelimit-limit"));
    assertEquals("0", header(limited, "x-ratelimit-remaining"));
    assertEquals(
        Long.toString(T0.plusSeconds(60).toEpochMilli()), header(limited, "x-ratelimit-reset"));
    assertEquals("application/json", limited.contentType());
    assertEquals(
        "rate_limit_exceeded", ((Map<?, ?>) limited.error().get("metadata")).get("error_type"));
    // Waiting exactly as told is enough: at t0 + 60 s the window has room again.
    clock.set(T0.plusSeconds(60));
    assertEquals(200, rankings(emulator).status());
  }

  @Test
  void defaultFlavourIsSecondsAndHttpDateIsAnImfFixdate() {
    OpenRouterEmulator emulator = start(OpenRouterEmulator.builder().rateLimitPerMinute(1));
    clock.set(Instant.parse("2026-06-01T09:05:03Z"));
    rankings(emulator);

    assertEquals(RetryAfterFlavour.SECONDS, emulator.retryAfter());
    assertEquals("60", header(rankings(emulator), "retry-after"));
    emulator.setRetryAfter(RetryAfterFlavour.HTTP_DATE);
    String date = header(rankings(emulator), "retry-after");
    // A single-digit day is zero-padded (RFC_1123_DATE_TIME would write "1 Jun").
    assertEquals("Mon, 01 Jun 2026 09:06:03 GMT", date);
    assertEquals(
        Instant.parse("2026-06-01T09:06:03Z"),
        ZonedDateTime.parse(date, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
  }

  @Test
  void fractionalWaitsRoundUpSoAClientIsNeverEarly() {
    OpenRouterEmulator emulator = start(OpenRouterEmulator.builder().rateLimitPerMinute(1));
    clock.set(T0.plusMillis(500));
    rankings(emulator); // counted until t0 + 60.5 s
    clock.set(T0.plusNanos(20_250_000_100L)); // 40.2499999 s before that

    emulator.setRetryAfter(RetryAfterFlavour.SECONDS);
    Response seconds = rankings(emulator);
    emulator.setRetryAfter(RetryAfterFlavour.HTTP_DATE);
    Response date = rankings(emulator);
    emulator.setRetryAfter(RetryAfterFlavour.MILLISECONDS);
    Response millis = rankings(emulator);

    assertEquals("41", header(seconds, "retry-after"));
    assertEquals("Tue, 12 May 2026 02:01:01 GMT", header(date, "retry-after"));
    assertEquals("40250", header(millis, "retry-after-ms"));
    assertNull(header(millis, "retry-after"));
    assertEquals(
        Long.toString(T0.plusMillis(60_500).toEpochMilli()), header(millis, "x-ratelimit-reset"));
  }

  @Test
  void rollingWindowWaitIsForTheOldestCountedRequest() {
    OpenRouterEmulator emulator = start(OpenRouterEmulator.builder().rateLimitPerMinute(3));
    for (int s : new int[] {0, 10, 20}) {
      clock.set(T0.plusSeconds(s));
      assertEquals(200, rankings(emulator).status());
    }
    clock.set(T0.plusSeconds(30));
    assertEquals("30", header(rankings(emulator), "retry-after"));
    clock.set(T0.plusSeconds(60));
    assertEquals(200, rankings(emulator).status());
    // Window now holds t0+10, t0+20, t0+60: the next slot frees at t0+70.
    assertEquals("10", header(rankings(emulator), "retry-after"));
    clock.set(T0.plusSeconds(70));
    assertEquals(200, rankings(emulator).status());
  }

  @ParameterizedTest
  @EnumSource(RetryAfterFlavour.class)
  void dailyLimitPointsToTheNextUtcMidnight(RetryAfterFlavour flavour) {
    OpenRouterEmulator emulator =
        start(OpenRouterEmulator.builder().dailyLimitPerAccount(2).retryAfter(flavour));
    clock.set(Instant.parse("2026-05-12T22:30:15.250Z"));
    rankings(emulator);
    rankings(emulator);

    Response limited = rankings(emulator);

    assertEquals(429, limited.status());
    Instant midnight = Instant.parse("2026-05-13T00:00:00Z");
    assertEquals("2", header(limited, "x-ratelimit-limit"));
    assertEquals("0", header(limited, "x-ratelimit-remaining"));
    assertEquals(Long.toString(midnight.toEpochMilli()), header(limited, "x-ratelimit-reset"));
    switch (flavour) {
      case NONE ->
          assertFalse(
              limited.headers().containsKey("retry-after")
                  || limited.headers().containsKey("retry-after-ms"));
      case SECONDS ->
          assertEquals("5385", header(limited, "retry-after")); // 1 h 29 min 44.75 s, rounded up
      case HTTP_DATE ->
          assertEquals("Wed, 13 May 2026 00:00:00 GMT", header(limited, "retry-after"));
      case MILLISECONDS -> assertEquals("5384750", header(limited, "retry-after-ms"));
      default -> throw new IllegalArgumentException(flavour.name());
    }
    clock.set(midnight);
    assertEquals(200, rankings(emulator).status());
  }

  @Test
  void appRankingsLimitedBySharedQuotaSignalsToo() {
    OpenRouterEmulator emulator =
        start(
            OpenRouterEmulator.builder()
                .rateLimitPerMinute(1)
                .retryAfter(RetryAfterFlavour.MILLISECONDS));
    rankings(emulator);
    clock.advance(Duration.ofMillis(1500));

    Response limited = TestHttp.get(emulator.baseUrl() + "/datasets/app-rankings", KEY);

    assertEquals(429, limited.status());
    assertEquals("58500", header(limited, "retry-after-ms"));
  }

  @Test
  void flavourSwitchesBetweenRequests() {
    OpenRouterEmulator emulator = start(OpenRouterEmulator.builder().rateLimitPerMinute(1));
    rankings(emulator);

    emulator.setRetryAfter(RetryAfterFlavour.NONE);
    Response none = rankings(emulator);
    emulator.setRetryAfter(RetryAfterFlavour.MILLISECONDS);
    Response millis = rankings(emulator);
    emulator.setRetryAfter(RetryAfterFlavour.SECONDS);
    Response seconds = rankings(emulator);

    assertNull(header(none, "retry-after"));
    assertNull(header(none, "retry-after-ms"));
    assertEquals("1", header(none, "x-ratelimit-limit")); // the X-RateLimit-* headers stay
    assertEquals("60000", header(millis, "retry-after-ms"));
    assertEquals("60", header(seconds, "retry-after"));
    assertNull(header(seconds, "retry-after-ms"));
    assertThrows(NullPointerException.class, () -> emulator.setRetryAfter(null));
  }

  @Test
  void successfulResponsesCarryNoRateLimitHeaders() {
    Response ok = rankings(start(OpenRouterEmulator.builder()));

    assertEquals(200, ok.status());
    for (String name :
        List.of(
            "retry-after",
            "retry-after-ms",
            "x-ratelimit-limit",
            "x-ratelimit-remaining",
            "x-ratelimit-reset")) {
      assertFalse(ok.headers().containsKey(name), name);
    }
  }

  @Test
  void perMinuteLimitChangesAtRunTime() {
    OpenRouterEmulator emulator = start(OpenRouterEmulator.builder().rateLimitPerMinute(10));
    for (int s = 0; s < 5; s++) {
      clock.set(T0.plusSeconds(s));
      assertEquals(200, rankings(emulator).status());
    }
    clock.set(T0.plusSeconds(5));

    emulator.setRateLimitPerMinute(2);
    Response limited = rankings(emulator);
    assertEquals(429, limited.status());
    // Five requests in the window, two allowed: the one of t0 + 3 s leaves last, at t0 + 63 s.
    assertEquals("58", header(limited, "retry-after"));
    assertEquals("2", header(limited, "x-ratelimit-limit"));

    emulator.setRateLimitPerMinute(6);
    assertEquals(200, rankings(emulator).status());
    assertEquals(429, rankings(emulator).status());
    assertEquals("6", header(rankings(emulator), "x-ratelimit-limit"));
  }

  @Test
  void dailyLimitChangesAtRunTime() {
    OpenRouterEmulator emulator = start(OpenRouterEmulator.builder());
    for (int i = 0; i < 3; i++) {
      assertEquals(200, rankings(emulator).status());
    }

    emulator.setDailyLimitPerAccount(3);
    Response limited = rankings(emulator);
    assertEquals(429, limited.status());
    assertEquals("3", header(limited, "x-ratelimit-limit"));
    assertEquals("79200", header(limited, "retry-after")); // 22 h to midnight

    emulator.setDailyLimitPerAccount(500);
    assertEquals(200, rankings(emulator).status());
  }

  @Test
  void runTimeLimitsMustBePositive() {
    OpenRouterEmulator emulator = start(OpenRouterEmulator.builder());

    assertThrows(IllegalArgumentException.class, () -> emulator.setRateLimitPerMinute(0));
    assertThrows(IllegalArgumentException.class, () -> emulator.setDailyLimitPerAccount(0));
    assertThrows(NullPointerException.class, () -> OpenRouterEmulator.builder().retryAfter(null));
  }

  @Test
  void roundingHelpersRoundUp() {
    assertEquals(40, RetryAfterFlavour.ceilSeconds(Duration.ofSeconds(40)));
    assertEquals(41, RetryAfterFlavour.ceilSeconds(Duration.ofSeconds(40, 1)));
    assertEquals(1, RetryAfterFlavour.ceilMillis(Duration.ofNanos(1)));
    assertEquals(40_000, RetryAfterFlavour.ceilMillis(Duration.ofSeconds(40)));
    assertEquals(T0, RetryAfterFlavour.ceilToSecond(T0));
    assertEquals(T0.plusSeconds(1), RetryAfterFlavour.ceilToSecond(T0.plusNanos(1)));
    assertEquals(T0.toEpochMilli() + 1, RetryAfterFlavour.ceilEpochMillis(T0.plusNanos(1)));
  }
}
