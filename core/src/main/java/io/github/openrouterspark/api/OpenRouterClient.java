package io.github.openrouterspark.api;

import io.github.openrouterspark.ratelimit.PermitSource;
import io.github.openrouterspark.ratelimit.RemotePermits;
import io.github.openrouterspark.store.ResponseStore;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Sends API requests (dataset GETs, analytics GETs and POSTs) and decodes each response completely
 * inside the retry loop, so a response that breaks off is retried rather than half used.
 *
 * <p>Every HTTP attempt first takes a permit for its key ({@link PermitGate}), so all requests of
 * the application stay under the per-key rate; OkHttp sends nothing on its own ({@link
 * SharedHttpClient}). {@link RetryingExchange} decides what is retried and how long it may wait;
 * every wait ends within {@value Waits#POLL_MILLIS} ms of the query's cancellation. A body that
 * arrived whole but does not decode or validate is not retried. 400, 401, 403 and redirects fail at
 * once. Every failure names the request, never the key.
 *
 * <p>With the cache enabled, a body is stored only after it was read to its end and decoded and
 * validated without error, under a key that includes the API key's fingerprint.
 */
public final class OpenRouterClient {
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
  private final PermitSource permits;
  private final CacheSettings cache;
  private final Cancellation cancellation;
  private final RetryingExchange exchange;

  public OpenRouterClient(ClientSettings settings, ApiKey key) {
    this(settings, TrafficSettings.defaults(), key, CacheSettings.disabled());
  }

  public OpenRouterClient(
      ClientSettings settings, TrafficSettings traffic, ApiKey key, CacheSettings cache) {
    this(settings, traffic, key, cache, null);
  }

  /**
   * @param limiterScope null for the Data API's limiter; else the name of a separate server-side
   *     limit the requests count against (the analytics endpoints have their own per-key limit)
   */
  public OpenRouterClient(
      ClientSettings settings,
      TrafficSettings traffic,
      ApiKey key,
      CacheSettings cache,
      String limiterScope) {
    this(
        settings,
        traffic,
        key,
        cache,
        RemotePermits.forEndpoint(
            traffic.permits(),
            limiterScope == null ? key.fingerprint() : key.fingerprint() + "/" + limiterScope,
            traffic.rateLimitPerMinute()),
        Cancellation.NONE);
  }

  OpenRouterClient(
      ClientSettings settings,
      TrafficSettings traffic,
      ApiKey key,
      CacheSettings cache,
      PermitSource permits,
      Cancellation cancellation) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.traffic = Objects.requireNonNull(traffic, "traffic");
    this.key = Objects.requireNonNull(key, "key");
    this.cache = Objects.requireNonNull(cache, "cache");
    this.permits = Objects.requireNonNull(permits, "permits");
    this.cancellation = Objects.requireNonNull(cancellation, "cancellation");
    PermitGate gate = new PermitGate(permits, traffic, cancellation);
    HttpAttempt attempt =
        new HttpAttempt(
            settings,
            new HttpRequests(settings, key),
            gate,
            cancellation,
            cache,
            key.fingerprint());
    this.exchange = new RetryingExchange(settings, traffic, gate, attempt, cancellation);
  }

  /** A copy of {@code other} with another cancellation. */
  OpenRouterClient(OpenRouterClient other, Cancellation cancellation) {
    this(other.settings, other.traffic, other.key, other.cache, other.permits, cancellation);
  }

  /** This client, with its waits and requests stopped once {@code cancelled} says so. */
  public OpenRouterClient cancelledWhen(Cancellation cancelled) {
    return new OpenRouterClient(this, cancelled);
  }

  /**
   * Sends {@code request} and decodes its whole response with {@code reader} through a cursor over
   * {@code decoder}; a transient failure before or while the body is read is retried with a fresh
   * cursor, so the reader must build its result afresh on each call.
   */
  public <I extends ItemDecoder, T> T read(
      ApiRequest request, I decoder, RequestMetrics metrics, CursorReader<I, T> reader) {
    return read(
        request, metrics, body -> reader.read(new DatasetResponseCursor<>(request, body, decoder)));
  }

  /**
   * Sends {@code request} (with permits, retries and the response cache) and returns what {@code
   * reader} made of the complete body. The reader is called once per attempt that got a successful
   * response; only its result of the attempt that succeeded is returned.
   */
  public <T> T read(ApiRequest request, RequestMetrics metrics, BodyReader<T> reader) {
    String cacheKey =
        cache.enabled()
            ? settings.baseUrl() + " " + key.fingerprint() + " " + request.identity()
            : null;
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
      ResponseStore store = cache.responseStore();
      if (store != null) {
        T value = fromStore(store, cacheKey, reader);
        if (value != null) {
          metrics.cacheHit();
          return value;
        }
      }
    }
    return exchange.send(request, metrics, reader, cacheKey);
  }

  /** What a reader made of a validated response, and one copy of its body for a second pass. */
  public record Kept<T>(T value, KeptBody body) {}

  /**
   * As {@link #read(ApiRequest, ItemDecoder, RequestMetrics, CursorReader)}, and also keeps one
   * copy of the body that {@code reader} validated (on the heap up to {@value
   * KeptBody#IN_MEMORY_BYTES} bytes, else in a temporary file under {@code spillDir}), so the
   * caller can decode it a second time, lazily, with {@link KeptBody#reopen}, instead of holding
   * what it decoded. The reader should therefore validate everything and keep nothing per row. The
   * caller must close the returned body; the copies of attempts that failed are deleted here.
   *
   * @param spillDir where large bodies are written; null for {@code java.io.tmpdir}
   */
  public <I extends ItemDecoder, T> Kept<T> readKept(
      ApiRequest request,
      I decoder,
      RequestMetrics metrics,
      CursorReader<I, T> reader,
      Path spillDir) {
    return readKept(
        request,
        metrics,
        body -> reader.read(new DatasetResponseCursor<>(request, body, decoder)),
        spillDir);
  }

  /**
   * As {@link #read(ApiRequest, RequestMetrics, BodyReader)}, and also keeps one copy of the body
   * that {@code reader} read to its end and validated, as described for {@link
   * #readKept(ApiRequest, ItemDecoder, RequestMetrics, CursorReader, Path)}.
   */
  public <T> Kept<T> readKept(
      ApiRequest request, RequestMetrics metrics, BodyReader<T> reader, Path spillDir) {
    List<KeptBody> copies = new ArrayList<>();
    Kept<T> kept = null;
    try {
      kept =
          read(
              request,
              metrics,
              body -> {
                KeptBody copy = new KeptBody(spillDir);
                copies.add(copy);
                InputStream keeping = copy.keeping(body);
                T value = reader.read(keeping);
                // Whatever follows the JSON document (whitespace) is part of the body too; a parser
                // that reached the end has closed the stream (which then reads as ended).
                keeping.transferTo(OutputStream.nullOutputStream());
                return new Kept<>(value, copy.complete());
              });
      return kept;
    } finally {
      for (KeptBody copy : copies) {
        if (kept == null || copy != kept.body()) {
          copy.closeQuietly();
        }
      }
    }
  }

  /**
   * For tests and troubleshooting: forgets this JVM's memory of responses and days (as a new JVM
   * would start), leaving any persistent store ({@code cacheDir}) as it is.
   */
  public static void forgetMemoryCaches() {
    ResponseCache.clear();
    DayCache.clear();
  }

  /**
   * What {@code reader} made of the stored body, read to its end (which verifies its length and
   * digest), or null when there is none or it does not verify or decode: then the store's entry is
   * dropped and the request goes to the API.
   */
  private <T> T fromStore(ResponseStore store, String cacheKey, BodyReader<T> reader) {
    InputStream stored = store.find(key.fingerprint(), cacheKey);
    if (stored == null) {
      return null;
    }
    try (stored) {
      T value = reader.read(stored);
      stored.transferTo(OutputStream.nullOutputStream());
      return value;
    } catch (IOException | RuntimeException e) {
      store.discard(key.fingerprint(), cacheKey);
      return null;
    }
  }

  /**
   * Sends {@code request} and returns a cursor over its complete body, read into memory inside the
   * retry loop (so a body that breaks off is retried). Nothing is cached: the caller's decoding has
   * not been validated here. For small responses and tests; readers use {@link #read(ApiRequest,
   * ItemDecoder, RequestMetrics, CursorReader)}.
   */
  public <I extends ItemDecoder> DatasetResponseCursor<I> open(ApiRequest request, I decoder) {
    return open(request, decoder, new RequestMetrics());
  }

  /** As {@link #open(ApiRequest, ItemDecoder)}, counting the traffic into {@code metrics}. */
  public <I extends ItemDecoder> DatasetResponseCursor<I> open(
      ApiRequest request, I decoder, RequestMetrics metrics) {
    byte[] body = exchange.send(request, metrics, InputStream::readAllBytes, null);
    return new DatasetResponseCursor<>(request, new ByteArrayInputStream(body), decoder);
  }
}
