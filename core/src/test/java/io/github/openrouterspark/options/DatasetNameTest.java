package io.github.openrouterspark.options;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DatasetNameTest {
  @ParameterizedTest
  @ValueSource(
      strings = {
        "rankings-daily",
        "rankings_daily",
        "RANKINGS-DAILY",
        "RANKINGS_DAILY",
        "  Rankings-Daily\t"
      })
  void parsesApiNameAnyCaseWithUnderscores(String name) {
    assertEquals(DatasetName.RANKINGS_DAILY, DatasetName.parse(name));
  }

  @Test
  void apiNameAndToString() {
    assertEquals("rankings-daily", DatasetName.RANKINGS_DAILY.apiName());
    assertEquals("rankings-daily", DatasetName.RANKINGS_DAILY.toString());
    assertEquals("rankings-daily, app-rankings, analytics, analytics-meta", DatasetName.known());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"rankings", "rankings daily", "rankingsdaily", "", "rankings-daily-x", "models"})
  void unknownNamesListKnownOnes(String name) {
    InvalidOptionException e =
        assertThrows(InvalidOptionException.class, () -> DatasetName.parse(name));
    assertTrue(e.getMessage().contains("'" + name + "'"), e.getMessage());
    assertTrue(e.getMessage().contains("Known datasets: rankings-daily"), e.getMessage());
    assertTrue(e.getMessage().contains(".option(\"dataset\""), e.getMessage());
  }
}
