package io.github.openrouterspark.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class FaultInjectorTest {
  private static final Fault A = Fault.status(503);
  private static final Fault B = Fault.connectionReset();
  private static final Fault E = Fault.truncatedBody();

  private static List<Fault> take(FaultInjector faults, int n) {
    List<Fault> taken = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      taken.add(faults.next());
    }
    return taken;
  }

  @Test
  void nothingScheduledMeansNoFault() {
    assertNull(new FaultInjector().next());
  }

  @Test
  void failNextCallsQueueUpInOrder() {
    FaultInjector faults = new FaultInjector().failNext(2, A).failNext(1, B);

    assertEquals(3, faults.pending());
    assertEquals(Arrays.asList(A, A, B, null), take(faults, 4));
    assertEquals(0, faults.pending());
  }

  @Test
  void failEveryHitsMultiplesOfNAndFailNextWinsACollision() {
    FaultInjector faults = new FaultInjector().failEvery(2, E).failNext(2, A);

    // Requests 1 and 2 are failNext's; the 2nd is also failEvery's, and failNext wins it.
    assertEquals(Arrays.asList(A, A, null, E, null, E), take(faults, 6));
  }

  @Test
  void failEveryReplacesTheEarlierScheduleAndRestartsItsCount() {
    FaultInjector faults = new FaultInjector().failEvery(2, A);
    faults.next();

    faults.failEvery(3, B);

    assertEquals(Arrays.asList(null, null, B, null, null, B), take(faults, 6));
  }

  @Test
  void clearCancelsEverything() {
    FaultInjector faults = new FaultInjector().failNext(5, A).failEvery(1, B);

    faults.clear();

    assertEquals(0, faults.pending());
    assertEquals(Arrays.asList(null, null), take(faults, 2));
  }

  @Test
  void schedulesAreValidated() {
    FaultInjector faults = new FaultInjector();

    assertThrows(IllegalArgumentException.class, () -> faults.failNext(0, A));
    assertThrows(IllegalArgumentException.class, () -> faults.failEvery(0, A));
    assertThrows(NullPointerException.class, () -> faults.failNext(1, null));
    assertThrows(NullPointerException.class, () -> faults.failEvery(1, null));
  }

  @Test
  void faultsAreValuesAndRejectNonsense() {
    assertEquals(Fault.status(502), Fault.status(502));
    assertEquals(Fault.connectionReset(), Fault.connectionReset());
    assertEquals(new Fault.Slow(Duration.ofSeconds(1)), Fault.slow(Duration.ofMillis(1000)));
    assertThrows(IllegalArgumentException.class, () -> Fault.status(200));
    assertThrows(IllegalArgumentException.class, () -> Fault.status(600));
    assertThrows(IllegalArgumentException.class, () -> Fault.status(503, Duration.ZERO));
    assertThrows(NullPointerException.class, () -> Fault.status(503, null));
    assertThrows(IllegalArgumentException.class, () -> Fault.wrapped400(302));
    assertThrows(IllegalArgumentException.class, () -> Fault.slow(Duration.ofMillis(-1)));
    assertThrows(NullPointerException.class, () -> Fault.slow(null));
  }
}
