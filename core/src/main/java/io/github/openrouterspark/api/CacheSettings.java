package io.github.openrouterspark.api;

import java.io.Serializable;
import java.time.Duration;

/** Whether identical requests are served from this JVM's memory, and for how long. */
public record CacheSettings(boolean enabled, Duration ttl) implements Serializable {
  public static final Duration DEFAULT_TTL = Duration.ofMinutes(10);

  public static CacheSettings defaults() {
    return new CacheSettings(true, DEFAULT_TTL);
  }

  public static CacheSettings disabled() {
    return new CacheSettings(false, DEFAULT_TTL);
  }
}
