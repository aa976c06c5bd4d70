package io.github.openrouterspark.ratelimit;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Permits from the driver's {@link PermitServer}, so all executors share one limiter per key. If
 * the service cannot be reached (a network that blocks executor-to-driver calls), it falls back to
 * this JVM's own limiter and says so once: the rate then holds per executor JVM only.
 */
public final class RemotePermits implements PermitSource {
  private static final Logger LOG = LoggerFactory.getLogger(RemotePermits.class);
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static volatile boolean warned;

  private final PermitEndpoint endpoint;
  private final String fingerprint;
  private final int limitPerMinute;
  private final LocalPermits fallback;

  public RemotePermits(PermitEndpoint endpoint, String fingerprint, int limitPerMinute) {
    this.endpoint = endpoint;
    this.fingerprint = fingerprint;
    this.limitPerMinute = limitPerMinute;
    this.fallback = new LocalPermits(fingerprint, limitPerMinute);
  }

  /** In-process permits when the service runs in this JVM (local mode, or on the driver). */
  public static PermitSource forEndpoint(
      PermitEndpoint endpoint, String fingerprint, int limitPerMinute) {
    if (endpoint == null || PermitServer.isLocal(endpoint)) {
      return new LocalPermits(fingerprint, limitPerMinute);
    }
    return new RemotePermits(endpoint, fingerprint, limitPerMinute);
  }

  @Override
  public long reserve(Duration maxWait) {
    try {
      long waitMillis =
          Long.parseLong(call(permitQuery(fingerprint, limitPerMinute, maxWait)).strip());
      if (waitMillis <= maxWait.toMillis()) {
        WaitLog.waiting(waitMillis, limitPerMinute, -1);
      }
      return waitMillis;
    } catch (IOException | RuntimeException e) {
      warnFallback(e);
      return fallback.reserve(maxWait);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(
          "Interrupted while asking the driver's permit service for a permit", e);
    }
  }

  /**
   * The permit call; maxMs makes the service reserve nothing beyond the caller's bound (capped at
   * 1h).
   */
  static String permitQuery(String fingerprint, int limitPerMinute, Duration maxWait) {
    long maxMs = Math.min(maxWait.toMillis(), PermitServer.MAX_BACKOFF_MILLIS);
    return "/permit?key=" + fingerprint + "&limit=" + limitPerMinute + "&maxMs=" + maxMs;
  }

  @Override
  public void backOff(Duration wait) {
    try {
      // The service refuses longer pauses; no retry waits that long (maxRetryWait is at most 1h).
      call(
          "/backoff?key="
              + fingerprint
              + "&ms="
              + Math.min(wait.toMillis(), PermitServer.MAX_BACKOFF_MILLIS));
    } catch (IOException | RuntimeException e) {
      warnFallback(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    fallback.backOff(wait);
  }

  private String call(String pathAndQuery) throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(endpoint.url() + pathAndQuery))
            .timeout(Duration.ofSeconds(10))
            .header(PermitServer.SECRET_HEADER, endpoint.secret())
            .POST(HttpRequest.BodyPublishers.noBody())
            .build();
    HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IOException("permit service answered HTTP " + response.statusCode());
    }
    return response.body();
  }

  private static void warnFallback(Exception e) {
    if (!warned) {
      warned = true;
      LOG.warn(
          "The driver's OpenRouter permit service is unreachable ({}); this executor falls back to its own"
              + " rate limiter, so the request rate holds per executor JVM only.",
          e.toString());
    }
  }
}
