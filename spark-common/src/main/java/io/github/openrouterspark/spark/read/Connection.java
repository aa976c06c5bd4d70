package io.github.openrouterspark.spark.read;

import io.github.openrouterspark.api.ApiKey;
import io.github.openrouterspark.api.CacheSettings;
import io.github.openrouterspark.api.ClientSettings;
import io.github.openrouterspark.api.OpenRouterClient;
import io.github.openrouterspark.api.TrafficSettings;
import io.github.openrouterspark.options.ReadOptions;
import java.io.Serial;
import java.io.Serializable;

/**
 * What every reader of a scan connects with: client settings, traffic (rate limit, retry wait and
 * the driver's permit service), key and response cache. Built once per scan on the driver and
 * shipped to executors inside the reader factory; {@link #toString()} hides the key.
 *
 * <p>The driver's permit service starts when the connection is first serialized for executors,
 * which only running a query does: Spark also creates reader factories while planning, EXPLAIN
 * included, and an EXPLAIN must open no listener.
 */
public record Connection(
    ClientSettings client, TrafficSettings traffic, ApiKey key, CacheSettings cache)
    implements Serializable {

  /** The scan's connection; requires the key, so a query without one fails while planning. */
  public static Connection of(ReadOptions options) {
    return new Connection(
        options.client(), options.traffic(), options.requireApiKey(), withStore(options.cache()));
  }

  /** The cache settings with their {@code cacheDir} opened through Hadoop, when one is set. */
  public static CacheSettings withStore(CacheSettings cache) {
    return cache.directory() == null
        ? cache
        : cache.withStore(new HadoopStoreLocation(cache.directory()));
  }

  /** The same connection without a response cache (responses that must be read fresh). */
  public Connection withoutCache() {
    return new Connection(client, traffic, key, CacheSettings.disabled());
  }

  /** A client for one task, stopped when Spark cancels the task. */
  public OpenRouterClient http() {
    return new OpenRouterClient(client, traffic, key, cache)
        .cancelledWhen(TaskCancellation.current());
  }

  /** The same, sharing the rate limiter of {@code limiterScope} (the analytics endpoints' own). */
  public OpenRouterClient http(String limiterScope) {
    return new OpenRouterClient(client, traffic, key, cache, limiterScope)
        .cancelledWhen(TaskCancellation.current());
  }

  /** On the driver, at shipping: points executors at the permit service, started now. */
  @Serial
  private Object writeReplace() {
    return traffic.permits() != null
        ? this
        : new Connection(client, DriverServices.traffic(traffic), key, cache);
  }

  @Override
  public String toString() {
    return "Connection[client="
        + client
        + ", traffic="
        + traffic
        + ", key=<hidden>, cache="
        + cache
        + "]";
  }
}
