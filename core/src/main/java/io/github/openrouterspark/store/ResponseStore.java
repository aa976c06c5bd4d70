package io.github.openrouterspark.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Validated response bodies kept in a directory that outlives the JVM ({@code cacheDir}) and that
 * every session, executor and application pointed at it shares. One file per request per key
 * fingerprint (never the key): {@code openrouter-spark/v1/<fingerprint>/<hh>/<sha256 of base URL
 * and request>}. Final responses (completed days) are kept forever, the rest until their TTL.
 *
 * <p>The store is an optimisation, never a source of failure: an entry that is foreign, expired,
 * torn or corrupted is ignored (and later overwritten by the fresh response), and a store that
 * cannot be read or written is skipped with one warning per JVM and location.
 */
public final class ResponseStore {
  private static final Logger LOG = LoggerFactory.getLogger(ResponseStore.class);
  private static final String ROOT = "openrouter-spark/v1/";
  private static final Map<StoreLocation, ResponseStore> OPEN = new ConcurrentHashMap<>();

  private final StoreLocation location;
  private final Clock clock;
  private final AtomicBoolean warned = new AtomicBoolean();
  private volatile StoreFiles files;

  ResponseStore(StoreLocation location, Clock clock) {
    this.location = location;
    this.clock = clock;
  }

  /** This JVM's store at {@code location} (one per location, so it warns once). */
  public static ResponseStore at(StoreLocation location) {
    return OPEN.computeIfAbsent(location, l -> new ResponseStore(l, Clock.systemUTC()));
  }

  /**
   * The stored body of {@code request} (the response cache's key: base URL, key fingerprint and
   * request), or null when there is none still valid. The stream fails with an IOException at its
   * end when the body turns out torn or corrupted: read it to the end before trusting it.
   */
  public InputStream find(String keyFingerprint, String request) {
    InputStream in = null;
    try {
      in = files().openIfExists(name(keyFingerprint, request));
      if (in == null) {
        return null;
      }
      StoreEntry.Header header = StoreEntry.readHeader(in);
      if (!header.request().equals(hash(request)) || header.expiresAtMillis() <= clock.millis()) {
        in.close();
        return null;
      }
      return StoreEntry.verifiedBody(in, header);
    } catch (IOException | RuntimeException e) {
      closeQuietly(in);
      if (e instanceof IOException && in != null) {
        LOG.debug(
            "ignoring an unreadable entry of the response store {}: {}", location, e.toString());
      } else {
        unavailable("read", e);
      }
      return null;
    }
  }

  /**
   * Keeps the validated {@code body} of {@code request}; final data forever, else for {@code ttl}.
   */
  public void put(String keyFingerprint, String request, byte[] body, Duration ttl) {
    long expires = Freshness.expiresAtMillis(body, ttl, clock);
    try {
      files()
          .writeAtomically(
              name(keyFingerprint, request), StoreEntry.encode(hash(request), expires, body));
    } catch (IOException | RuntimeException e) {
      unavailable("write", e);
    }
  }

  /** Forgets the entry of {@code request} (one that failed to decode or verify). */
  public void discard(String keyFingerprint, String request) {
    try {
      files().delete(name(keyFingerprint, request));
    } catch (IOException | RuntimeException e) {
      unavailable("clean up", e);
    }
  }

  private StoreFiles files() throws IOException {
    StoreFiles f = files;
    if (f == null) {
      f = location.open();
      files = f;
    }
    return f;
  }

  private void unavailable(String what, Exception e) {
    if (warned.compareAndSet(false, true)) {
      LOG.warn(
          "openrouter: cannot {} the response store (cacheDir) {}: {}. Reads go to the API"
              + " instead; this is logged once.",
          what,
          location,
          e.toString());
    } else {
      LOG.debug("cannot {} the response store {}: {}", what, location, e.toString());
    }
  }

  static String name(String keyFingerprint, String request) {
    if (!keyFingerprint.matches("[0-9a-f]{1,64}")) {
      throw new IllegalArgumentException("not a key fingerprint");
    }
    String hash = hash(request);
    return ROOT + keyFingerprint + "/" + hash.substring(0, 2) + "/" + hash;
  }

  static String hash(String request) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256")
                  .digest(request.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is always available", e);
    }
  }

  private static void closeQuietly(InputStream in) {
    if (in != null) {
      try {
        in.close();
      } catch (IOException ignored) {
        // nothing was trusted from it
      }
    }
  }

  @Override
  public String toString() {
    return "ResponseStore[" + location + "]";
  }
}
