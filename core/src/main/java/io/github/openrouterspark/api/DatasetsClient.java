package io.github.openrouterspark.api;

import com.fasterxml.jackson.core.io.JsonEOFException;
import io.github.openrouterspark.ratelimit.PermitSource;
import io.github.openrouterspark.ratelimit.RemotePermits;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import okhttp3.Call;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Sends API requests (dataset GETs, analytics GETs and POSTs) and decodes each response completely
 * inside the retry loop, so a response that breaks off is retried rather than half used.
 *
 * <p>Every HTTP attempt first takes a permit for its key ({@link PermitSource}), so all requests
 * of the application stay under the per-key rate; OkHttp sends nothing on its own ({@link
 * SharedHttpClient}). Transient failures (connection errors, a body cut short, 408, 429, 5xx, and
 * a 400 wrapping one of those) are retried up to {@code maxRetries} times. Every wait is bounded
 * by {@code maxRetryWait}: a permit further away fails the request unsent, the waits between
 * retries add up to at most that, and a 429 whose hint ({@code retry-after-ms} or {@code
 * Retry-After}) is longer than what is left fails at once with what the API asked; a shorter hint
 * pauses the whole key, not just this task, for that long. Every wait ends within {@value
 * Waits#POLL_MILLIS} ms of the query's cancellation. A body that arrived whole but does not decode
 * or validate is not retried. 400, 401, 403 and redirects fail at once. Every failure names the
 * request, never the key.
 *
 * <p>With the cache enabled, a body is stored only after it was read to its end and decoded and
 * validated without error, under a key that includes the API key's fingerprint.
 */
public final class DatasetsClient {
  /** Backoff for a 429 that does not say how long to wait: doubles from here, up to a minute. */
  private static final Duration RATE_LIMIT_BACKOFF = Duration.ofSeconds(2);

  private static final Duration MAX_BACKOFF = Duration.ofSeconds(60);

  private static final MediaType JSON = MediaType.get("application/json");

  /** Decodes and validates one complete response body; throws if it is anything but right. */
  @FunctionalInterface
  public interface BodyReader<T> {
    T read(InputStream body) throws IOException;
  }

  /** Decodes and validates one dataset response through its cursor, to the end. */
  @FunctionalInterface
  public interface CursorReader<I extends ItemDecoder, T> {
    T read(DatasetResponseCursor<I> cursor) throws IOException;
  }

  private final ClientSettings settings;
  private final TrafficSettings traffic;
  private final ApiKey key;
  private final OkHttpClient http;
  private final PermitSource permits;
  private final CacheSettings cache;
  private final Cancellation cancellation;

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
    this(settings, traffic, key, cache, RemotePermits.forEndpoint(traffic.permits(),
        limiterScope == null ? key.fingerprint() : key.fingerprint() + "/" + limiterScope,
        traffic.rateLimitPerMinute()), Cancellation.NONE);
  }

  DatasetsClient(ClientSettings settings, TrafficSettings traffic, ApiKey key, CacheSettings cache,
      PermitSource permits, Cancellation cancellation) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.traffic = Objects.requireNonNull(traffic, "traffic");
    this.key = Objects.requireNonNull(key, "key");
    this.cache = Objects.requireNonNull(cache, "cache");
    this.permits = Objects.requireNonNull(permits, "permits");
    this.cancellation = Objects.requireNonNull(cancellation, "cancellation");
    this.http = SharedHttpClient.with(settings.connectTimeout(), settings.readTimeout(), settings.requestTimeout());
  }

  /** This client, with its waits and requests stopped once {@code cancelled} says so. */
  public DatasetsClient cancelledWhen(Cancellation cancelled) {
    return new DatasetsClient(settings, traffic, key, cache, permits, cancelled);
  }

  /**
   * Sends {@code request} and decodes its whole response with {@code reader} through a cursor
   * over {@code decoder}; a transient failure before or while the body is read is retried with a
   * fresh cursor, so the reader must build its result afresh on each call.
   */
  public <I extends ItemDecoder, T> T read(
      ApiRequest request, I decoder, RequestMetrics metrics, CursorReader<I, T> reader) {
    return read(request, metrics, body -> {
      DatasetResponseCursor<I> cursor = new DatasetResponseCursor<>(request, body, decoder);
      return reader.read(cursor);
    });
  }

  /**
   * Sends {@code request} (with permits, retries and the response cache) and returns what {@code
   * reader} made of the complete body. The reader is called once per attempt that got a
   * successful response; only its result of the attempt that succeeded is returned.
   */
  public <T> T read(ApiRequest request, RequestMetrics metrics, BodyReader<T> reader) {
    String cacheKey = cache.enabled() ? settings.baseUrl() + " " + key.fingerprint() + " " + request.identity() : null;
    if (cacheKey != null) {
      byte[] cached = ResponseCache.get(cacheKey);
      if (cached != null) {
        try {
          T value = reader.read(new ByteArrayInputStream(cached));
          metrics.cacheHit();
          return value;
        } catch (IOException | RuntimeException e) {
          ResponseCache.invalidate(cacheKey); // stored by a reader that validated less: ask again
        }
      }
    }
    long waitedMillis = 0;
    long maxWaitMillis = traffic.maxRetryWait().toMillis();
    for (int attempt = 1; ; attempt++) {
      waitForPermit(request, metrics);
      metrics.sent();
      try {
        return exchange(request, metrics, reader, cacheKey);
      } catch (ApiException e) {
        if (!e.isTransient()) {
          throw attempt > 1 ? e.afterAttempts(attempt, "The " + (attempt - 1) + " attempt(s) before it met transient"
              + " failures and were retried; this failure is not one a retry can fix.") : e;
        }
        Duration asked = e.isRateLimited() ? e.retryAfter() : null;
        if (asked != null && (asked.compareTo(ErrorHints.LONGEST_PER_MINUTE_WAIT) > 0
            || asked.toMillis() > maxWaitMillis - waitedMillis)) {
          throw e.afterAttempts(attempt, ErrorHints.rateLimitNotWaited(request, asked, traffic.maxRetryWait(),
              Duration.ofMillis(maxWaitMillis - waitedMillis)));
        }
        if (attempt > settings.maxRetries()) {
          throw e.afterAttempts(attempt, gaveUp(attempt, waitedMillis, ""));
        }
        long left = maxWaitMillis - waitedMillis;
        long delay = delayBeforeRetry(e, attempt).toMillis();
        if (!e.isRateLimited()) {
          delay = Math.min(delay, left); // our own backoff may be shortened; a 429's hint may not
        }
        if (left <= 0 || delay > left) {
          throw e.afterAttempts(attempt, gaveUp(attempt, waitedMillis,
              " The retry waits reached maxRetryWait."));
        }
        metrics.retried();
        waitedMillis += delay;
        if (e.isRateLimited()) {
          // The permits do the waiting, so every task of the key holds back, not just this one.
          permits.backOff(Duration.ofMillis(delay));
        } else {
          Waits.sleep(delay, cancellation, request, "to retry (attempt " + attempt + " failed)");
        }
      }
    }
  }

  /**
   * Sends {@code request} and returns a cursor over its complete body, read into memory inside
   * the retry loop (so a body that breaks off is retried). Nothing is cached: the caller's
   * decoding has not been validated here. For small responses and tests; readers use {@link
   * #read(ApiRequest, ItemDecoder, RequestMetrics, CursorReader)}.
   */
  public <I extends ItemDecoder> DatasetResponseCursor<I> open(ApiRequest request, I decoder) {
    return open(request, decoder, new RequestMetrics());
  }

  /** As {@link #open(ApiRequest, ItemDecoder)}, counting the traffic into {@code metrics}. */
  public <I extends ItemDecoder> DatasetResponseCursor<I> open(
      ApiRequest request, I decoder, RequestMetrics metrics) {
    byte[] body = cacheless().read(request, metrics, InputStream::readAllBytes);
    return new DatasetResponseCursor<>(request, new ByteArrayInputStream(body), decoder);
  }

  private DatasetsClient cacheless() {
    return cache.enabled()
        ? new DatasetsClient(settings, traffic, key, CacheSettings.disabled(), permits, cancellation) : this;
  }

  /** Takes this attempt's permit, waiting for it at most maxRetryWait. */
  private void waitForPermit(ApiRequest request, RequestMetrics metrics) {
    long waitMillis;
    try {
      waitMillis = permits.reserve(traffic.maxRetryWait());
    } catch (RuntimeException e) {
      if (Waits.cancelled(cancellation)) {
        throw new RequestCancelledException(request, "while asking for a permit", e);
      }
      throw e;
    }
    if (waitMillis > traffic.maxRetryWait().toMillis()) {
      throw ApiException.notSent(request, "the next permit of this API key's rate limit is "
          + Waits.seconds(waitMillis) + " away, more than maxRetryWait (" + Waits.describe(traffic.maxRetryWait())
          + ")", "The key is paused after a 429, or other tasks and queries of this application have booked its"
          + " rolling-minute limit (" + traffic.rateLimitPerMinute() + " per minute) that far ahead: raise"
          + " maxRetryWait, run fewer queries of this key at once, or try again later.");
    }
    metrics.waitedForPermit(waitMillis);
    if (waitMillis > 0) {
      Waits.sleep(waitMillis, cancellation, request, "for a permit of the rate limit");
    }
  }

  /** A follow-up OkHttp sends within one call (see {@link SharedHttpClient}) takes a permit too. */
  private void followUp(ApiRequest request, RequestMetrics metrics) {
    waitForPermit(request, metrics);
    metrics.sent();
  }

  /** One attempt: send, check the status, decode the whole body; cache it if all went well. */
  private <T> T exchange(ApiRequest request, RequestMetrics metrics, BodyReader<T> reader, String cacheKey) {
    Call call = http.newCall(buildRequest(request, metrics));
    try (CallWatchdog.Watch watch = CallWatchdog.watch(call, cancellation)) {
      Response response;
      try {
        response = call.execute();
      } catch (IOException e) {
        throw cancelledOr(request, "while sending", e,
            new ApiException(request, 0, describe(e), ErrorHints.forStatus(0, request), e));
      }
      try (response) {
        if (!response.isSuccessful()) {
          throw failureOf(request, response, metrics);
        }
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
          throw classify(request, e, counted);
        }
        if (counted.failure() != null) {
          // The decoder swallowed the connection's failure: what it made of the body is not to be trusted.
          throw classify(request, counted.failure(), counted);
        }
        if (copy != null && counted.ended()) {
          byte[] body = copy.copy();
          if (body != null) {
            ResponseCache.put(cacheKey, body, cache.ttl());
          }
        }
        return value;
      }
    }
  }

  /**
   * A failure while the body was read: the connection's (retried), a body that ended in the
   * middle of the JSON (a close-delimited body cut short; retried), or the content's (not).
   */
  private RuntimeException classify(ApiRequest request, Exception e, CountingInputStream counted) {
    if (counted.failure() != null) {
      IOException broke = counted.failure();
      String how = broke instanceof InterruptedIOException && !Waits.cancelled(cancellation)
          ? "timed out (requestTimeout " + Waits.describe(settings.requestTimeout()) + ", readTimeout "
              + Waits.describe(settings.readTimeout()) + ")"
          : "broke (" + describe(broke) + ")";
      return cancelledOr(request, "while reading the response", broke,
          ApiException.cutBody(request, "HTTP 200, but the connection " + how + " after " + counted.bytes()
              + " bytes of the body", e));
    }
    if (counted.ended() && hasCause(e, JsonEOFException.class)) {
      return ApiException.cutBody(request, "HTTP 200, but the body ended after " + counted.bytes()
          + " bytes, in the middle of the JSON", e);
    }
    if (e instanceof RuntimeException r) {
      return r;
    }
    return new ApiException(request, 200, "the response body could not be decoded (" + describe((IOException) e)
        + ")", "This is unexpected from the documented API: if it persists, report it with this message.", e);
  }

  private RuntimeException cancelledOr(ApiRequest request, String when, Throwable cause, RuntimeException failure) {
    return Waits.cancelled(cancellation) ? new RequestCancelledException(request, when, cause) : failure;
  }

  private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
    }
    return false;
  }

  private static ApiException failureOf(ApiRequest request, Response response, RequestMetrics metrics) {
    ResponseBody body = response.body();
    try {
      byte[] bytes = body.source().peek().readByteArray(Math.min(ErrorBody.MAX_BYTES, bufferedLength(body)));
      metrics.read(bytes.length);
      ErrorBody parsed = response.isRedirect()
          ? new ErrorBody("a redirect to " + response.header("Location", "(no Location header)"), 0)
          : ErrorBody.parse(bytes);
      ApiException failure = new ApiException(request, response.code(), parsed,
          RetryAfter.from(response.headers(), Instant.now()));
      if (failure.isRateLimited()) {
        metrics.rateLimited();
      }
      return failure;
    } catch (IOException e) {
      return new ApiException(
          request, response.code(), "(error body unreadable: " + describe(e) + ")",
          ErrorHints.forStatus(response.code(), request), e);
    }
  }

  /**
   * For a 429: as long as the API asked (the caller has checked that this fits maxRetryWait), or
   * exponential backoff when it did not say. Other failures back off exponentially from {@code
   * retryBackoff}, with ±25% jitter so tasks that failed together do not retry together.
   */
  private Duration delayBeforeRetry(ApiException failure, int attempt) {
    if (failure.isRateLimited()) {
      return failure.retryAfter() != null ? failure.retryAfter() : exponential(RATE_LIMIT_BACKOFF, attempt);
    }
    Duration base = exponential(settings.retryBackoff(), attempt);
    double jitter = 0.75 + 0.5 * ThreadLocalRandom.current().nextDouble();
    return Duration.ofMillis(Math.round(base.toMillis() * jitter));
  }

  /** {@code first · 2^(attempt-1)}, at most {@link #MAX_BACKOFF}. */
  private static Duration exponential(Duration first, int attempt) {
    Duration d = first.multipliedBy(1L << Math.min(Math.max(attempt - 1, 0), 16));
    return d.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : d;
  }

  private String gaveUp(int attempts, long waitedMillis, String why) {
    return "Gave up after " + attempts + " attempts (" + (attempts - 1) + " retries) and " + Waits.seconds(waitedMillis)
        + " of waits between them." + why + " Options maxRetries (now " + settings.maxRetries() + ") and maxRetryWait"
        + " (now " + Waits.describe(traffic.maxRetryWait()) + ") raise these limits.";
  }

  private static long bufferedLength(ResponseBody body) throws IOException {
    body.source().request(ErrorBody.MAX_BYTES);
    return body.source().getBuffer().size();
  }

  private Request buildRequest(ApiRequest request, RequestMetrics metrics) {
    HttpUrl url = HttpUrl.get(settings.baseUrl() + request.pathAndQuery());
    Request.Builder builder = new Request.Builder()
        .url(url)
        .method(request.isPost() ? "POST" : "GET",
            request.isPost() ? RequestBody.create(request.body(), JSON) : null)
        .header("Authorization", "Bearer " + key.bearerToken())
        .header("User-Agent", ConnectorVersion.userAgent())
        .header("Accept", "application/json")
        .tag(SharedHttpClient.Attempts.class, new SharedHttpClient.Attempts(() -> followUp(request, metrics)));
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
