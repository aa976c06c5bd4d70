package io.github.openrouterspark.emulator;

import java.util.Arrays;
import java.util.List;

/** The {@code sort} parameter of {@code GET /datasets/app-rankings}. */
enum AppSort {
  /** Window token volume, descending. */
  POPULAR("popular"),
  /**
   * Excess growth, descending: window volume minus the mean volume of the three equal-length
   * periods immediately before the window; apps without positive excess are left out.
   */
  TRENDING("trending");

  private final String wire;

  AppSort(String wire) {
    this.wire = wire;
  }

  String wire() {
    return wire;
  }

  static List<String> wireValues() {
    return Arrays.stream(values()).map(AppSort::wire).toList();
  }

  static AppSort fromWire(String value) {
    return Arrays.stream(values())
        .filter(s -> s.wire.equals(value))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("Unknown sort: " + value));
  }
}
