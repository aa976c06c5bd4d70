package io.github.openrouterspark.spark;

import io.github.openrouterspark.emulator.OpenRouterEmulator;

/** Emulators for Spark tests. */
public final class TestEmulators {
  private TestEmulators() {}

  /** Rate limits high enough for functional tests; the limits themselves are tested separately. */
  public static OpenRouterEmulator lenient() {
    return OpenRouterEmulator.builder()
        .rateLimitPerMinute(100_000)
        .dailyLimitPerAccount(100_000)
        .start();
  }
}
