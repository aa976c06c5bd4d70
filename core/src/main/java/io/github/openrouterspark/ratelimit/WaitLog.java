package io.github.openrouterspark.ratelimit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells the user, at INFO, when a task is held back by the rate limit for more than a few seconds.
 */
final class WaitLog {
  private static final Logger LOG = LoggerFactory.getLogger("io.github.openrouterspark.RateLimit");
  static final long NOTICEABLE_MILLIS = 3_000;

  private WaitLog() {}

  /**
   * @param requestsToday requests granted today for the key by this JVM's limiter (the whole
   *     application's when this JVM serves the permits: the driver, or local mode), or -1 if
   *     unknown here
   */
  static void waiting(long waitMillis, int limitPerMinute, int requestsToday) {
    if (waitMillis >= NOTICEABLE_MILLIS) {
      LOG.info(
          "waiting {} s for the OpenRouter rate limit ({} requests per rolling minute per key{})",
          (waitMillis + 999) / 1000,
          limitPerMinute,
          requestsToday >= 0
              ? "; " + requestsToday + " requests granted today by this application"
              : "");
    }
  }
}
