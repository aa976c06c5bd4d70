package io.github.openrouterspark.emulator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.openrouterspark.emulator.TestHttp.Response;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Injected faults as real HTTP clients see them, and what they do to the log and the quota. */
class FaultInjectionTest {
  private static final Instant T0 = Instant.parse("2026-05-12T02:00:00Z");
  private static final String KEY = OpenRouterEmulator.DEFAULT_API_KEY;
  private static final String SMALL = "?start_date=2026-05-11&end_date=2026-05-11";

  private final ManualClock clock = new ManualClock(T0);
  private final List<OpenRouterEmulator> started = new ArrayList<>();

  @AfterEach
  void stopEmulators() {
    started.forEach(OpenRouterEmulator::close);
  }

  private OpenRouterEmulator start(OpenRouterEmulator.Builder builder) {
    OpenRouterEmulator emulator = builder.clock(clock).start();
    started.add(emulator);
    return emulator;
  }

  private OpenRouterEmulator start() {
    return start(OpenRouterEmulator.builder());
  }

  private static String url(OpenRouterEmulator emulator) {
    return emulator.baseUrl() + "/datasets/rankings-daily" + SMALL;
  }

  private static Response rankings(OpenRouterEmulator emulator) {
    return TestHttp.get(url(emulator), KEY);
  }

  /**
   * A GET on a new connection of a new JDK client, so that no pooled connection is involved.
   * Failures surface as the client's own IOException.
   */
  private static HttpResponse<InputStream> freshGet(String url, Duration timeout)
      throws IOException {
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(url))
            .timeout(timeout)
            .header("Authorization", "Bearer " + KEY)
            .build();
    try {
      return client.send(request, HttpResponse.BodyHandlers.ofInputStream());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String freshGetString(String url) throws IOException {
    try (InputStream body = freshGet(url, Duration.ofSeconds(10)).body()) {
      return new String(body.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static HttpURLConnection urlConnection(String url) throws IOException {
    HttpURLConnection connection = (HttpURLConnection) URI.create(url).toURL().openConnection();
    connection.setRequestProperty("Authorization", "Bearer " + KEY);
    connection.setConnectTimeout(5_000);
    connection.setReadTimeout(10_000);
    return connection;
  }

  private static String header(Response response, String name) {
    List<String> values = response.headers().get(name);
    return values == null ? null : String.join(", ", values);
  }

  private static List<Integer> loggedStatuses(OpenRouterEmulator emulator) {
    return emulator.requestLog().all().stream().map(LoggedRequest::status).toList();
  }

  @ParameterizedTest
  @CsvSource({
    "408, Operation timed out. Please try again later.",
    "500, Internal Server Error",
    "502, Bad Gateway",
    "503, Service Unavailable",
    "504, Gateway Timeout",
  })
  void statusFaultSendsTheDocumentedErrorBody(int code, String message) {
    OpenRouterEmulator emulator = start();
    emulator.faults().failNext(1, Fault.status(code));

    Response response = rankings(emulator);

    assertEquals(code, response.status());
    assertEquals("application/json", response.contentType());
    assertEquals(
        "{\"error\":{\"code\":" + code + ",\"message\":\"" + message + "\",\"metadata\":null}}",
        response.body());
    assertNull(header(response, "retry-after"));
    assertNull(header(response, "x-ratelimit-limit"));
    LoggedRequest logged = emulator.requestLog().all().get(0);
    assertEquals(code, logged.status());
    assertEquals(Fault.status(code), logged.fault());
    assertEquals(200, rankings(emulator).status());
    assertNull(emulator.requestLog().all().get(1).fault());
  }

  @ParameterizedTest
  @CsvSource(
      nullValues = "-",
      value = {
        "NONE,         -,                              -",
        "SECONDS,      3,                              -",
        "HTTP_DATE,    'Tue, 12 May 2026 02:00:03 GMT', -",
        "MILLISECONDS, -,                              2500",
      })
  void statusFaultWithARetryHintUsesTheCurrentFlavour(
      RetryAfterFlavour flavour, String retryAfter, String retryAfterMs) {
    OpenRouterEmulator emulator = start();
    emulator.setRetryAfter(flavour);
    emulator.faults().failNext(1, Fault.status(503, Duration.ofMillis(2500)));

    Response response = rankings(emulator);

    assertEquals(503, response.status());
    assertEquals(retryAfter, header(response, "retry-after"));
    assertEquals(retryAfterMs, header(response, "retry-after-ms"));
    assertNull(header(response, "x-ratelimit-reset"), "no limiter is involved");
  }

  @Test
  void injected429IsTheBareDocumentedOne() {
    OpenRouterEmulator emulator = start();
    emulator.faults().failNext(1, Fault.status(429));

    Response response = rankings(emulator);

    assertEquals(429, response.status());
    assertEquals(
        "{\"error\":{\"code\":429,\"message\":\"Rate limit exceeded\",\"metadata\":{\"error_type\":\"rate_limit_exceeded\"}}}",
        response.body());
    for (String name :
        List.of("retry-after", "retry-after-ms", "x-ratelimit-limit", "x-ratelimit-reset")) {
      assertNull(header(response, name), name);
    }
  }

  @Test
  void wrapped400CarriesTheUpstreamCodeInTheBody() {
    OpenRouterEmulator emulator = start();
    emulator.faults().failNext(1, Fault.wrapped400(502)).failNext(1, Fault.wrapped400(429));

    Response bad = rankings(emulator);
    Response limited = rankings(emulator);

    assertEquals(400, bad.status());
    assertEquals("application/json", bad.contentType());
    assertEquals(
        "{\"error\":{\"code\":502,\"message\":\"Bad Gateway\",\"metadata\":null}}", bad.body());
    assertEquals(400, limited.status());
    assertEquals(429L, limited.error().get("code"));
    assertEquals("Rate limit exceeded", limited.error().get("message"));
    assertEquals(List.of(400, 400), loggedStatuses(emulator));
    assertEquals(Fault.wrapped400(502), emulator.requestLog().all().get(0).fault());
  }

  @Test
  void slowFaultDelaysANormalAnswerThatUsesQuota() {
    OpenRouterEmulator emulator = start(OpenRouterEmulator.builder().rateLimitPerMinute(1));
    emulator.faults().failNext(1, Fault.slow(Duration.ofMillis(300)));

    long startNanos = System.nanoTime();
    Response slow = rankings(emulator);
    long elapsedMillis = (System.nanoTime() - startNanos) / 1_000_000;

    assertTrue(elapsedMillis >= 300, elapsedMillis + " ms");
    assertEquals(200, slow.status());
    assertEquals(
        emulator.market().rankingsDaily(LocalDate.of(2026, 5, 11), LocalDate.of(2026, 5, 11)),
        slow.rows());
    assertEquals(
        429, rankings(emulator).status(), "a slow answer is a normal one and uses the quota");
    LoggedRequest logged = emulator.requestLog().all().get(0);
    assertEquals(200, logged.status());
    assertEquals(Fault.slow(Duration.ofMillis(300)), logged.fault());
  }

  @Test
  void slowFaultOutlastsAClientTimeout() throws IOException {
    OpenRouterEmulator emulator = start();
    emulator.faults().failNext(1, Fault.slow(Duration.ofSeconds(3)));

    assertThrows(HttpTimeoutException.class, () -> freshGet(url(emulator), Duration.ofMillis(200)));

    // The emulator keeps serving while one of its threads still sleeps.
    assertEquals(200, freshGet(url(emulator), Duration.ofSeconds(10)).statusCode());
  }

  @Test
  void connectionResetGivesTheClientNoResponse() throws IOException {
    OpenRouterEmulator emulator = start();
    // Both JDK clients resend a GET once when a connection closes without a response, so two
    // resets are needed for the client to see one failure.
    emulator.faults().failNext(2, Fault.connectionReset());
    IOException jdk = assertThrows(IOException.class, () -> freshGetString(url(emulator)));

    emulator.faults().failNext(2, Fault.connectionReset());
    HttpURLConnection connection = urlConnection(url(emulator));
    IOException legacy = assertThrows(IOException.class, connection::getResponseCode);

    assertTrue(jdk.getMessage().contains("no bytes"), jdk.toString());
    assertTrue(legacy.getMessage().contains("end of file"), legacy.toString());
    List<LoggedRequest> log = emulator.requestLog().all();
    assertEquals(4, log.size());
    assertTrue(
        log.stream()
            .allMatch(
                r ->
                    r.status() == LoggedRequest.NO_RESPONSE
                        && r.fault().equals(Fault.connectionReset())),
        log::toString);
    assertEquals(0, emulator.faults().pending());
  }

  @Test
  void aSingleResetIsHiddenByTheJdkClientsResend() throws IOException {
    OpenRouterEmulator emulator = start();
    emulator.faults().failNext(1, Fault.connectionReset());

    String body = freshGetString(url(emulator));

    assertTrue(body.startsWith("{\"data\":["), body);
    assertEquals(List.of(LoggedRequest.NO_RESPONSE, 200), loggedStatuses(emulator));
  }

  @Test
  void truncatedBodyFailsTheClientMidJson() throws IOException {
    OpenRouterEmulator emulator = start();
    byte[] whole = freshGetString(url(emulator)).getBytes(StandardCharsets.UTF_8);
    emulator.faults().failNext(2, Fault.truncatedBody());

    // The JDK client: status and headers arrive, then reading the body fails.
    HttpResponse<InputStream> response = freshGet(url(emulator), Duration.ofSeconds(10));
    assertEquals(200, response.statusCode());
    assertEquals("application/json", response.headers().firstValue("Content-Type").orElseThrow());
    ByteArrayOutputStream received = new ByteArrayOutputStream();
    try (InputStream body = response.body()) {
      assertThrows(IOException.class, () -> body.transferTo(received));
    }
    byte[] prefix = received.toByteArray();
    assertTrue(
        prefix.length > 0 && prefix.length < whole.length, prefix.length + " of " + whole.length);
    assertArrayEquals(
        Arrays.copyOf(whole, prefix.length),
        prefix,
        "what arrives is the start of the normal body");
    assertThrows(
        UncheckedIOException.class,
        () -> TestJson.parse(new String(prefix, StandardCharsets.UTF_8)));

    // HttpURLConnection: same.
    HttpURLConnection connection = urlConnection(url(emulator));
    assertEquals(200, connection.getResponseCode());
    try (InputStream body = connection.getInputStream()) {
      assertThrows(IOException.class, body::readAllBytes);
    }

    assertEquals(
        List.of(200, LoggedRequest.NO_RESPONSE, LoggedRequest.NO_RESPONSE),
        loggedStatuses(emulator));
    assertEquals(Fault.truncatedBody(), emulator.requestLog().all().get(2).fault());
  }

  @Test
  void faultsOtherThanSlowDoNotConsumeQuota() throws IOException {
    OpenRouterEmulator emulator =
        start(OpenRouterEmulator.builder().rateLimitPerMinute(1).dailyLimitPerAccount(1));
    emulator
        .faults()
        .failNext(1, Fault.status(500))
        .failNext(1, Fault.status(503, Duration.ofSeconds(1)))
        .failNext(1, Fault.wrapped400(502))
        .failNext(2, Fault.connectionReset())
        .failNext(1, Fault.truncatedBody());

    assertEquals(500, rankings(emulator).status());
    assertEquals(503, rankings(emulator).status());
    assertEquals(400, rankings(emulator).status());
    assertThrows(IOException.class, () -> freshGetString(url(emulator)));
    assertThrows(IOException.class, () -> freshGetString(url(emulator)));

    assertEquals(
        200, rankings(emulator).status(), "six faulted requests, and the quota of one is intact");
    assertEquals(429, rankings(emulator).status());
  }

  @Test
  void faultsWinOverTheRateLimiterAndLeaveItsWindowAlone() {
    OpenRouterEmulator emulator = start(OpenRouterEmulator.builder().rateLimitPerMinute(1));
    assertEquals(200, rankings(emulator).status());
    clock.advance(Duration.ofSeconds(15));
    emulator.faults().failNext(1, Fault.status(502));

    assertEquals(502, rankings(emulator).status());
    Response limited = rankings(emulator);
    assertEquals(429, limited.status());
    assertEquals("45", header(limited, "retry-after"));
  }

  @Test
  void onlyRequestsThatReachAnEndpointCountForFaults() {
    OpenRouterEmulator emulator = start();
    emulator.faults().failNext(1, Fault.status(503));

    assertEquals(401, TestHttp.get(url(emulator), null).status());
    assertEquals(401, TestHttp.get(url(emulator), "not-a-key").status());
    assertEquals(404, TestHttp.get(emulator.baseUrl() + "/datasets/nope", KEY).status());
    assertEquals(405, TestHttp.send(url(emulator), "POST", KEY, Map.of()).status());
    assertEquals(1, emulator.faults().pending());
    assertEquals(503, TestHttp.get(emulator.baseUrl() + "/datasets/app-rankings", KEY).status());
    assertEquals(200, rankings(emulator).status());
  }

  @Test
  void failEveryFaultsEveryNthRequestUntilCleared() {
    OpenRouterEmulator emulator = start(OpenRouterEmulator.builder().rateLimitPerMinute(100));
    emulator.faults().failEvery(3, Fault.status(500));

    List<Integer> statuses = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      statuses.add(rankings(emulator).status());
    }
    emulator.faults().clear();
    for (int i = 0; i < 3; i++) {
      statuses.add(rankings(emulator).status());
    }

    assertEquals(List.of(200, 200, 500, 200, 200, 500, 200, 200, 200, 200), statuses);
    assertEquals(statuses, loggedStatuses(emulator));
  }

  @Test
  void faultsTurnOnAndOffBetweenQueries() {
    OpenRouterEmulator emulator = start(OpenRouterEmulator.builder().rateLimitPerMinute(100));
    Map<String, Integer> seen = new LinkedHashMap<>();

    seen.put("normal", rankings(emulator).status());
    emulator.faults().failNext(1, Fault.status(504));
    seen.put("faulted", rankings(emulator).status());
    seen.put("normal again", rankings(emulator).status());
    emulator.faults().failEvery(1, Fault.wrapped400(503));
    seen.put("every 1", rankings(emulator).status());
    emulator.faults().clear();
    seen.put("cleared", rankings(emulator).status());

    assertEquals(
        Map.of("normal", 200, "faulted", 504, "normal again", 200, "every 1", 400, "cleared", 200),
        seen);
    assertEquals(Fault.wrapped400(503), emulator.requestLog().all().get(3).fault());
  }
}
