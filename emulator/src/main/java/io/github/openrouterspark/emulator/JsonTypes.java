package io.github.openrouterspark.emulator;

import java.util.List;
import java.util.Map;

/**
 * JSON type names and number formatting as JavaScript (and so the real API's validator) sees them.
 */
final class JsonTypes {
  private JsonTypes() {}

  /** The type zod names in "expected X, received Y". */
  static String name(Object value) {
    if (value == null) {
      return "null";
    }
    if (value instanceof String) {
      return "string";
    }
    if (value instanceof Number) {
      return "number";
    }
    if (value instanceof Boolean) {
      return "boolean";
    }
    if (value instanceof List<?>) {
      return "array";
    }
    if (value instanceof Map<?, ?>) {
      return "object";
    }
    return value.getClass().getSimpleName();
  }

  /**
   * {@code String(n)} in JavaScript for the common cases: integral values below 1e21 without a
   * fraction ({@code 1.0} is {@code "1"}), others as Java prints them. A filter on a string
   * dimension compares this text.
   */
  static String javaScriptString(double n) {
    if (n == Math.rint(n) && Math.abs(n) < 1e21) {
      return new java.math.BigDecimal(n).toPlainString();
    }
    return Double.toString(n);
  }
}
