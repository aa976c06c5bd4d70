package io.github.openrouterspark.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RateLimiterTest {
  private static final Instant T0 = Instant.parse("2026-03-10T12:00:00Z");

  private static boolean accepts(RateLimiter limiter, String key, String account, Instant now) {
    return limiter.tryAcquire(key, account, now).isEmpty();
  }

  private static RateLimiter.Rejection rejection(RateLimiter limiter, String key, Instant now) {
    return limiter
        .tryAcquire(key, "acct", now)
        .orElseThrow(() -> new AssertionError("accepted at " + now));
  }

  @Test
  void windowRollsSixtySecondsAfterEachAcceptedRequest() {
    RateLimiter limiter = new RateLimiter(2, 100);

    assertTrue(accepts(limiter, "k", "acct", T0));
    assertTrue(accepts(limiter, "k", "acct", T0.plusSeconds(30)));
    assertFalse(accepts(limiter, "k", "acct", T0.plusSeconds(59)));
    // The first request leaves the window at exactly T0 + 60 s; the second still counts.
    assertTrue(accepts(limiter, "k", "acct", T0.plusSeconds(60)));
    assertFalse(accepts(limiter, "k", "acct", T0.plusSeconds(89)));
    assertTrue(accepts(limiter, "k", "acct", T0.plusSeconds(90)));
  }

  @Test
  void minuteRejectionRetriesWhenTheOldestCountedRequestLeavesTheWindow() {
    RateLimiter limiter = new RateLimiter(2, 100);
    accepts(limiter, "k", "acct", T0.plusMillis(500));
    accepts(limiter, "k", "acct", T0.plusSeconds(30));

    assertEquals(
        new RateLimiter.Rejection(2, T0.plusMillis(60_500)),
        rejection(limiter, "k", T0.plusSeconds(45)));
    assertFalse(accepts(limiter, "k", "acct", T0.plusMillis(60_499)));
    assertTrue(accepts(limiter, "k", "acct", T0.plusMillis(60_500)));
    // Now the request of T0 + 30 s is the oldest in the window.
    assertEquals(T0.plusSeconds(90), rejection(limiter, "k", T0.plusSeconds(61)).retryAt());
  }

  @Test
  void rejectedRequestsDoNotConsumeQuota() {
    RateLimiter limiter = new RateLimiter(1, 100);

    assertTrue(accepts(limiter, "k", "acct", T0));
    for (int s = 1; s < 60; s++) {
      assertEquals(T0.plusSeconds(60), rejection(limiter, "k", T0.plusSeconds(s)).retryAt());
    }
    // Had the rejections counted, the window would still be full.
    assertTrue(accepts(limiter, "k", "acct", T0.plusSeconds(60)));
  }

  @Test
  void perMinuteQuotaIsPerKey() {
    RateLimiter limiter = new RateLimiter(1, 100);

    assertTrue(accepts(limiter, "k1", "acct", T0));
    assertTrue(accepts(limiter, "k2", "acct", T0));
    assertFalse(accepts(limiter, "k1", "acct", T0));
  }

  @Test
  void dailyQuotaIsPerAccountAndResetsAtUtcMidnight() {
    RateLimiter limiter = new RateLimiter(100, 2);
    Instant lateEvening = Instant.parse("2026-03-10T23:59:00Z");

    assertTrue(accepts(limiter, "k1", "acct", lateEvening));
    assertTrue(accepts(limiter, "k2", "acct", lateEvening));
    assertEquals(
        new RateLimiter.Rejection(2, Instant.parse("2026-03-11T00:00:00Z")),
        rejection(limiter, "k3", lateEvening.plus(Duration.ofSeconds(59))));
    assertTrue(accepts(limiter, "k4", "other-acct", lateEvening));
    assertTrue(accepts(limiter, "k1", "acct", Instant.parse("2026-03-11T00:00:00Z")));
  }

  @Test
  void dailyRejectionDoesNotUseTheMinuteQuota() {
    RateLimiter limiter = new RateLimiter(1, 1);

    assertTrue(accepts(limiter, "k1", "acct", T0));
    assertFalse(accepts(limiter, "k2", "acct", T0)); // account exhausted for the day
    assertTrue(accepts(limiter, "k2", "acct", Instant.parse("2026-03-11T00:00:00Z")));
  }

  @Test
  void whenBothLimitsRefuseTheLongerWaitIsReported() {
    RateLimiter limiter = new RateLimiter(1, 2);
    accepts(limiter, "k", "acct", Instant.parse("2026-03-10T23:58:00Z"));
    accepts(limiter, "k", "acct", Instant.parse("2026-03-10T23:59:30Z"));

    // Midnight frees the day, but the minute window stays full until 00:00:30.
    assertEquals(
        new RateLimiter.Rejection(1, Instant.parse("2026-03-11T00:00:30Z")),
        rejection(limiter, "k", Instant.parse("2026-03-10T23:59:40Z")));

    RateLimiter daily = new RateLimiter(1, 1);
    accepts(daily, "k", "acct", T0);
    assertEquals(
        new RateLimiter.Rejection(1, Instant.parse("2026-03-11T00:00:00Z")),
        rejection(daily, "k", T0.plusSeconds(1)));
  }

  @Test
  void loweredMinuteLimitWaitsUntilEnoughRequestsHaveLeft() {
    RateLimiter limiter = new RateLimiter(10, 100);
    for (int s = 0; s < 5; s++) {
      assertTrue(accepts(limiter, "k", "acct", T0.plusSeconds(s)));
    }

    limiter.setPerMinute(2);

    // Five in the window, two allowed: the requests of T0..T0+3 s must leave, the last at T0+63 s.
    assertEquals(
        new RateLimiter.Rejection(2, T0.plusSeconds(63)),
        rejection(limiter, "k", T0.plusSeconds(5)));
    assertFalse(accepts(limiter, "k", "acct", T0.plusMillis(62_999)));
    assertTrue(accepts(limiter, "k", "acct", T0.plusSeconds(63)));
    limiter.setPerMinute(10);
    assertTrue(accepts(limiter, "k", "acct", T0.plusSeconds(63)));
  }

  @Test
  void changedDailyLimitKeepsTodaysCount() {
    RateLimiter limiter = new RateLimiter(100, 10);
    for (int i = 0; i < 3; i++) {
      assertTrue(accepts(limiter, "k", "acct", T0));
    }

    limiter.setPerDay(3);
    assertEquals(3, rejection(limiter, "k", T0).limit());
    limiter.setPerDay(4);
    assertTrue(accepts(limiter, "k", "acct", T0));
    assertFalse(accepts(limiter, "k", "acct", T0));
  }

  @Test
  void limitsMustBePositive() {
    RateLimiter limiter = new RateLimiter(1, 1);

    assertThrows(IllegalArgumentException.class, () -> limiter.setPerMinute(0));
    assertThrows(IllegalArgumentException.class, () -> limiter.setPerDay(-5));
    assertThrows(IllegalArgumentException.class, () -> new RateLimiter(0, 1));
  }
}
