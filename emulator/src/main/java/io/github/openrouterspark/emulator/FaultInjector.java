package io.github.openrouterspark.emulator;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.Random;

/**
 * Schedules {@link Fault}s, deterministically by arrival order. Only requests that reach an
 * endpoint (right path and method, valid key) count and can be faulted; 401s, 404s and 405s are
 * answered as always. A scheduled fault wins over the rate limiter, as an upstream failure would.
 * Thread-safe; with concurrent clients, which request gets a fault follows the order in which the
 * emulator handles them.
 *
 * <pre>{@code
 * emulator.faults().failNext(2, Fault.status(503));   // the next two requests get 503
 * emulator.faults().failEvery(3, Fault.truncatedBody()); // then every third one is cut short
 * emulator.faults().failRandomly(0.3, 7, List.of(Fault.status(503), Fault.connectionReset()));
 * emulator.faults().clear();
 * }</pre>
 */
public final class FaultInjector {
  private final Deque<Fault> next = new ArrayDeque<>();
  private Fault every;
  private int period;
  private long countedSinceEvery;
  private double fraction;
  private List<Fault> randomFaults = List.of();
  private Random random;

  FaultInjector() {}

  /**
   * The next {@code count} requests get {@code fault} instead of their normal answer. Calls queue
   * up: {@code failNext(2, a); failNext(1, b)} faults three requests, a, a, b.
   */
  public synchronized FaultInjector failNext(int count, Fault fault) {
    Objects.requireNonNull(fault, "fault");
    if (count < 1) {
      throw new IllegalArgumentException("count must be positive, got " + count);
    }
    for (int i = 0; i < count; i++) {
      next.addLast(fault);
    }
    return this;
  }

  /**
   * Every {@code n}-th request from now on (the n-th, 2n-th, ...) gets {@code fault}; replaces an
   * earlier {@code failEvery}. Requests faulted by {@link #failNext} still count, and when both
   * apply to one request, the {@code failNext} fault is the one sent.
   */
  public synchronized FaultInjector failEvery(int n, Fault fault) {
    Objects.requireNonNull(fault, "fault");
    if (n < 1) {
      throw new IllegalArgumentException("n must be positive, got " + n);
    }
    every = fault;
    period = n;
    countedSinceEvery = 0;
    return this;
  }

  /**
   * From now on each request, with probability {@code fraction}, gets one of {@code faults} (chosen
   * uniformly), drawn from a {@link Random} seeded with {@code seed}: the same seed and the same
   * arrival order give the same faults. Replaces an earlier {@code failRandomly}; a {@link
   * #failNext} or {@link #failEvery} fault for the same request wins.
   */
  public synchronized FaultInjector failRandomly(double fraction, long seed, List<Fault> faults) {
    if (!(fraction >= 0 && fraction <= 1)) {
      throw new IllegalArgumentException("fraction must be 0..1, got " + fraction);
    }
    if (faults.isEmpty()) {
      throw new IllegalArgumentException("faults must not be empty");
    }
    this.fraction = fraction;
    this.randomFaults = List.copyOf(faults);
    this.random = new Random(seed);
    return this;
  }

  /** Cancels all scheduled faults; later requests are answered normally. */
  public synchronized void clear() {
    next.clear();
    every = null;
    period = 0;
    countedSinceEvery = 0;
    random = null;
    randomFaults = List.of();
  }

  /** How many {@link #failNext} faults are still to be sent. */
  public synchronized int pending() {
    return next.size();
  }

  /** The fault for the request arriving now, or {@code null} to answer it normally. */
  synchronized Fault next() {
    Fault scheduled = next.pollFirst();
    if (every != null && ++countedSinceEvery % period == 0 && scheduled == null) {
      return every;
    }
    if (scheduled == null && random != null && random.nextDouble() < fraction) {
      return randomFaults.get(random.nextInt(randomFaults.size()));
    }
    return scheduled;
  }
}
