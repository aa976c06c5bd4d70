package io.github.openrouterspark.spark.analytics;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.openrouterspark.api.AnalyticsClient;
import io.github.openrouterspark.api.AnalyticsMeta;
import io.github.openrouterspark.api.ApiKey;
import io.github.openrouterspark.api.CacheSettings;
import io.github.openrouterspark.api.OpenRouterClient;
import io.github.openrouterspark.api.RequestMetrics;
import io.github.openrouterspark.options.ReadOptions;
import java.time.Duration;

/**
 * The driver's copy of {@code /analytics/meta} per base URL and key: Spark resolves a table's
 * schema several times per query (inferSchema, getTable, every new DataFrame over it), and each
 * resolution must not cost a request.
 */
final class AnalyticsMetaCache {
  static final Duration TTL = Duration.ofHours(1);
  static final String LIMITER_SCOPE = "analytics";

  private static final Cache<String, AnalyticsMeta> CACHE =
      Caffeine.newBuilder().maximumSize(64).expireAfterWrite(TTL).build();

  private AnalyticsMetaCache() {}

  static AnalyticsMeta get(ReadOptions options) {
    ApiKey key = options.requireApiKey();
    return CACHE.get(
        options.client().baseUrl() + " " + key.fingerprint(),
        k -> new AnalyticsClient(client(options, key)).meta(new RequestMetrics()));
  }

  /** A client for the analytics endpoints' own rate limit, without the response cache. */
  static OpenRouterClient client(ReadOptions options, ApiKey key) {
    return new OpenRouterClient(
        options.client(), options.traffic(), key, CacheSettings.disabled(), LIMITER_SCOPE);
  }
}
