package io.github.openrouterspark.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The seeded random-fraction mode: reproducible, close to its fraction, and below scheduled faults.
 */
class FaultInjectorRandomTest {
  private static final List<Fault> KINDS =
      List.of(Fault.status(503), Fault.connectionReset(), Fault.truncatedBody());

  private static List<Fault> draw(FaultInjector faults, int n) {
    List<Fault> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(faults.next());
    }
    return out;
  }

  @Test
  void theSameSeedGivesTheSameFaultsNearTheFraction() {
    List<Fault> a = draw(new FaultInjector().failRandomly(0.3, 11, KINDS), 2_000);
    List<Fault> b = draw(new FaultInjector().failRandomly(0.3, 11, KINDS), 2_000);
    assertEquals(a, b);
    long faulted = a.stream().filter(f -> f != null).count();
    assertTrue(faulted > 500 && faulted < 700, "about 30% of 2000: " + faulted);
    for (Fault kind : KINDS) {
      assertTrue(a.contains(kind), "every kind is drawn: " + kind);
    }
  }

  @Test
  void aScheduledFaultWinsAndClearStopsTheRandomOnes() {
    FaultInjector faults =
        new FaultInjector().failRandomly(1.0, 3, KINDS).failNext(1, Fault.status(500));
    assertEquals(Fault.status(500), faults.next());
    assertTrue(KINDS.contains(faults.next()));
    faults.clear();
    assertNull(faults.next());
    assertThrows(IllegalArgumentException.class, () -> faults.failRandomly(1.5, 3, KINDS));
    assertThrows(IllegalArgumentException.class, () -> faults.failRandomly(0.5, 3, List.of()));
  }
}
