package io.github.openrouterspark.emulator;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RateLimiterTest {
  private static final Instant T0 = Instant.parse("2026-03-10T12:00:00Z");

  @Test
  void windowRollsSixtySecondsAfterEachAcceptedRequest() {
    RateLimiter limiter = new RateLimiter(2, 100);

    assertTrue(limiter.tryAcquire("k", "acct", T0));
    assertTrue(limiter.tryAcquire("k", "acct", T0.plusSeconds(30)));
    assertFalse(limiter.tryAcquire("k", "acct", T0.plusSeconds(59)));
    // The first request leaves the window at exactly T0 + 60 s; the second still counts.
    assertTrue(limiter.tryAcquire("k", "acct", T0.plusSeconds(60)));
    assertFalse(limiter.tryAcquire("k", "acct", T0.plusSeconds(89)));
    assertTrue(limiter.tryAcquire("k", "acct", T0.plusSeconds(90)));
  }

  @Test
  void rejectedRequestsDoNotConsumeQuota() {
    RateLimiter limiter = new RateLimiter(1, 100);

    assertTrue(limiter.tryAcquire("k", "acct", T0));
    for (int s = 1; s < 60; s++) {
      assertFalse(limiter.tryAcquire("k", "acct", T0.plusSeconds(s)));
    }
    // Had the rejections counted, the window would still be full.
    assertTrue(limiter.tryAcquire("k", "acct", T0.plusSeconds(60)));
  }

  @Test
  void perMinuteQuotaIsPerKey() {
    RateLimiter limiter = new RateLimiter(1, 100);

    assertTrue(limiter.tryAcquire("k1", "acct", T0));
    assertTrue(limiter.tryAcquire("k2", "acct", T0));
    assertFalse(limiter.tryAcquire("k1", "acct", T0));
  }

  @Test
  void dailyQuotaIsPerAccountAndResetsAtUtcMidnight() {
    RateLimiter limiter = new RateLimiter(100, 2);
    Instant lateEvening = Instant.parse("2026-03-10T23:59:00Z");

    assertTrue(limiter.tryAcquire("k1", "acct", lateEvening));
    assertTrue(limiter.tryAcquire("k2", "acct", lateEvening));
    assertFalse(limiter.tryAcquire("k3", "acct", lateEvening.plus(Duration.ofSeconds(59))));
    assertTrue(limiter.tryAcquire("k4", "other-acct", lateEvening));
    assertTrue(limiter.tryAcquire("k1", "acct", Instant.parse("2026-03-11T00:00:00Z")));
  }

  @Test
  void dailyRejectionDoesNotUseTheMinuteQuota() {
    RateLimiter limiter = new RateLimiter(1, 1);

    assertTrue(limiter.tryAcquire("k1", "acct", T0));
    assertFalse(limiter.tryAcquire("k2", "acct", T0)); // account exhausted for the day
    assertTrue(limiter.tryAcquire("k2", "acct", Instant.parse("2026-03-11T00:00:00Z")));
  }
}
