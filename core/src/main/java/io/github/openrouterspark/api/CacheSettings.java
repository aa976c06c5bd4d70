package io.github.openrouterspark.api;

import io.github.openrouterspark.store.ResponseStore;
import io.github.openrouterspark.store.StoreLocation;
import java.io.Serializable;
import java.time.Duration;

/**
 * Whether identical requests are served from this JVM's memory, and for how long; and where else
 * validated responses are kept for every JVM to reuse.
 *
 * @param directory the {@code cacheDir} option as given, or null
 * @param store that directory opened on its file system (by the Spark layer, through Hadoop), or
 *     null for no persistent store
 */
public record CacheSettings(boolean enabled, Duration ttl, String directory, StoreLocation store)
    implements Serializable {
  public static final Duration DEFAULT_TTL = Duration.ofMinutes(10);

  public CacheSettings(boolean enabled, Duration ttl) {
    this(enabled, ttl, null, null);
  }

  public static CacheSettings defaults() {
    return new CacheSettings(true, DEFAULT_TTL);
  }

  public static CacheSettings disabled() {
    return new CacheSettings(false, DEFAULT_TTL);
  }

  /** The same settings, with {@code cacheDir} (not yet opened). */
  public CacheSettings withDirectory(String directory) {
    return new CacheSettings(enabled, ttl, directory, store);
  }

  /** The same settings, keeping responses also in {@code store}. */
  public CacheSettings withStore(StoreLocation store) {
    return new CacheSettings(enabled, ttl, directory, store);
  }

  /** The persistent store to use, or null (none set, or caching off). */
  ResponseStore responseStore() {
    return enabled && store != null ? ResponseStore.at(store) : null;
  }
}
