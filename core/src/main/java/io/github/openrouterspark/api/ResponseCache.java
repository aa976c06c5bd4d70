package io.github.openrouterspark.api;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;

/**
 * This JVM's memory of complete, validated successful response bodies, each under a key that names
 * the base URL, the API key's fingerprint and the request, so that re-running a scan ({@code
 * show()}, then {@code count()}, then {@code collect()}) costs no further requests. Bounded in
 * bytes (least recently used bodies go first); each entry expires after the TTL of the query that
 * stored it.
 */
final class ResponseCache {
  /** Enough for years of rankings in several slices; responses are compact. */
  static final long MAX_BYTES = 64L * 1024 * 1024;

  /** Bodies larger than this are streamed but not kept. */
  static final int MAX_ENTRY_BYTES = 16 * 1024 * 1024;

  private static final Cache<String, Entry> CACHE =
      Caffeine.newBuilder()
          .maximumWeight(MAX_BYTES)
          .weigher((String key, Entry e) -> e.body.length + key.length())
          .expireAfterWrite(Duration.ofHours(1))
          .build();

  private record Entry(byte[] body, long expiresAtNanos) {}

  private ResponseCache() {}

  static byte[] get(String key) {
    Entry e = CACHE.getIfPresent(key);
    if (e == null) {
      return null;
    }
    if (System.nanoTime() - e.expiresAtNanos > 0) {
      CACHE.invalidate(key);
      return null;
    }
    return e.body;
  }

  static void put(String key, byte[] body, Duration ttl) {
    CACHE.put(key, new Entry(body, System.nanoTime() + ttl.toNanos()));
  }

  /** Forgets one body (one that no longer decodes). */
  static void invalidate(String key) {
    CACHE.invalidate(key);
  }

  /** For tests and troubleshooting: forget everything. */
  static void clear() {
    CACHE.invalidateAll();
  }
}
