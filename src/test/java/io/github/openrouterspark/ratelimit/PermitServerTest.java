package io.github.openrouterspark.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** The driver's permit service accepts key fingerprints, plain or scoped, and nothing else. */
class PermitServerTest {
  private static int post(PermitEndpoint endpoint, String pathAndQuery, String secret) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create(endpoint.url() + pathAndQuery))
        .header(PermitServer.SECRET_HEADER, secret)
        .POST(HttpRequest.BodyPublishers.noBody())
        .build();
    return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
  }

  @Test
  void servesPlainAndScopedFingerprintsAndRejectsAnythingElse() throws Exception {
    PermitEndpoint endpoint = PermitServer.startOrGet("127.0.0.1");
    assertEquals(200, post(endpoint, "/permit?key=00112233445566ff&limit=10000", endpoint.secret()));
    int before = LocalCoordinators.requestsToday("00112233445566ff/analytics");
    assertEquals(200, post(endpoint, "/permit?key=00112233445566ff/analytics&limit=10000", endpoint.secret()));
    assertEquals(before + 1, LocalCoordinators.requestsToday("00112233445566ff/analytics"),
        "the analytics limiter of an executor's key is the driver's");
    assertEquals(200, post(endpoint, "/backoff?key=00112233445566ff/analytics&ms=1", endpoint.secret()));
    assertEquals(400, post(endpoint, "/permit?key=sk-or-v1-not-a-fingerprint&limit=30", endpoint.secret()));
    assertEquals(400, post(endpoint, "/permit?key=00112233445566ff/../x&limit=30", endpoint.secret()));
    assertEquals(403, post(endpoint, "/permit?key=00112233445566ff&limit=30", "wrong-secret"));
  }
}
