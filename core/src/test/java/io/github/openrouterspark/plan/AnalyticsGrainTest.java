package io.github.openrouterspark.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AnalyticsGrainTest {
  private static final AnalyticsGrain DAY_BY_MODEL_PROVIDER =
      new AnalyticsGrain(AnalyticsGranularity.DAY, List.of("model", "provider"));

  @Test
  void atMostTwoDistinctDimensions() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new AnalyticsGrain(null, List.of("model", "provider", "country")));
    assertThrows(
        IllegalArgumentException.class, () -> new AnalyticsGrain(null, List.of("model", "model")));
    assertEquals(List.of(), AnalyticsGrain.TOTALS.dimensions());
  }

  @Test
  void aSubsetOfTheKeysIsACoarserGrainInTheGrainsOrder() {
    assertEquals(
        Optional.of(new AnalyticsGrain(null, List.of("model"))),
        DAY_BY_MODEL_PROVIDER.coarsen(List.of("model")));
    assertEquals(
        Optional.of(new AnalyticsGrain(AnalyticsGranularity.DAY, List.of())),
        DAY_BY_MODEL_PROVIDER.coarsen(List.of("date")));
    assertEquals(
        Optional.of(new AnalyticsGrain(AnalyticsGranularity.DAY, List.of("model", "provider"))),
        DAY_BY_MODEL_PROVIDER.coarsen(List.of("provider", "date", "model")));
    assertEquals(Optional.of(AnalyticsGrain.TOTALS), DAY_BY_MODEL_PROVIDER.coarsen(List.of()));
  }

  @Test
  void keysOutsideTheGrainAreNotACoarserGrain() {
    assertEquals(Optional.empty(), DAY_BY_MODEL_PROVIDER.coarsen(List.of("country")));
    assertEquals(Optional.empty(), DAY_BY_MODEL_PROVIDER.coarsen(List.of("model", "app")));
    assertEquals(
        Optional.empty(),
        new AnalyticsGrain(null, List.of("model")).coarsen(List.of("date")),
        "totals have no time key");
  }
}
