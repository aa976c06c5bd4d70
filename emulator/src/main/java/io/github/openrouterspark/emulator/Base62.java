package io.github.openrouterspark.emulator;

/** The alphabet of OpenRouter's generation ids and Clerk's user ids. */
final class Base62 {
  static final String DIGITS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

  private Base62() {}

  /**
   * Up to 20 base-62 digits drawn from two 64-bit hashes, 6 bits each (slightly favouring the first
   * two digits, which no one will notice in an id).
   */
  static String of(long a, long b, int length) {
    if (length > 20) {
      throw new IllegalArgumentException("At most 20 digits from 128 bits, got " + length);
    }
    char[] out = new char[length];
    for (int i = 0; i < length; i++) {
      long bits = i < 10 ? a >>> (6 * i) : b >>> (6 * (i - 10));
      out[i] = DIGITS.charAt((int) (bits & 63) % 62);
    }
    return new String(out);
  }
}
