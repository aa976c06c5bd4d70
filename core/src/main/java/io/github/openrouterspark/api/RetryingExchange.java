package io.github.openrouterspark.api;

import io.github.openrouterspark.api.OpenRouterClient.BodyReader;
import java.time.Duration;
import java.util.Objects;

/**
 * Sends one request until it succeeds, fails for good, or its retries or waits run out. Transient
 * failures (connection errors, a body cut short, 408, 429, 5xx, and a 400 wrapping one of those)
 * are retried up to {@code maxRetries} times. Every wait is bounded by {@code maxRetryWait}: the
 * waits between retries add up to at most that, and a 429 whose hint is longer than what is left
 * (or than a minute's window) fails at once with what the API asked; a shorter hint pauses the
 * whole key, not just this task, for that long.
 */
final class RetryingExchange {
  private final ClientSettings settings;
  private final TrafficSettings traffic;
  private final PermitGate permits;
  private final HttpAttempt attempt;
  private final Cancellation cancellation;

  RetryingExchange(
      ClientSettings settings,
      TrafficSettings traffic,
      PermitGate permits,
      HttpAttempt attempt,
      Cancellation cancellation) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.traffic = Objects.requireNonNull(traffic, "traffic");
    this.permits = Objects.requireNonNull(permits, "permits");
    this.attempt = Objects.requireNonNull(attempt, "attempt");
    this.cancellation = Objects.requireNonNull(cancellation, "cancellation");
  }

  /**
   * @param cacheKey where a successful attempt stores the body, or null to store nothing
   */
  <T> T send(ApiRequest request, RequestMetrics metrics, BodyReader<T> reader, String cacheKey) {
    long waitedMillis = 0;
    long maxWaitMillis = traffic.maxRetryWait().toMillis();
    for (int n = 1; ; n++) {
      permits.enter(request, metrics);
      try {
        return attempt.send(request, metrics, reader, cacheKey);
      } catch (ApiException e) {
        if (!e.isTransient()) {
          throw n > 1
              ? e.afterAttempts(
                  n,
                  "The "
                      + (n - 1)
                      + " attempt(s) before it met transient"
                      + " failures and were retried; this failure is not one a retry can fix.")
              : e;
        }
        Duration asked = e.isRateLimited() ? e.retryAfter() : null;
        if (asked != null
            && (asked.compareTo(ErrorHints.LONGEST_PER_MINUTE_WAIT) > 0
                || asked.toMillis() > maxWaitMillis - waitedMillis)) {
          throw e.afterAttempts(
              n,
              ErrorHints.rateLimitNotWaited(
                  request,
                  asked,
                  traffic.maxRetryWait(),
                  Duration.ofMillis(maxWaitMillis - waitedMillis)));
        }
        if (n > settings.maxRetries()) {
          throw e.afterAttempts(n, gaveUp(n, waitedMillis, ""));
        }
        long left = maxWaitMillis - waitedMillis;
        long delay = RetryDelays.before(e, n, settings.retryBackoff()).toMillis();
        if (!e.isRateLimited()) {
          delay = Math.min(delay, left); // our own backoff may be shortened; a 429's hint may not
        }
        if (left <= 0 || delay > left) {
          throw e.afterAttempts(
              n, gaveUp(n, waitedMillis, " The retry waits reached maxRetryWait."));
        }
        metrics.retried();
        waitedMillis += delay;
        if (e.isRateLimited()) {
          // The permits do the waiting, so every task of the key holds back, not just this one.
          permits.pauseKey(Duration.ofMillis(delay));
        } else {
          Waits.sleep(delay, cancellation, request, "to retry (attempt " + n + " failed)");
        }
      }
    }
  }

  private String gaveUp(int attempts, long waitedMillis, String why) {
    return "Gave up after "
        + attempts
        + " attempts ("
        + (attempts - 1)
        + " retries) and "
        + Waits.seconds(waitedMillis)
        + " of waits between them."
        + why
        + " Options maxRetries (now "
        + settings.maxRetries()
        + ") and maxRetryWait"
        + " (now "
        + Waits.describe(traffic.maxRetryWait())
        + ") raise these limits.";
  }
}
