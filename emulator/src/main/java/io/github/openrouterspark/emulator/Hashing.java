package io.github.openrouterspark.emulator;

/**
 * Stateless hashing used for every pseudo-random choice of the synthetic market. A value depends
 * only on its inputs (seed, model, date, ...), never on what was computed before it, so any date
 * range can be generated on its own and always gives the same numbers.
 */
final class Hashing {
  private static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;

  private Hashing() {}

  /** The SplitMix64 finalizer: a cheap, well-mixed bijection on 64-bit values. */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }

  static long hash(long seed, long a) {
    return mix(mix(seed + GOLDEN_GAMMA) ^ (a + GOLDEN_GAMMA));
  }

  static long hash(long seed, long a, long b) {
    return mix(hash(seed, a) ^ (b + GOLDEN_GAMMA));
  }

  static long hash(long seed, long a, long b, long c) {
    return mix(hash(seed, a, b) ^ (c + GOLDEN_GAMMA));
  }

  /** A uniform double in [0, 1) from the top 53 bits of a hash. */
  static double unit(long hash) {
    return (hash >>> 11) * 0x1.0p-53;
  }

  /**
   * A 64-bit FNV-1a hash of a string's UTF-16 code units; unlike {@link String#hashCode()} it is
   * wide enough that distinct permaslugs do not collide in practice.
   */
  static long of(String s) {
    long h = 0xcbf29ce484222325L;
    for (int i = 0; i < s.length(); i++) {
      h ^= s.charAt(i);
      h *= 0x100000001b3L;
    }
    return h;
  }
}
