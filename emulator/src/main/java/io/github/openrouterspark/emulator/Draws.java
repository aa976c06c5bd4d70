package io.github.openrouterspark.emulator;

/** A stream of draws from one seed: SplitMix64. */
final class Draws {
  private static final long GAMMA = 0x9e3779b97f4a7c15L;
  private long state;

  Draws(long seed) {
    this.state = seed;
  }

  long raw() {
    state += GAMMA;
    return Hashing.mix(state);
  }

  /** A uniform double in [0, 1). */
  double next() {
    return Hashing.unit(raw());
  }
}
