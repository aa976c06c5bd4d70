package io.github.openrouterspark.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.openrouterspark.plan.AnalyticsRollup.Aggregate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AnalyticsRollupTest {
  private static final AnalyticsGrain HOUR_BY_MODEL_APP =
      new AnalyticsGrain(AnalyticsGranularity.HOUR, List.of("model", "app"));

  private static Aggregate sum(String metric) {
    return new Aggregate("SUM", metric, false, true);
  }

  @Test
  void sumsOfSummableMetricsOverASubsetOfTheGrainArePushed() {
    assertEquals(
        Optional.of(
            new AnalyticsRollup(
                new AnalyticsGrain(null, List.of("app")),
                List.of("total_usage", "request_count", "total_usage"))),
        AnalyticsRollup.of(
            HOUR_BY_MODEL_APP,
            List.of("app"),
            List.of(sum("total_usage"), sum("request_count"), sum("total_usage"))));
    assertEquals(
        Optional.of(
            new AnalyticsRollup(
                new AnalyticsGrain(AnalyticsGranularity.HOUR, List.of()), List.of("tokens_total"))),
        AnalyticsRollup.of(HOUR_BY_MODEL_APP, List.of("date"), List.of(sum("tokens_total"))));
  }

  @Test
  void aGroupByWithoutAggregatesIsPushed() {
    // SELECT DISTINCT model: the models with generations in the range, whatever the grain's
    // buckets.
    assertEquals(
        Optional.of(new AnalyticsRollup(new AnalyticsGrain(null, List.of("model")), List.of())),
        AnalyticsRollup.of(HOUR_BY_MODEL_APP, List.of("model"), List.of()));
  }

  @Test
  void anythingThatDependsOnTheGrainsRowsIsNot() {
    for (Aggregate a :
        List.of(
            new Aggregate("COUNT(*)", null, false, false),
            new Aggregate("COUNT(request_count)", null, false, false),
            new Aggregate("MIN(request_count)", null, false, false),
            new Aggregate("MAX(total_usage)", null, false, false),
            new Aggregate("AVG(request_count)", null, false, false),
            new Aggregate("SUM", "request_count", true, true),
            new Aggregate("SUM", "cache_hit_rate", false, false),
            new Aggregate("SUM", null, false, false))) {
      assertEquals(
          Optional.empty(),
          AnalyticsRollup.of(HOUR_BY_MODEL_APP, List.of("model"), List.of(sum("x"), a)),
          a.toString());
    }
    assertEquals(
        Optional.empty(),
        AnalyticsRollup.of(HOUR_BY_MODEL_APP, List.of("provider"), List.of(sum("x"))),
        "a key outside the grain");
  }

  @Test
  void onlyCountsAndAmountsAreSummable() {
    assertTrue(AnalyticsRollup.summable(false, "number"));
    assertTrue(AnalyticsRollup.summable(false, "currency"));
    assertFalse(AnalyticsRollup.summable(true, "number"));
    assertFalse(AnalyticsRollup.summable(true, "percent"));
    assertFalse(
        AnalyticsRollup.summable(false, "latency"),
        "a latency is never a sum, whatever is_rate says");
    assertFalse(AnalyticsRollup.summable(false, "throughput"));
    assertFalse(AnalyticsRollup.summable(false, "percent"));
  }
}
