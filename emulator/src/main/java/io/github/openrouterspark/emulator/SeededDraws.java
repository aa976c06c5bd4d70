package io.github.openrouterspark.emulator;

/**
 * Deterministic uniform draws in [0, 1) and byte strings, from a seed and up to three indexes: the
 * same arguments always give the same value, so the synthetic organisation is reproducible.
 */
record SeededDraws(long seed) {
  double draw(long salt, long a) {
    return Hashing.unit(Hashing.hash(seed, salt, a));
  }

  double draw(long salt, long a, long b) {
    return Hashing.unit(Hashing.hash(seed, salt, a, b));
  }

  double draw(long salt, long a, long b, long c) {
    return Hashing.unit(Hashing.mix(Hashing.hash(seed, salt, a, b) ^ Hashing.mix(c + 1)));
  }

  byte[] longBytes(long salt, long a, long b) {
    byte[] bytes = new byte[32];
    for (int i = 0; i < 4; i++) {
      long h = Hashing.hash(seed, salt, a, b * 16 + i);
      for (int j = 0; j < 8; j++) {
        bytes[i * 8 + j] = (byte) (h >>> (8 * j));
      }
    }
    return bytes;
  }
}
