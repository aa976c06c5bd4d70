package io.github.openrouterspark.api;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * This JVM's memory of the daily rankings rows already read, one entry per completed UTC day of one
 * parameter set, so that a later query overlapping an earlier one fetches only the days it does not
 * have yet. Unlike {@link ResponseCache}, which reuses a response only for the identical request,
 * this reuses the days of any earlier window.
 *
 * <p>Only final data belongs here: the caller stores only days strictly before the UTC date at read
 * time and before the date of the response's {@code as_of} (today's totals are live), and only
 * daily rows (weeks and months are not split into days). A day holds exactly the rows the API
 * returned for it, in the API's order, {@code other} included, with the {@code as_of} of the
 * response they came from; a day the API returned no rows for is stored as empty.
 *
 * <p>Bounded in (approximate) bytes, least recently used days go first; each day expires after the
 * TTL of the query that stored it, and a reader also ignores days older than its own TTL.
 */
public final class DayCache {
  /** Roughly a million rows: decades of days in dozens of parameter sets. */
  public static final long MAX_BYTES = 64L * 1024 * 1024;

  /** Per-entry and per-row overhead of the Java objects, for the weigher. */
  private static final int ENTRY_OVERHEAD_BYTES = 160;

  private static final int ROW_OVERHEAD_BYTES = 64;

  private static final Cache<Key, Entry> CACHE =
      Caffeine.newBuilder()
          .maximumWeight(MAX_BYTES)
          .weigher((Key key, Entry e) -> e.weight(key))
          .expireAfter(
              new Expiry<Key, Entry>() {
                @Override
                public long expireAfterCreate(Key key, Entry e, long now) {
                  return e.ttlNanos;
                }

                @Override
                public long expireAfterUpdate(Key key, Entry e, long now, long currentDuration) {
                  return e.ttlNanos;
                }

                @Override
                public long expireAfterRead(Key key, Entry e, long now, long currentDuration) {
                  return currentDuration;
                }
              })
          .build();

  private DayCache() {}

  /**
   * One day of one parameter set, as read from one API with one key.
   *
   * @param parameters the request's parameters other than the dates, as sent (e.g. {@code
   *     modality=text}; empty when none)
   */
  public record Key(String baseUrl, String keyFingerprint, String parameters, LocalDate date) {
    public Key {
      Objects.requireNonNull(baseUrl, "baseUrl");
      Objects.requireNonNull(keyFingerprint, "keyFingerprint");
      Objects.requireNonNull(parameters, "parameters");
      Objects.requireNonNull(date, "date");
    }
  }

  /** One row as the API sent it: the permaslug and the exact total's decimal digits. */
  public record Row(String modelPermaslug, String totalTokens) {}

  /**
   * The rows of one day, in the API's order, and the {@code as_of} of the response they came from.
   */
  public record Day(List<Row> rows, Instant asOf) {
    public Day {
      rows = List.copyOf(rows);
      Objects.requireNonNull(asOf, "asOf");
    }
  }

  /**
   * Where a reader of one parameter set keeps its days: the key parts other than the date, and the
   * query's TTL. Serializable, so it can travel with a reader factory; it holds the key's
   * fingerprint, never the key.
   */
  public record Scope(String baseUrl, String keyFingerprint, String parameters, Duration ttl)
      implements Serializable {
    public Scope {
      Objects.requireNonNull(ttl, "ttl");
      new Key(baseUrl, keyFingerprint, parameters, LocalDate.EPOCH); // validates the parts
    }

    public Key key(LocalDate date) {
      return new Key(baseUrl, keyFingerprint, parameters, date);
    }

    /** The day, if this JVM holds it and it is not older than this scope's TTL. */
    public Optional<Day> get(LocalDate date) {
      return DayCache.get(key(date), ttl);
    }

    public void put(LocalDate date, Day day) {
      DayCache.put(key(date), day, ttl);
    }
  }

  private record Entry(Day day, long storedAtNanos, long ttlNanos) {
    int weight(Key key) {
      long bytes =
          ENTRY_OVERHEAD_BYTES
              + 2L * (key.baseUrl.length() + key.keyFingerprint.length() + key.parameters.length());
      for (Row r : day.rows) {
        bytes += ROW_OVERHEAD_BYTES + 2L * (r.modelPermaslug().length() + r.totalTokens().length());
      }
      return (int) Math.min(bytes, Integer.MAX_VALUE);
    }
  }

  /**
   * The day stored under {@code key}, unless it is absent, expired or older than {@code maxAge}.
   */
  public static Optional<Day> get(Key key, Duration maxAge) {
    Entry e = CACHE.getIfPresent(key);
    if (e == null || System.nanoTime() - e.storedAtNanos > maxAge.toNanos()) {
      return Optional.empty();
    }
    return Optional.of(e.day);
  }

  /** Keeps {@code day} for {@code ttl} (a non-positive TTL keeps nothing). */
  public static void put(Key key, Day day, Duration ttl) {
    if (ttl.isNegative() || ttl.isZero()) {
      return;
    }
    CACHE.put(key, new Entry(day, System.nanoTime(), ttl.toNanos()));
  }

  /** For tests and troubleshooting: forget every day. */
  public static void clear() {
    CACHE.invalidateAll();
  }
}
