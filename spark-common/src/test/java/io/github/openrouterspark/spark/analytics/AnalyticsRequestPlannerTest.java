package io.github.openrouterspark.spark.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.openrouterspark.api.AnalyticsQueryBody;
import io.github.openrouterspark.options.AnalyticsSelection;
import io.github.openrouterspark.options.InvalidOptionException;
import io.github.openrouterspark.plan.AnalyticsCaps;
import io.github.openrouterspark.plan.AnalyticsGrain;
import io.github.openrouterspark.plan.AnalyticsGranularity;
import io.github.openrouterspark.plan.TimeWindow;
import io.github.openrouterspark.spark.pushdown.AnalyticsPredicates.TimeBounds;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The analytics read's request planning, without Spark. */
class AnalyticsRequestPlannerTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-03-10T12:34:56.789Z"), ZoneOffset.UTC);
  private static final Map<String, String> TOKENS = Map.of("total_tokens", "number");

  private static AnalyticsSelection selection(String start, String end) {
    return new AnalyticsSelection(
        null,
        Optional.ofNullable(start).map(Instant::parse),
        Optional.ofNullable(end).map(Instant::parse),
        List.of(),
        List.of());
  }

  private static TimeWindow window(String start, String end) {
    return new TimeWindow(Instant.parse(start), Instant.parse(end));
  }

  private static AnalyticsRequestPlanner.Request request(
      AnalyticsGrain grain, boolean partialSums) {
    return new AnalyticsRequestPlanner.Request(grain, TOKENS, List.of(), null, null, partialSums);
  }

  @Test
  void withoutARangeTheLastSevenDaysUpToNowOrTheCurrentBucketsEnd() {
    assertEquals(
        window("2026-03-03T12:34:56Z", "2026-03-10T12:34:56Z"),
        AnalyticsRequestPlanner.range(selection(null, null), TimeBounds.ALL, null, CLOCK));
    assertEquals(
        window("2026-03-04T00:00:00Z", "2026-03-11T00:00:00Z"),
        AnalyticsRequestPlanner.range(
            selection(null, null), TimeBounds.ALL, AnalyticsGranularity.DAY, CLOCK));
  }

  @Test
  void pushedDateBoundsNarrowTheOptionsRangeAndAnEmptyRangeIsNothingToRead() {
    AnalyticsSelection january = selection("2026-01-01T00:00:00Z", "2026-02-01T00:00:00Z");
    TimeBounds midJanuaryOn = new TimeBounds(Instant.parse("2026-01-15T00:00:00Z"), null);
    assertEquals(
        window("2026-01-15T00:00:00Z", "2026-02-01T00:00:00Z"),
        AnalyticsRequestPlanner.range(january, midJanuaryOn, AnalyticsGranularity.DAY, CLOCK));
    TimeBounds march = new TimeBounds(Instant.parse("2026-03-01T00:00:00Z"), null);
    assertNull(AnalyticsRequestPlanner.range(january, march, AnalyticsGranularity.DAY, CLOCK));
    assertEquals(
        List.of(),
        AnalyticsRequestPlanner.plan(request(AnalyticsGrain.TOTALS, false), null).bodies());
  }

  @Test
  void aYearlyDailySeriesIsOneRequestPerCapWindowWithTheGrainsBody() {
    AnalyticsGrain daily = new AnalyticsGrain(AnalyticsGranularity.DAY, List.of("model"));
    TimeWindow year = window("2025-01-01T00:00:00Z", "2026-01-01T00:00:00Z");
    AnalyticsRequestPlanner.Plan plan = AnalyticsRequestPlanner.plan(request(daily, false), year);
    assertEquals(AnalyticsCaps.GENERAL, plan.cap());
    assertEquals(1, plan.windows().size());
    AnalyticsQueryBody body = plan.bodies().get(0);
    assertEquals(List.of("total_tokens"), body.metrics());
    assertEquals(List.of("model"), body.dimensions());
    assertEquals(AnalyticsQueryBody.MAX_LIMIT, body.limit());
    assertEquals(
        AnalyticsQueryBody.MAX_LIMIT, body.groupLimit(), "a series by model keeps every group");
  }

  @Test
  void aGenerationsDimensionCapsWindowsAt31Days() {
    AnalyticsGrain byProvider = new AnalyticsGrain(AnalyticsGranularity.DAY, List.of("provider"));
    TimeWindow quarter = window("2025-01-01T00:00:00Z", "2025-04-01T00:00:00Z");
    AnalyticsRequestPlanner.Plan plan =
        AnalyticsRequestPlanner.plan(request(byProvider, false), quarter);
    assertEquals(AnalyticsCaps.GENERATIONS, plan.cap());
    assertEquals(3, plan.windows().size());
  }

  @Test
  void totalsLongerThanOneWindowFailUnlessTheyArePartialSums() {
    TimeWindow twoYears = window("2024-01-01T00:00:00Z", "2025-12-31T00:00:00Z"); // 730 days
    InvalidOptionException e =
        assertThrows(
            InvalidOptionException.class,
            () -> AnalyticsRequestPlanner.plan(request(AnalyticsGrain.TOTALS, false), twoYears));
    assertTrue(e.getMessage().contains("Set the granularity option"), e.getMessage());
    assertEquals(
        2,
        AnalyticsRequestPlanner.plan(request(AnalyticsGrain.TOTALS, true), twoYears)
            .windows()
            .size());
  }

  @Test
  void aPushedLimitAndOrderReachEveryBody() {
    AnalyticsQueryBody.OrderBy top = new AnalyticsQueryBody.OrderBy("total_tokens", true);
    AnalyticsRequestPlanner.Request topTen =
        new AnalyticsRequestPlanner.Request(
            AnalyticsGrain.TOTALS, TOKENS, List.of(), top, 10, false);
    AnalyticsQueryBody body =
        AnalyticsRequestPlanner.plan(topTen, window("2026-01-01T00:00:00Z", "2026-01-08T00:00:00Z"))
            .bodies()
            .get(0);
    assertEquals(10, body.limit());
    assertEquals(top, body.orderBy());
    assertNull(body.groupLimit());
  }
}
