package io.github.openrouterspark.api;

import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeException;
import dev.failsafe.RetryPolicy;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Sends dataset requests and hands back a streaming cursor over the response. Transient failures
 * (5xx, 408, connection errors) are retried a bounded number of times with jittered exponential
 * backoff; anything else fails at once with an {@link ApiException} that names the request.
 */
public final class DatasetsClient {
  private final ClientSettings settings;
  private final ApiKey key;
  private final OkHttpClient http;
  private final RetryPolicy<Object> retries;

  public DatasetsClient(ClientSettings settings, ApiKey key) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.key = Objects.requireNonNull(key, "key");
    this.http = SharedHttpClient.with(settings.connectTimeout(), settings.readTimeout());
    this.retries = retryPolicy(settings);
  }

  /** Sends {@code request} and returns a cursor that decodes each item with {@code decoder}. */
  public <I extends ItemDecoder> DatasetResponseCursor<I> open(ApiRequest request, I decoder) {
    AtomicInteger attempts = new AtomicInteger();
    InputStream body;
    try {
      body = Failsafe.with(retries).get(() -> {
        attempts.incrementAndGet();
        return send(request);
      });
    } catch (ApiException e) {
      throw attempts.get() > 1 ? e.afterAttempts(attempts.get()) : e;
    } catch (FailsafeException e) {
      throw new ApiException(request, 0, String.valueOf(e.getCause()), ErrorHints.forStatus(0), e.getCause());
    }
    return new DatasetResponseCursor<>(request, body, decoder);
  }

  private InputStream send(ApiRequest request) {
    Request httpRequest = buildRequest(request);
    Response response;
    try {
      response = http.newCall(httpRequest).execute();
    } catch (IOException e) {
      throw new ApiException(request, 0, describe(e), ErrorHints.forStatus(0), e);
    }
    ResponseBody body = response.body();
    if (response.isSuccessful()) {
      return body.byteStream();
    }
    try (response) {
      byte[] bytes = body.source().peek().readByteArray(Math.min(ErrorBody.MAX_BYTES, bufferedLength(body)));
      throw new ApiException(
          request, response.code(), ErrorBody.message(bytes), ErrorHints.forStatus(response.code()), null);
    } catch (IOException e) {
      throw new ApiException(
          request, response.code(), "(error body unreadable: " + describe(e) + ")",
          ErrorHints.forStatus(response.code()), e);
    }
  }

  private static long bufferedLength(ResponseBody body) throws IOException {
    body.source().request(ErrorBody.MAX_BYTES);
    return body.source().getBuffer().size();
  }

  private Request buildRequest(ApiRequest request) {
    HttpUrl url = HttpUrl.get(settings.baseUrl() + request.pathAndQuery());
    Request.Builder builder = new Request.Builder()
        .url(url)
        .get()
        .header("Authorization", "Bearer " + key.bearerToken())
        .header("User-Agent", ConnectorVersion.userAgent())
        .header("Accept", "application/json");
    addIfSet(builder, "HTTP-Referer", settings.httpReferer());
    addIfSet(builder, "X-OpenRouter-Title", settings.appTitle());
    addIfSet(builder, "X-OpenRouter-Categories", settings.appCategories());
    return builder.build();
  }

  private static void addIfSet(Request.Builder builder, String header, String value) {
    if (value != null) {
      builder.header(header, value);
    }
  }

  private static String describe(IOException e) {
    return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
  }

  private static RetryPolicy<Object> retryPolicy(ClientSettings settings) {
    Duration first = settings.retryBackoff();
    Duration max = first.multipliedBy(16).compareTo(Duration.ofSeconds(30)) > 0 ? Duration.ofSeconds(30) : first.multipliedBy(16);
    var builder = RetryPolicy.builder()
        .handleIf(e -> e instanceof ApiException api && api.isTransient())
        .withMaxRetries(settings.maxRetries());
    if (first.isZero()) {
      return builder.build();
    }
    return builder.withBackoff(first, max.compareTo(first) > 0 ? max : first.plusMillis(1)).withJitter(0.25).build();
  }
}
