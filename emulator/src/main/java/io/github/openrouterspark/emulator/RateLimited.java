package io.github.openrouterspark.emulator;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Puts an endpoint behind a quota; Data API endpoints share one {@link RateLimiter}. A refusal is a
 * 429 with a retry hint in the emulator's current {@link RetryAfterFlavour} and, as OpenRouter
 * documents for its platform limits, {@code X-RateLimit-Limit}, {@code X-RateLimit-Remaining} (0)
 * and {@code X-RateLimit-Reset}, which OpenRouter leaves without a unit; the emulator uses epoch
 * milliseconds. (The JDK server sends header names case-normalized, e.g. {@code X-ratelimit-reset};
 * names are case-insensitive, so clients must not care.)
 */
final class RateLimited implements Endpoint {
  private final RateLimiter limiter;
  private final Supplier<RetryAfterFlavour> flavour;
  private final Endpoint endpoint;

  RateLimited(RateLimiter limiter, Supplier<RetryAfterFlavour> flavour, Endpoint endpoint) {
    this.limiter = limiter;
    this.flavour = flavour;
    this.endpoint = endpoint;
  }

  @Override
  public Reply handle(EmulatorRequest request) throws RequestRejected {
    RateLimiter.Rejection rejection =
        limiter.tryAcquire(request.apiKey(), request.account(), request.now()).orElse(null);
    if (rejection != null) {
      Map<String, String> headers =
          new LinkedHashMap<>(flavour.get().headers(request.now(), rejection.retryAt()));
      headers.put("X-RateLimit-Limit", Integer.toString(rejection.limit()));
      headers.put("X-RateLimit-Remaining", "0");
      headers.put(
          "X-RateLimit-Reset",
          Long.toString(RetryAfterFlavour.ceilEpochMillis(rejection.retryAt())));
      throw new RequestRejected(ApiError.rateLimitExceeded(headers));
    }
    return endpoint.handle(request);
  }

  @Override
  public Endpoint withoutQuota() {
    return endpoint;
  }
}
