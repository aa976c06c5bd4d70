package io.github.openrouterspark.emulator;

/** Puts an endpoint behind a quota; Data API endpoints share one {@link RateLimiter}. */
final class RateLimited implements Endpoint {
  private final RateLimiter limiter;
  private final Endpoint endpoint;

  RateLimited(RateLimiter limiter, Endpoint endpoint) {
    this.limiter = limiter;
    this.endpoint = endpoint;
  }

  @Override
  public Reply handle(EmulatorRequest request) throws RequestRejected {
    if (!limiter.tryAcquire(request.apiKey(), request.account(), request.now())) {
      throw new RequestRejected(ApiError.rateLimitExceeded());
    }
    return endpoint.handle(request);
  }
}
