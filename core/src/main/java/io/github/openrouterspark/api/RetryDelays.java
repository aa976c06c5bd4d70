package io.github.openrouterspark.api;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How long to wait before the next attempt. For a 429: as long as the API asked (the caller has
 * checked that this fits maxRetryWait), or exponential backoff from 2 s when it did not say. Other
 * failures back off exponentially from {@code retryBackoff}, with ±25% jitter so tasks that failed
 * together do not retry together. No backoff exceeds a minute.
 */
final class RetryDelays {
  /** Backoff for a 429 that does not say how long to wait: doubles from here. */
  private static final Duration RATE_LIMIT_BACKOFF = Duration.ofSeconds(2);

  private static final Duration MAX_BACKOFF = Duration.ofSeconds(60);

  private RetryDelays() {}

  /**
   * @param attempt the attempt that failed, from 1
   */
  static Duration before(ApiException failure, int attempt, Duration retryBackoff) {
    if (failure.isRateLimited()) {
      return failure.retryAfter() != null
          ? failure.retryAfter()
          : exponential(RATE_LIMIT_BACKOFF, attempt);
    }
    Duration base = exponential(retryBackoff, attempt);
    double jitter = 0.75 + 0.5 * ThreadLocalRandom.current().nextDouble();
    return Duration.ofMillis(Math.round(base.toMillis() * jitter));
  }

  /** {@code first · 2^(attempt-1)}, at most {@link #MAX_BACKOFF}. */
  private static Duration exponential(Duration first, int attempt) {
    Duration d = first.multipliedBy(1L << Math.min(Math.max(attempt - 1, 0), 16));
    return d.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : d;
  }
}
