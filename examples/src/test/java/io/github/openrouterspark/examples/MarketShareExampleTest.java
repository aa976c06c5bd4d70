package io.github.openrouterspark.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The example's last line never cites OpenRouter for the emulator's invented numbers. */
class MarketShareExampleTest {
  @Test
  void emulatorRowsAreLabelledSyntheticWithoutACitation() {
    String line = MarketShareExample.sourceLine(true, "2026-12-01 02:00:00");
    assertTrue(line.startsWith("Synthetic data from the embedded emulator"), line);
    assertFalse(line.contains("OpenRouter (openrouter.ai"), line);
  }

  @Test
  void liveRowsCarryTheLicenceCitation() {
    assertEquals(
        "Source: OpenRouter (openrouter.ai/rankings), as of 2026-12-01 02:00:00.",
        MarketShareExample.sourceLine(false, "2026-12-01 02:00:00"));
  }
}
