package io.github.openrouterspark.api;

import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeException;
import dev.failsafe.RetryPolicy;
import io.github.openrouterspark.ratelimit.PermitSource;
import io.github.openrouterspark.ratelimit.RemotePermits;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.RequestBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Sends API requests (dataset GETs, analytics GETs and POSTs) and hands back a streaming cursor
 * or stream over the response.
 *
 * <p>Every attempt first takes a permit for its key ({@link PermitSource}), so all requests of
 * the application stay under the per-key rate. Transient failures (connection errors, 408, 429,
 * 5xx, and a 400 wrapping one of those) are retried up to {@code maxRetries} times and within
 * {@code maxRetryWait} in total: a 429 waits as long as the API asks ({@code retry-after-ms} or
 * {@code Retry-After}), or backs off exponentially when it does not say, and pauses the whole key,
 * not just this task; other failures back off exponentially with jitter. 400, 401 and 403 fail at
 * once. Every failure is an {@link ApiException} naming the request, never the key.
 */
public final class DatasetsClient {
  /** Backoff for a 429 that does not say how long to wait: doubles from here, up to a minute. */
  private static final Duration RATE_LIMIT_BACKOFF = Duration.ofSeconds(2);

  private static final Duration MAX_BACKOFF = Duration.ofSeconds(60);

  private static final MediaType JSON = MediaType.get("application/json");

  private final ClientSettings settings;
  private final TrafficSettings traffic;
  private final ApiKey key;
  private final OkHttpClient http;
  private final PermitSource permits;
  private final CacheSettings cache;

  public DatasetsClient(ClientSettings settings, ApiKey key) {
    this(settings, TrafficSettings.defaults(), key, CacheSettings.disabled());
  }

  public DatasetsClient(ClientSettings settings, TrafficSettings traffic, ApiKey key, CacheSettings cache) {
    this(settings, traffic, key, cache, null);
  }

  /**
   * @param limiterScope null for the Data API's limiter; else the name of a separate server-side
   *     limit the requests count against (the analytics endpoints have their own per-key limit)
   */
  public DatasetsClient(
      ClientSettings settings, TrafficSettings traffic, ApiKey key, CacheSettings cache, String limiterScope) {
    this.cache = Objects.requireNonNull(cache, "cache");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.traffic = Objects.requireNonNull(traffic, "traffic");
    this.key = Objects.requireNonNull(key, "key");
    this.http = SharedHttpClient.with(settings.connectTimeout(), settings.readTimeout());
    String limiterKey = limiterScope == null ? key.fingerprint() : key.fingerprint() + "/" + limiterScope;
    this.permits = RemotePermits.forEndpoint(traffic.permits(), limiterKey, traffic.rateLimitPerMinute());
  }

  /** Sends {@code request} and returns a cursor that decodes each item with {@code decoder}. */
  public <I extends ItemDecoder> DatasetResponseCursor<I> open(ApiRequest request, I decoder) {
    return open(request, decoder, new RequestMetrics());
  }

  /** As {@link #open(ApiRequest, ItemDecoder)}, counting the traffic into {@code metrics}. */
  public <I extends ItemDecoder> DatasetResponseCursor<I> open(
      ApiRequest request, I decoder, RequestMetrics metrics) {
    return new DatasetResponseCursor<>(request, openBody(request, metrics), decoder);
  }

  /**
   * Sends {@code request} (with permits, retries and the response cache) and returns the body of
   * its successful response as a stream; the caller decodes and closes it.
   */
  public InputStream openBody(ApiRequest request, RequestMetrics metrics) {
    String cacheKey = cache.enabled() ? settings.baseUrl() + " " + key.fingerprint() + " " + request.identity() : null;
    if (cacheKey != null) {
      byte[] cached = ResponseCache.get(cacheKey);
      if (cached != null) {
        metrics.cacheHit();
        return new java.io.ByteArrayInputStream(cached);
      }
    }
    AtomicInteger attempts = new AtomicInteger();
    AtomicLong waitedMillis = new AtomicLong();
    RetryPolicy<Object> retries = RetryPolicy.builder()
        .handleIf((result, failure) -> failure instanceof ApiException e && e.isTransient()
            && waitedMillis.get() < traffic.maxRetryWait().toMillis())
        .withMaxRetries(settings.maxRetries())
        .withDelayFn(ctx -> delayBeforeRetry(ctx.getLastException(), ctx.getAttemptCount()))
        .onRetryScheduled(e -> {
          metrics.retried();
          waitedMillis.addAndGet(e.getDelay().toMillis());
        })
        .build();
    InputStream body;
    try {
      body = Failsafe.with(retries).get(() -> {
        attempts.incrementAndGet();
        metrics.waitedForPermit(permits.acquire());
        metrics.sent();
        return send(request, metrics);
      });
    } catch (ApiException e) {
      throw attempts.get() > 1 ? e.afterAttempts(attempts.get(), retryAdvice(waitedMillis.get())) : e;
    } catch (FailsafeException e) {
      Throwable cause = e.getCause() instanceof InterruptedException ? e.getCause() : e;
      throw new ApiException(request, 0, String.valueOf(cause), ErrorHints.forStatus(0, request), cause);
    }
    InputStream counted = new CountingInputStream(body, metrics);
    return cacheKey == null ? counted : new CachingInputStream(counted, cacheKey, cache.ttl());
  }

  /**
   * For a 429: pause the key for as long as the API asked (or back off exponentially when it did
   * not say) and retry as soon as a permit is free again; the permits, not this task's own sleep,
   * do the waiting, so every task of the key slows down. Other failures back off exponentially
   * from {@code retryBackoff}, with ±25% jitter so tasks that failed together do not retry
   * together.
   */
  private Duration delayBeforeRetry(Throwable failure, int attempt) {
    if (failure instanceof ApiException e && e.isRateLimited()) {
      Duration wait = e.retryAfter() != null ? e.retryAfter() : exponential(RATE_LIMIT_BACKOFF, attempt);
      permits.backOff(wait);
      return Duration.ZERO;
    }
    Duration base = exponential(settings.retryBackoff(), attempt);
    double jitter = 0.75 + 0.5 * java.util.concurrent.ThreadLocalRandom.current().nextDouble();
    return Duration.ofMillis(Math.round(base.toMillis() * jitter));
  }

  /** {@code first · 2^(attempt-1)}, at most {@link #MAX_BACKOFF}. */
  private static Duration exponential(Duration first, int attempt) {
    Duration d = first.multipliedBy(1L << Math.min(Math.max(attempt - 1, 0), 16));
    return d.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : d;
  }

  private String retryAdvice(long waitedMillis) {
    return "Gave up after " + settings.maxRetries() + " retries and " + waitedMillis / 1000 + " s of retry waits"
        + " (options maxRetries and maxRetryWait raise these limits).";
  }

  private InputStream send(ApiRequest request, RequestMetrics metrics) {
    Request httpRequest = buildRequest(request);
    Response response;
    try {
      response = http.newCall(httpRequest).execute();
    } catch (IOException e) {
      throw new ApiException(request, 0, describe(e), ErrorHints.forStatus(0, request), e);
    }
    ResponseBody body = response.body();
    if (response.isSuccessful()) {
      return body.byteStream();
    }
    try (response) {
      byte[] bytes = body.source().peek().readByteArray(Math.min(ErrorBody.MAX_BYTES, bufferedLength(body)));
      metrics.read(bytes.length);
      ApiException failure = new ApiException(request, response.code(), ErrorBody.parse(bytes),
          RetryAfter.from(response.headers(), Instant.now()));
      if (failure.isRateLimited()) {
        metrics.rateLimited();
      }
      throw failure;
    } catch (IOException e) {
      throw new ApiException(
          request, response.code(), "(error body unreadable: " + describe(e) + ")",
          ErrorHints.forStatus(response.code(), request), e);
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
        .method(request.isPost() ? "POST" : "GET",
            request.isPost() ? RequestBody.create(request.body(), JSON) : null)
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
}
