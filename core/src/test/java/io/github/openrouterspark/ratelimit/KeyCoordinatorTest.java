package io.github.openrouterspark.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The daily count per key, and the one warning at 80% of the Data API's 500 requests a day. */
class KeyCoordinatorTest {
  /** A clock the test moves. */
  private static final class MovableClock extends Clock {
    Instant now = Instant.parse("2026-11-20T23:30:00Z");

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  @Test
  void warnsOnceAtEightyPercentOfTheDailyAllowanceAndAgainTheNextUtcDay() {
    MovableClock clock = new MovableClock();
    List<String> warnings = new ArrayList<>();
    KeyCoordinator key = new KeyCoordinator("0123456789abcdef", 10_000, clock, warnings::add);
    for (int i = 0; i < 399; i++) {
      key.reserveMillis(10_000);
    }
    assertEquals(List.of(), warnings);
    assertEquals(399, key.requestsToday());
    key.reserveMillis(10_000);
    assertEquals(1, warnings.size());
    assertTrue(
        warnings.get(0).contains("0123456789abcdef has sent 400 requests today")
            && warnings.get(0).contains("80% of the account's 500"),
        warnings.get(0));
    for (int i = 0; i < 50; i++) {
      key.reserveMillis(10_000);
    }
    assertEquals(1, warnings.size(), "one warning a day");

    clock.now = clock.now.plus(Duration.ofHours(1)); // 00:30 UTC: a new day
    assertEquals(0, key.requestsToday());
    for (int i = 0; i < 400; i++) {
      key.reserveMillis(10_000);
    }
    assertEquals(2, warnings.size());
  }

  @Test
  void aScopedLimiterHasNoDailyAllowance() {
    List<String> warnings = new ArrayList<>();
    KeyCoordinator analytics =
        new KeyCoordinator("0123456789abcdef/analytics", 10_000, new MovableClock(), warnings::add);
    for (int i = 0; i < 600; i++) {
      analytics.reserveMillis(10_000);
    }
    assertEquals(600, analytics.requestsToday());
    assertEquals(List.of(), warnings);
  }
}
