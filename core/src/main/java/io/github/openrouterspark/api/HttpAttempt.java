package io.github.openrouterspark.api;

import io.github.openrouterspark.api.OpenRouterClient.BodyReader;
import io.github.openrouterspark.store.ResponseStore;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.Objects;
import okhttp3.Call;
import okhttp3.OkHttpClient;
import okhttp3.Response;

/**
 * One HTTP attempt: send, check the status, decode the whole body, and store the body in the
 * response cache only when all of that went well and it was read to its end.
 */
final class HttpAttempt {
  private final OkHttpClient http;
  private final HttpRequests requests;
  private final PermitGate permits;
  private final ResponseFailures failures;
  private final Cancellation cancellation;
  private final Duration cacheTtl;
  private final ResponseStore store;
  private final String keyFingerprint;

  HttpAttempt(
      ClientSettings settings,
      HttpRequests requests,
      PermitGate permits,
      Cancellation cancellation,
      CacheSettings cache,
      String keyFingerprint) {
    this.http =
        SharedHttpClient.with(
            settings.connectTimeout(), settings.readTimeout(), settings.requestTimeout());
    this.requests = Objects.requireNonNull(requests, "requests");
    this.permits = Objects.requireNonNull(permits, "permits");
    this.failures = new ResponseFailures(settings, cancellation);
    this.cancellation = Objects.requireNonNull(cancellation, "cancellation");
    this.cacheTtl = cache.ttl();
    this.store = cache.responseStore();
    this.keyFingerprint = Objects.requireNonNull(keyFingerprint, "keyFingerprint");
  }

  /**
   * Sends {@code request} (its permit already taken) and returns what {@code reader} made of the
   * complete body.
   *
   * @param cacheKey where to store the body, or null to store nothing
   */
  <T> T send(ApiRequest request, RequestMetrics metrics, BodyReader<T> reader, String cacheKey) {
    Call call = http.newCall(requests.build(request, () -> permits.enter(request, metrics)));
    try (CallWatchdog.Watch watch = CallWatchdog.watch(call, cancellation)) {
      Response response;
      try {
        response = call.execute();
      } catch (IOException e) {
        throw failures.notAnswered(request, e);
      }
      try (response) {
        if (!response.isSuccessful()) {
          throw ResponseFailures.ofStatus(request, response, metrics);
        }
        return decode(request, response, metrics, reader, cacheKey);
      }
    }
  }

  private <T> T decode(
      ApiRequest request,
      Response response,
      RequestMetrics metrics,
      BodyReader<T> reader,
      String cacheKey) {
    CountingInputStream counted = new CountingInputStream(response.body().byteStream(), metrics);
    CachingInputStream copy = cacheKey == null ? null : new CachingInputStream(counted);
    T value;
    try {
      value = reader.read(copy == null ? counted : copy);
      if (!counted.ended() && !counted.closed() && counted.failure() == null) {
        // Read to the end, so the framing (the final chunk) proves the body complete.
        (copy == null ? counted : copy).transferTo(OutputStream.nullOutputStream());
      }
    } catch (IOException | RuntimeException e) {
      throw failures.whileReading(request, e, counted);
    }
    if (counted.failure() != null) {
      // The decoder swallowed the connection's failure: what it made of the body is not to be
      // trusted.
      throw failures.whileReading(request, counted.failure(), counted);
    }
    if (copy != null && counted.ended()) {
      byte[] body = copy.copy();
      if (body != null) {
        ResponseCache.put(cacheKey, body, cacheTtl);
        if (store != null) {
          store.put(keyFingerprint, cacheKey, body, cacheTtl);
        }
      }
    }
    return value;
  }
}
