package io.github.openrouterspark.api;

import io.github.openrouterspark.ratelimit.PermitEndpoint;
import java.io.Serializable;
import java.time.Duration;

/**
 * How a client shares the API with the rest of the application: the per-key request rate, where
 * permits come from (the driver's service, or null for this JVM's limiter), and how long retries
 * may wait in total.
 */
public record TrafficSettings(int rateLimitPerMinute, Duration maxRetryWait, PermitEndpoint permits)
    implements Serializable {
  public static final int DEFAULT_RATE_LIMIT_PER_MINUTE = 30;

  /**
   * The analytics endpoints allow 64 per minute per key (docs/api-contract.md §6); a little below
   * leaves slack.
   */
  public static final int DEFAULT_ANALYTICS_RATE_LIMIT_PER_MINUTE = 60;

  public static final Duration DEFAULT_MAX_RETRY_WAIT = Duration.ofMinutes(5);

  public static TrafficSettings defaults() {
    return new TrafficSettings(DEFAULT_RATE_LIMIT_PER_MINUTE, DEFAULT_MAX_RETRY_WAIT, null);
  }

  public TrafficSettings withPermits(PermitEndpoint endpoint) {
    return new TrafficSettings(rateLimitPerMinute, maxRetryWait, endpoint);
  }
}
