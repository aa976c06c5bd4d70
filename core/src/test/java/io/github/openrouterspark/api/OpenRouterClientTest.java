package io.github.openrouterspark.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.time.Duration;
import java.time.LocalDate;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OpenRouterClientTest {
  private static final String SECRET = "or-test-secret-key-Zq81";
  private static final String BODY =
      "{\"data\":[{\"date\":\"2026-05-10\",\"model_permaslug\":\"a/b\",\"total_tokens\":\"5\"}],"
          + "\"meta\":{\"as_of\":\"2026-05-12T02:00:00.000Z\",\"version\":\"v1\",\"start_date\":\"2026-05-10\",\"end_date\":\"2026-05-11\"}}";
  private static final ApiRequest REQUEST =
      new RankingsDailyQuery(LocalDate.parse("2026-05-10"), LocalDate.parse("2026-05-11"))
          .toRequest();

  private MockWebServer server;

  @BeforeEach
  void start() throws Exception {
    server = new MockWebServer();
    server.start(InetAddress.getByName("127.0.0.1"), 0);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private OpenRouterClient client(ClientSettings settings) {
    // A high client-side rate: these tests are about retries and errors, not the limiter.
    return new OpenRouterClient(
        settings,
        new TrafficSettings(10_000, Duration.ofMinutes(1), null),
        ApiKey.of(SECRET),
        CacheSettings.disabled());
  }

  private ClientSettings settings() {
    return ClientSettings.defaults(server.url("/api/v1").toString())
        .withRetries(3, Duration.ofMillis(1));
  }

  private static MockResponse json(int code, String body) {
    return new MockResponse.Builder()
        .code(code)
        .addHeader("Content-Type", "application/json")
        .body(body)
        .build();
  }

  private static void assertNoSecret(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      assertFalse(String.valueOf(t.getMessage()).contains(SECRET), "key leaked: " + t.getMessage());
    }
  }

  @Test
  void sendsPathParamsAuthUserAgentAndAttributionHeaders() throws Exception {
    server.enqueue(json(200, BODY));
    ClientSettings s =
        new ClientSettings(
            settings().baseUrl(),
            Duration.ofSeconds(5),
            Duration.ofSeconds(5),
            0,
            Duration.ZERO,
            "https://example.com/app",
            "My App",
            "cli-agent");
    try (var cursor = client(s).open(REQUEST, new RankingsDailyItem())) {
      assertTrue(cursor.next());
      assertEquals("a/b", cursor.item().modelPermaslug());
      assertFalse(cursor.next());
    }
    RecordedRequest r = server.takeRequest(5, TimeUnit.SECONDS);
    assertEquals("/api/v1/datasets/rankings-daily", r.getUrl().encodedPath());
    assertEquals("2026-05-10", r.getUrl().queryParameter("start_date"));
    assertEquals("2026-05-11", r.getUrl().queryParameter("end_date"));
    assertEquals("Bearer " + SECRET, r.getHeaders().get("Authorization"));
    assertTrue(
        r.getHeaders().get("User-Agent").startsWith("openrouter-spark/"),
        r.getHeaders().get("User-Agent"));
    assertEquals("https://example.com/app", r.getHeaders().get("HTTP-Referer"));
    assertEquals("My App", r.getHeaders().get("X-OpenRouter-Title"));
    assertEquals("cli-agent", r.getHeaders().get("X-OpenRouter-Categories"));
  }

  @Test
  void omitsAttributionHeadersWhenNotSet() throws Exception {
    server.enqueue(json(200, BODY));
    try (var cursor = client(settings()).open(REQUEST, new RankingsDailyItem())) {
      while (cursor.next()) {
        // drain
      }
    }
    RecordedRequest r = server.takeRequest(5, TimeUnit.SECONDS);
    assertNull(r.getHeaders().get("HTTP-Referer"));
    assertNull(r.getHeaders().get("X-OpenRouter-Title"));
    assertNull(r.getHeaders().get("X-OpenRouter-Categories"));
  }

  @Test
  void unauthorizedIsNotRetriedAndExplainsWhatToDo() {
    server.enqueue(json(401, "{\"error\":{\"code\":401,\"message\":\"Invalid API key\"}}"));
    ApiException e =
        assertThrows(
            ApiException.class, () -> client(settings()).open(REQUEST, new RankingsDailyItem()));
    assertEquals(401, e.status());
    assertEquals("Invalid API key", e.apiMessage());
    assertEquals(1, server.getRequestCount());
    assertTrue(
        e.getMessage()
            .contains("GET /datasets/rankings-daily?start_date=2026-05-10&end_date=2026-05-11"),
        e.getMessage());
    assertTrue(e.getMessage().contains("HTTP 401: Invalid API key"), e.getMessage());
    assertTrue(e.getMessage().contains("OPENROUTER_API_KEY"), e.getMessage());
    assertNoSecret(e);
  }

  @Test
  void badRequestIsNotRetried() {
    server.enqueue(
        json(
            400,
            "{\"error\":{\"code\":400,\"message\":\"Invalid request parameters\",\"metadata\":null}}"));
    ApiException e =
        assertThrows(
            ApiException.class, () -> client(settings()).open(REQUEST, new RankingsDailyItem()));
    assertEquals(400, e.status());
    assertEquals(1, server.getRequestCount());
    assertTrue(e.getMessage().contains("startDate"), e.getMessage());
  }

  @Test
  void rateLimitExhaustionIsReportedWithTheLimits() {
    for (int i = 0; i < 4; i++) {
      server.enqueue(
          new MockResponse.Builder()
              .code(429)
              .addHeader("Retry-After", "0")
              .body("{\"error\":{\"code\":429,\"message\":\"Rate limit exceeded\"}}")
              .build());
    }
    ApiException e =
        assertThrows(
            ApiException.class, () -> client(settings()).open(REQUEST, new RankingsDailyItem()));
    assertEquals(429, e.status());
    assertEquals(4, server.getRequestCount(), "429 is retried maxRetries times");
    assertTrue(e.getMessage().contains("30 requests/minute"), e.getMessage());
    assertTrue(e.getMessage().contains("after 4 attempts"), e.getMessage());
    assertTrue(e.getMessage().contains("maxRetries"), e.getMessage());
  }

  @Test
  void rateLimitedThenAcceptedHonoursRetryAfterMillis() throws Exception {
    server.enqueue(
        new MockResponse.Builder()
            .code(429)
            .addHeader("retry-after-ms", "300")
            .body("{\"error\":{\"code\":429,\"message\":\"Rate limit exceeded\"}}")
            .build());
    server.enqueue(json(200, BODY));
    RequestMetrics metrics = new RequestMetrics();
    long start = System.nanoTime();
    try (var cursor = client(settings()).open(REQUEST, new RankingsDailyItem(), metrics)) {
      assertTrue(cursor.next());
    }
    long elapsedMs = (System.nanoTime() - start) / 1_000_000;
    assertTrue(elapsedMs >= 300, "waited " + elapsedMs + " ms");
    assertEquals(2, metrics.requests());
    assertEquals(1, metrics.rateLimitedResponses());
    assertEquals(1, metrics.retries());
  }

  @Test
  void badRequestWrappingATransientFailureIsRetried() throws Exception {
    server.enqueue(json(400, "{\"error\":{\"code\":502,\"message\":\"Upstream error\"}}"));
    server.enqueue(json(200, BODY));
    try (var cursor = client(settings()).open(REQUEST, new RankingsDailyItem())) {
      assertTrue(cursor.next());
    }
    assertEquals(2, server.getRequestCount());
  }

  @Test
  void serverErrorsAreRetriedThenSucceed() throws Exception {
    server.enqueue(json(500, "{\"error\":{\"code\":500,\"message\":\"Internal Server Error\"}}"));
    server.enqueue(json(502, "<html>bad gateway</html>"));
    server.enqueue(json(200, BODY));
    try (var cursor = client(settings()).open(REQUEST, new RankingsDailyItem())) {
      assertTrue(cursor.next());
    }
    assertEquals(3, server.getRequestCount());
  }

  @Test
  void persistentServerErrorFailsAfterBoundedAttempts() {
    for (int i = 0; i < 4; i++) {
      server.enqueue(json(503, "<html><body>Service   Unavailable</body></html>"));
    }
    ApiException e =
        assertThrows(
            ApiException.class, () -> client(settings()).open(REQUEST, new RankingsDailyItem()));
    assertEquals(503, e.status());
    assertEquals(4, e.attempts());
    assertEquals(4, server.getRequestCount());
    assertTrue(e.getMessage().contains("after 4 attempts"), e.getMessage());
    assertTrue(
        e.getMessage().contains("<html><body>Service Unavailable</body></html>"), e.getMessage());
    assertNoSecret(e);
  }

  @Test
  void connectionFailuresAreRetried() throws Exception {
    server.enqueue(
        new MockResponse.Builder()
            .onRequestStart(new SocketEffect.CloseSocket(true, true, true))
            .build());
    server.enqueue(json(200, BODY));
    try (var cursor = client(settings()).open(REQUEST, new RankingsDailyItem())) {
      assertTrue(cursor.next());
    }
    assertEquals(2, server.getRequestCount());
  }

  @Test
  void emptySuccessfulBodyFails() {
    server.enqueue(new MockResponse.Builder().code(200).body("").build());
    var cursor = client(settings()).open(REQUEST, new RankingsDailyItem());
    ApiException e = assertThrows(ApiException.class, cursor::next);
    assertTrue(e.getMessage().contains("failed: the response body"), e.getMessage());
  }

  @Test
  void unreachableServerGivesStatusZeroWithHint() throws Exception {
    String url = server.url("/api/v1").toString();
    server.close();
    ClientSettings s = ClientSettings.defaults(url).withRetries(1, Duration.ofMillis(1));
    ApiException e =
        assertThrows(ApiException.class, () -> client(s).open(REQUEST, new RankingsDailyItem()));
    assertEquals(0, e.status());
    assertEquals(2, e.attempts());
    assertTrue(e.getMessage().contains("baseUrl"), e.getMessage());
    assertNoSecret(e);
  }

  @Test
  void truncatedBodyIsRetriedThenFailsSayingItWasCut() throws Exception {
    for (int i = 0; i < 4; i++) {
      server.enqueue(
          new MockResponse.Builder().code(200).body(BODY.substring(0, BODY.length() / 2)).build());
    }
    ApiException e =
        assertThrows(
            ApiException.class,
            () ->
                client(settings())
                    .read(
                        REQUEST,
                        new RankingsDailyItem(),
                        new RequestMetrics(),
                        cursor -> {
                          while (cursor.next()) {
                            // drain
                          }
                          return null;
                        }));
    assertTrue(e.getMessage().contains("in the middle of the JSON"), e.getMessage());
    assertTrue(e.getMessage().contains("after 4 attempts"), e.getMessage());
    assertEquals(4, server.getRequestCount());
  }

  @Test
  void okHttpsOwnResendOfA503WithRetryAfterZeroTakesAPermitAndCounts() throws Exception {
    server.enqueue(
        new MockResponse.Builder()
            .code(503)
            .addHeader("Retry-After", "0")
            .body("{\"error\":{\"code\":503,\"message\":\"Service Unavailable\"}}")
            .build());
    server.enqueue(json(200, BODY));
    RequestMetrics metrics = new RequestMetrics();
    try (var cursor = client(settings()).open(REQUEST, new RankingsDailyItem(), metrics)) {
      assertTrue(cursor.next());
    }
    assertEquals(2, server.getRequestCount());
    assertEquals(
        server.getRequestCount(), metrics.requests(), "every request on the wire is counted");
  }

  @Test
  void keyIsHiddenFromToString() {
    assertFalse(ApiKey.of(SECRET).toString().contains(SECRET));
  }
}
