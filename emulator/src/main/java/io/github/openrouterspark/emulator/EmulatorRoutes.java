package io.github.openrouterspark.emulator;

import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The endpoints under {@code /api/v1}, each behind its quota: the datasets share one limiter (the
 * daily quota is shared across them), the analytics endpoints take management keys only and have
 * their own limiter.
 */
final class EmulatorRoutes {
  static final String API_PREFIX = "/api/v1";

  private EmulatorRoutes() {}

  static Router of(
      SyntheticMarket market,
      DatasetEnvelope envelope,
      RateLimiter datasetQuota,
      RateLimiter analyticsQuota,
      Supplier<RetryAfterFlavour> retryAfter,
      Function<String, AnalyticsLog> analytics) {
    return new Router()
        .add(
            "GET",
            API_PREFIX + RankingsDailyEndpoint.PATH,
            new RateLimited(datasetQuota, retryAfter, new RankingsDailyEndpoint(market, envelope)))
        .add(
            "GET",
            API_PREFIX + AppRankingsEndpoint.PATH,
            new RateLimited(datasetQuota, retryAfter, new AppRankingsEndpoint(market, envelope)))
        .add(
            "GET",
            API_PREFIX + AnalyticsMetaEndpoint.PATH,
            new ManagementOnly(
                new RateLimited(analyticsQuota, retryAfter, new AnalyticsMetaEndpoint())))
        .add(
            "POST",
            API_PREFIX + AnalyticsQueryEndpoint.PATH,
            new ManagementOnly(
                new RateLimited(
                    analyticsQuota, retryAfter, new AnalyticsQueryEndpoint(analytics))));
  }
}
