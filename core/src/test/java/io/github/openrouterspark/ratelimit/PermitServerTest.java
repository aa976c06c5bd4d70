package io.github.openrouterspark.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The driver's permit service accepts key fingerprints, plain or scoped, with bounded parameters,
 * and nothing else; it listens where it is told; its secret is not reachable from outside this
 * package.
 */
class PermitServerTest {
  private static final PermitEndpoint ENDPOINT = PermitServer.startOrGet("127.0.0.1", "127.0.0.1");

  private static HttpResponse<String> send(String pathAndQuery, String secret) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(ENDPOINT.url() + pathAndQuery))
            .header(PermitServer.SECRET_HEADER, secret)
            .POST(HttpRequest.BodyPublishers.noBody())
            .build();
    return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
  }

  private static int post(String pathAndQuery) throws Exception {
    return send(pathAndQuery, ENDPOINT.secret()).statusCode();
  }

  @Test
  void servesPlainAndScopedFingerprintsAndRejectsAnythingElse() throws Exception {
    assertEquals(200, post("/permit?key=00112233445566ff&limit=10000&maxMs=3600000"));
    int before = LocalCoordinators.requestsToday("00112233445566ff/analytics");
    assertEquals(200, post("/permit?key=00112233445566ff/analytics&limit=10000&maxMs=3600000"));
    assertEquals(
        before + 1,
        LocalCoordinators.requestsToday("00112233445566ff/analytics"),
        "the analytics limiter of an executor's key is the driver's");
    assertEquals(200, post("/backoff?key=00112233445566ff/analytics&ms=1"));
    assertEquals(400, post("/permit?key=sk-or-v1-not-a-fingerprint&limit=30&maxMs=3600000"));
    assertEquals(400, post("/permit?key=00112233445566ff/../x&limit=30&maxMs=3600000"));
    assertEquals(
        403,
        send("/permit?key=00112233445566ff&limit=30&maxMs=3600000", "wrong-secret").statusCode());
    assertEquals(404, post("/other?key=00112233445566ff&limit=30"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/backoff?key=a0a1a2a3a4a5a6a7&ms=3600001",
        "/backoff?key=a0a1a2a3a4a5a6a7&ms=99999999999999999999",
        "/backoff?key=a0a1a2a3a4a5a6a7&ms=-1",
        "/backoff?key=a0a1a2a3a4a5a6a7&ms=1e9",
        "/backoff?key=a0a1a2a3a4a5a6a7&ms=",
        "/backoff?key=a0a1a2a3a4a5a6a7",
        "/backoff?key=a0a1a2a3a4a5a6a7&ms=5&ms=3600001",
        "/backoff?key=a0a1a2a3a4a5a6a7&ms=5&limit=3",
        "/permit?key=a0a1a2a3a4a5a6a7&limit=0&maxMs=3600000",
        "/permit?key=a0a1a2a3a4a5a6a7&limit=10001&maxMs=3600000",
        "/permit?key=a0a1a2a3a4a5a6a7&limit=2147483648&maxMs=3600000",
        "/permit?key=a0a1a2a3a4a5a6a7&limit=abc&maxMs=3600000",
        "/permit?key=a0a1a2a3a4a5a6a7",
        "/permit?key=a0a1a2a3a4a5a6a7&key=b0b1b2b3b4b5b6b7&limit=30&maxMs=3600000",
        "/permit?key=A0A1A2A3A4A5A6A7&limit=30&maxMs=3600000",
        "/permit?key=a0a1a2a3a4a5a6a7/&limit=30&maxMs=3600000",
        "/permit?key=a0a1a2a3a4a5a6a7/averyveryveryveryverylongscopename&limit=30&maxMs=3600000",
        "/permit?key&limit=30",
        "/permit?key=a0a1a2a3a4a5a6a7&limit=30&maxMs=3600001",
        "/permit?key=a0a1a2a3a4a5a6a7&limit=30&maxMs=-1",
        "/permit?key=a0a1a2a3a4a5a6a7&limit=30&maxMs=1e3"
      })
  void unboundedOrMalformedParametersAreRefusedWith400(String pathAndQuery) throws Exception {
    HttpResponse<String> response = send(pathAndQuery, ENDPOINT.secret());
    assertEquals(400, response.statusCode(), response.body());
  }

  @Test
  void acceptsExactlyTheQueryRemotePermitsSends() throws Exception {
    String query = RemotePermits.permitQuery("e0e1e2e3e4e5e6e7", 30, java.time.Duration.ofDays(1));
    HttpResponse<String> permit = send(query, ENDPOINT.secret());
    assertEquals(200, permit.statusCode(), permit.body());
    assertEquals("0", permit.body());
  }

  @Test
  void aWaitBeyondMaxMsReservesNothing() throws Exception {
    String key = "f0f1f2f3f4f5f6f7";
    assertEquals(200, post("/permit?key=" + key + "&limit=1&maxMs=0"));
    long wait =
        Long.parseLong(send("/permit?key=" + key + "&limit=1&maxMs=0", ENDPOINT.secret()).body());
    assertTrue(wait > 0, "the second permit of a 1/min key waits: " + wait);
    long again =
        Long.parseLong(send("/permit?key=" + key + "&limit=1&maxMs=0", ENDPOINT.secret()).body());
    assertTrue(
        again <= wait + 1000,
        "the refused slot was not reserved, so the wait did not grow: " + wait + " then " + again);
  }

  @Test
  void aRefusedPauseDoesNotPauseTheKey() throws Exception {
    String key = "c0c1c2c3c4c5c6c7";
    assertEquals(400, post("/backoff?key=" + key + "&ms=86400000"));
    HttpResponse<String> permit =
        send("/permit?key=" + key + "&limit=10000&maxMs=3600000", ENDPOINT.secret());
    assertEquals(200, permit.statusCode());
    assertEquals(
        "0", permit.body(), "a day's pause was refused, so the first permit needs no wait");
  }

  @Test
  void theLongestAllowedPauseIsTheLongestRetryWait() throws Exception {
    String key = "d0d1d2d3d4d5d6d7";
    assertEquals(3_600_000, PermitServer.MAX_BACKOFF_MILLIS);
    assertEquals(200, post("/backoff?key=" + key + "&ms=3600000"));
    long wait =
        Long.parseLong(
            send("/permit?key=" + key + "&limit=10000&maxMs=3600000", ENDPOINT.secret()).body());
    assertTrue(wait > 3_000_000, "paused for about an hour: " + wait);
  }

  @Test
  void listensOnTheLoopbackAddressItWasGiven() {
    InetSocketAddress bound = PermitServer.boundAddress(ENDPOINT);
    assertTrue(bound.getAddress().isLoopbackAddress(), bound.toString());
    assertTrue(ENDPOINT.url().startsWith("http://127.0.0.1:"), ENDPOINT.url());
  }

  @Test
  void noPublicMethodOfTheEndpointRevealsTheSecret() throws Exception {
    String secret = ENDPOINT.secret();
    for (Method m : PermitEndpoint.class.getMethods()) {
      if (m.getParameterCount() == 0
          && !Modifier.isStatic(m.getModifiers())
          && m.getDeclaringClass() != Object.class) {
        Object result = m.invoke(ENDPOINT);
        assertFalse(String.valueOf(result).contains(secret), m.getName() + "() returns the secret");
      }
    }
    assertFalse(Modifier.isPublic(PermitEndpoint.class.getDeclaredMethod("secret").getModifiers()));
    assertFalse(PermitEndpoint.class.isRecord(), "a record's components all have public accessors");
  }
}
