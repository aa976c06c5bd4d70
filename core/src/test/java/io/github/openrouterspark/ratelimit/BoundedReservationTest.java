package io.github.openrouterspark.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** A caller that will not wait for a permit so far away holds no slot, and is not counted. */
class BoundedReservationTest {
  private static final long WINDOW = TimeUnit.SECONDS.toNanos(60);

  @Test
  void aPermitBeyondTheBoundIsRefusedWithoutBeingReserved() {
    AtomicLong now = new AtomicLong(1_000);
    RollingWindowLimiter limiter = new RollingWindowLimiter(2, WINDOW, now::get);
    assertEquals(1_000, limiter.reserve());
    assertEquals(1_000, limiter.reserve());

    RollingWindowLimiter.Reservation refused = limiter.reserveWithin(TimeUnit.SECONDS.toNanos(5));
    assertFalse(refused.granted());
    assertEquals(1_000 + WINDOW, refused.at(), "says how far away the permit is");

    now.addAndGet(WINDOW);
    assertEquals(1_000 + WINDOW, limiter.reserve(), "the refused slot was not taken");
    assertEquals(1_000 + WINDOW, limiter.reserve());
    RollingWindowLimiter.Reservation granted = limiter.reserveWithin(WINDOW);
    assertTrue(granted.granted());
    assertEquals(1_000 + 2 * WINDOW, granted.at());
  }

  @Test
  void aPauseBeyondTheBoundIsRefusedAndTheRefusalIsNotCountedForTheDay() {
    KeyCoordinator key = new KeyCoordinator("00000000000000aa", 30, Clock.systemUTC(), w -> {});
    key.pauseFor(Duration.ofSeconds(30).toMillis());
    long wait = key.reserveMillis(30, 1_000);
    assertTrue(wait > 1_000, "refused: " + wait);
    assertEquals(0, key.requestsToday());
    assertTrue(key.reserveMillis(30, 60_000) <= 30_000);
    assertEquals(1, key.requestsToday());
  }
}
