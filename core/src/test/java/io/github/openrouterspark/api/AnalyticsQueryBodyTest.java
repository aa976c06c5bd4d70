package io.github.openrouterspark.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AnalyticsQueryBodyTest {
  private static final Instant START = Instant.parse("2026-05-01T00:00:00Z");
  private static final Instant END = Instant.parse("2026-05-08T00:00:00Z");

  private static AnalyticsQueryBody minimal() {
    return new AnalyticsQueryBody(
        List.of("request_count"), List.of(), List.of(), null, START, END, null, null, null);
  }

  private static AnalyticsQueryBody full() {
    return new AnalyticsQueryBody(
        List.of("request_count", "total_usage"),
        List.of("model", "provider"),
        List.of(
            new AnalyticsQueryBody.Filter("provider", "eq", "openai"),
            new AnalyticsQueryBody.Filter(
                "model", "in", List.of("openai/gpt-4o", "anthropic/claude-3.5-sonnet")),
            new AnalyticsQueryBody.Filter("finish_reason", "not_in", List.of("error"))),
        "day",
        START,
        END,
        new AnalyticsQueryBody.OrderBy("total_usage", true),
        500,
        10);
  }

  @Test
  void minimalBodyHasMetricsAndTimeRangeOnly() {
    assertEquals(
        "{\"metrics\":[\"request_count\"],"
            + "\"time_range\":{\"start\":\"2026-05-01T00:00:00Z\",\"end\":\"2026-05-08T00:00:00Z\"}}",
        minimal().json());
  }

  @Test
  void fullBodyHasEveryMemberInAFixedOrder() {
    assertEquals(
        "{\"metrics\":[\"request_count\",\"total_usage\"],"
            + "\"dimensions\":[\"model\",\"provider\"],"
            + "\"filters\":["
            + "{\"field\":\"provider\",\"operator\":\"eq\",\"value\":\"openai\"},"
            + "{\"field\":\"model\",\"operator\":\"in\",\"value\":[\"openai/gpt-4o\",\"anthropic/claude-3.5-sonnet\"]},"
            + "{\"field\":\"finish_reason\",\"operator\":\"not_in\",\"value\":[\"error\"]}],"
            + "\"granularity\":\"day\","
            + "\"time_range\":{\"start\":\"2026-05-01T00:00:00Z\",\"end\":\"2026-05-08T00:00:00Z\"},"
            + "\"order_by\":{\"field\":\"total_usage\",\"direction\":\"desc\"},"
            + "\"limit\":500,"
            + "\"group_limit\":10}",
        full().json());
  }

  @Test
  void ascendingOrderAndSubSecondInstants() {
    AnalyticsQueryBody body =
        new AnalyticsQueryBody(
            List.of("request_count"),
            List.of(),
            List.of(),
            "minute",
            Instant.parse("2026-05-01T10:00:00.250Z"),
            Instant.parse("2026-05-01T11:00:00Z"),
            new AnalyticsQueryBody.OrderBy("date", false),
            null,
            null);
    assertEquals(
        "{\"metrics\":[\"request_count\"],\"granularity\":\"minute\","
            + "\"time_range\":{\"start\":\"2026-05-01T10:00:00.250Z\",\"end\":\"2026-05-01T11:00:00Z\"},"
            + "\"order_by\":{\"field\":\"date\",\"direction\":\"asc\"}}",
        body.json());
  }

  @Test
  void stringsAreJsonEscaped() {
    AnalyticsQueryBody body =
        new AnalyticsQueryBody(
            List.of("request_count"),
            List.of(),
            List.of(new AnalyticsQueryBody.Filter("external_user", "eq", "a\"b\\c")),
            null,
            START,
            END,
            null,
            null,
            null);
    assertTrue(body.json().contains("\"value\":\"a\\\"b\\\\c\""), body.json());
  }

  @Test
  void equalQueriesAreEqualBodies() {
    assertEquals(full(), full());
    assertEquals(full().json(), full().json());
    assertEquals(full().toRequest(), full().toRequest());
  }

  @Test
  void toRequestIsAPostOfTheJson() {
    ApiRequest request = full().toRequest();
    assertTrue(request.isPost());
    assertEquals("/analytics/query", request.path());
    assertEquals(AnalyticsQueryBody.PATH, request.path());
    assertEquals(Map.of(), request.params());
    assertEquals(full().json(), request.body());
    assertEquals("POST /analytics/query " + full().json(), request.toString());
    assertFalse(AnalyticsMeta.request().isPost());
    assertNull(AnalyticsMeta.request().body());
    assertEquals("GET /analytics/meta", AnalyticsMeta.request().toString());
  }

  @Test
  void overChangesOnlyTheTimeRange() {
    Instant from = Instant.parse("2026-04-01T00:00:00Z");
    Instant to = Instant.parse("2026-04-02T00:00:00Z");
    AnalyticsQueryBody moved = full().over(from, to);
    assertEquals(from, moved.start());
    assertEquals(to, moved.end());
    assertEquals(
        full()
            .json()
            .replace("2026-05-01T00:00:00Z", "2026-04-01T00:00:00Z")
            .replace("2026-05-08T00:00:00Z", "2026-04-02T00:00:00Z"),
        moved.json());
  }

  @Test
  void listsAreCopied() {
    List<String> values = new ArrayList<>(List.of("a"));
    AnalyticsQueryBody.Filter filter = new AnalyticsQueryBody.Filter("model", "in", values);
    values.add("b");
    assertEquals(List.of("a"), filter.value());
    List<String> metrics = new ArrayList<>(List.of("request_count"));
    AnalyticsQueryBody body =
        new AnalyticsQueryBody(metrics, List.of(), List.of(), null, START, END, null, null, null);
    metrics.add("total_usage");
    assertEquals(List.of("request_count"), body.metrics());
    assertThrows(UnsupportedOperationException.class, () -> body.metrics().add("x"));
  }

  @Test
  void requiredPartsAreChecked() {
    assertThrows(
        NullPointerException.class, () -> new AnalyticsQueryBody.Filter("model", "eq", null));
    assertThrows(NullPointerException.class, () -> new AnalyticsQueryBody.Filter(null, "eq", "x"));
    assertThrows(
        NullPointerException.class,
        () ->
            new AnalyticsQueryBody(
                List.of("request_count"), List.of(), List.of(), null, null, END, null, null, null));
    assertThrows(
        NullPointerException.class,
        () ->
            new AnalyticsQueryBody(
                List.of("request_count"),
                List.of(),
                List.of(),
                null,
                START,
                null,
                null,
                null,
                null));
  }
}
