package io.github.openrouterspark.api;

import io.github.openrouterspark.ratelimit.PermitSource;
import java.time.Duration;
import java.util.Objects;

/**
 * Makes every HTTP attempt take a permit of its key's rate limit first, so all requests of the
 * application stay under the per-key rate; a permit further away than maxRetryWait fails the
 * request unsent.
 */
final class PermitGate {
  private final PermitSource permits;
  private final TrafficSettings traffic;
  private final Cancellation cancellation;

  PermitGate(PermitSource permits, TrafficSettings traffic, Cancellation cancellation) {
    this.permits = Objects.requireNonNull(permits, "permits");
    this.traffic = Objects.requireNonNull(traffic, "traffic");
    this.cancellation = Objects.requireNonNull(cancellation, "cancellation");
  }

  /**
   * Takes this attempt's permit, waiting for it at most maxRetryWait, and counts the attempt sent.
   */
  void enter(ApiRequest request, RequestMetrics metrics) {
    long waitMillis;
    try {
      waitMillis = permits.reserve(traffic.maxRetryWait());
    } catch (RuntimeException e) {
      if (Waits.cancelled(cancellation)) {
        throw new RequestCancelledException(request, "while asking for a permit", e);
      }
      throw e;
    }
    if (waitMillis > traffic.maxRetryWait().toMillis()) {
      throw ApiException.notSent(
          request,
          "the next permit of this API key's rate limit is "
              + Waits.seconds(waitMillis)
              + " away, more than maxRetryWait ("
              + Waits.describe(traffic.maxRetryWait())
              + ")",
          "The key is paused after a 429, or other tasks and queries of this application have booked its"
              + " rolling-minute limit ("
              + traffic.rateLimitPerMinute()
              + " per minute) that far ahead: raise"
              + " maxRetryWait, run fewer queries of this key at once, or try again later.");
    }
    metrics.waitedForPermit(waitMillis);
    if (waitMillis > 0) {
      Waits.sleep(waitMillis, cancellation, request, "for a permit of the rate limit");
    }
    metrics.sent();
  }

  /** Holds back every task of the key, not just this one, for {@code pause} (after a 429). */
  void pauseKey(Duration pause) {
    permits.backOff(pause);
  }
}
