package io.github.openrouterspark.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.openrouterspark.emulator.LoggedRequest;
import io.github.openrouterspark.emulator.ManualClock;
import io.github.openrouterspark.emulator.OpenRouterEmulator;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class AnalyticsClientTest {
  private static final Instant NOW = Instant.parse("2026-05-12T02:00:00Z");

  private static OpenRouterEmulator emulator() {
    return OpenRouterEmulator.builder()
        .clock(new ManualClock(NOW))
        .analyticsRateLimitPerMinute(10_000)
        .start();
  }

  private static AnalyticsClient client(OpenRouterEmulator emulator, String key) {
    return new AnalyticsClient(
        new OpenRouterClient(ClientSettings.defaults(emulator.baseUrl()), ApiKey.of(key)));
  }

  @Test
  void aQueryPostsTheJsonBodyAndStreamsTheRows() {
    try (OpenRouterEmulator emulator = emulator()) {
      AnalyticsQueryBody body =
          new AnalyticsQueryBody(
              List.of("request_count"),
              List.of(),
              List.of(new AnalyticsQueryBody.Filter("finish_reason", "neq", "error")),
              "day",
              Instant.parse("2026-05-05T00:00:00Z"),
              Instant.parse("2026-05-08T00:00:00Z"),
              new AnalyticsQueryBody.OrderBy("date", false),
              100,
              null);
      AnalyticsResponseReaderTest.RecordingSink sink =
          new AnalyticsResponseReaderTest.RecordingSink();
      RequestMetrics metrics = new RequestMetrics();

      AnalyticsResult result =
          client(emulator, OpenRouterEmulator.DEFAULT_MANAGEMENT_KEY)
              .query(body, () -> sink, metrics)
              .result();

      List<LoggedRequest> log = emulator.requestLog().forPath("/analytics/query");
      assertEquals(1, log.size());
      assertEquals("POST", log.get(0).method());
      assertEquals(body.json(), log.get(0).body());
      assertEquals(200, log.get(0).status());
      assertEquals(1, metrics.requests());

      assertFalse(result.truncated());
      assertEquals(List.of(), result.warnings());
      assertEquals(3, sink.rows.size(), sink.rows.toString());
      assertEquals(
          List.of(
              "2026-05-05T00:00:00.000Z", "2026-05-06T00:00:00.000Z", "2026-05-07T00:00:00.000Z"),
          sink.rows.stream().map(r -> r.get("date__day")).toList());
      for (var row : sink.rows) {
        assertTrue(row.get("request_count").matches("[1-9][0-9]*"), row.toString());
      }
      if (result.rowCount() >= 0) {
        assertEquals(3, result.rowCount());
      }
    }
  }

  @Test
  void aSmallLimitIsReportedTruncated() {
    try (OpenRouterEmulator emulator = emulator()) {
      AnalyticsQueryBody body =
          new AnalyticsQueryBody(
              List.of("request_count"),
              List.of(),
              List.of(),
              "day",
              Instant.parse("2026-05-01T00:00:00Z"),
              Instant.parse("2026-05-08T00:00:00Z"),
              null,
              2,
              null);
      AnalyticsResponseReaderTest.RecordingSink sink =
          new AnalyticsResponseReaderTest.RecordingSink();

      AnalyticsResult result =
          client(emulator, OpenRouterEmulator.DEFAULT_MANAGEMENT_KEY)
              .query(body, () -> sink, new RequestMetrics())
              .result();

      assertTrue(result.truncated());
      assertEquals(2, sink.rows.size());
    }
  }

  @Test
  void metaUsesAGet() {
    try (OpenRouterEmulator emulator = emulator()) {
      AnalyticsMeta meta =
          client(emulator, OpenRouterEmulator.DEFAULT_MANAGEMENT_KEY).meta(new RequestMetrics());
      assertTrue(meta.hasGranularity("day"));
      LoggedRequest request = emulator.requestLog().forPath("/analytics/meta").get(0);
      assertEquals("GET", request.method());
      assertEquals(null, request.body());
    }
  }

  @Test
  void anInferenceKeyIsRefusedWithAManagementKeyHint() {
    try (OpenRouterEmulator emulator = emulator()) {
      String key = OpenRouterEmulator.DEFAULT_API_KEY;
      ApiException e =
          assertThrows(ApiException.class, () -> client(emulator, key).meta(new RequestMetrics()));

      assertEquals(403, e.status());
      assertEquals(1, e.attempts(), "a 403 is not retried");
      assertTrue(e.getMessage().contains("management key"), e.getMessage());
      assertTrue(
          e.getMessage().contains("https://openrouter.ai/settings/management-keys"),
          e.getMessage());
      assertTrue(e.getMessage().contains("GET /analytics/meta"), e.getMessage());
      assertFalse(e.getMessage().contains(key), e.getMessage());
      assertEquals(1, emulator.requestLog().forPath("/analytics/meta").size());
    }
  }

  @Test
  void aQueryWithAnInferenceKeyIsRefusedToo() {
    try (OpenRouterEmulator emulator = emulator()) {
      String key = OpenRouterEmulator.DEFAULT_API_KEY;
      AnalyticsQueryBody body =
          new AnalyticsQueryBody(
              List.of("request_count"),
              List.of(),
              List.of(),
              null,
              Instant.parse("2026-05-01T00:00:00Z"),
              Instant.parse("2026-05-08T00:00:00Z"),
              null,
              null,
              null);
      ApiException e =
          assertThrows(
              ApiException.class,
              () ->
                  client(emulator, key)
                      .query(
                          body,
                          AnalyticsResponseReaderTest.RecordingSink::new,
                          new RequestMetrics()));

      assertEquals(403, e.status());
      assertTrue(e.getMessage().contains("management key"), e.getMessage());
      assertTrue(e.getMessage().contains("POST /analytics/query " + body.json()), e.getMessage());
      assertFalse(e.getMessage().contains(key), e.getMessage());
    }
  }

  @Test
  void anUnknownMetricIsA400NamingTheQuery() {
    try (OpenRouterEmulator emulator = emulator()) {
      AnalyticsQueryBody body =
          new AnalyticsQueryBody(
              List.of("no_such_metric"),
              List.of(),
              List.of(),
              null,
              Instant.parse("2026-05-01T00:00:00Z"),
              Instant.parse("2026-05-08T00:00:00Z"),
              null,
              null,
              null);
      ApiException e =
          assertThrows(
              ApiException.class,
              () ->
                  client(emulator, OpenRouterEmulator.DEFAULT_MANAGEMENT_KEY)
                      .query(
                          body,
                          AnalyticsResponseReaderTest.RecordingSink::new,
                          new RequestMetrics()));

      assertEquals(400, e.status());
      assertTrue(e.getMessage().contains("no_such_metric"), e.getMessage());
      assertFalse(
          e.getMessage().contains(OpenRouterEmulator.DEFAULT_MANAGEMENT_KEY), e.getMessage());
    }
  }
}
