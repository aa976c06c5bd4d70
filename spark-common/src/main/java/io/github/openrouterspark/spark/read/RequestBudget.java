package io.github.openrouterspark.spark.read;

import io.github.openrouterspark.options.InvalidOptionException;
import io.github.openrouterspark.options.ReadOptions;

/**
 * Fails a query whose plan needs more requests than {@code maxRequestsPerQuery}, before any is
 * sent; says up front when the rate limit will make a query wait.
 */
final class RequestBudget {
  private static final org.slf4j.Logger LOG =
      org.slf4j.LoggerFactory.getLogger(RequestBudget.class);

  private RequestBudget() {}

  static void check(ReadOptions options, int plannedRequests, String plan) {
    int perMinute = options.traffic().rateLimitPerMinute();
    if (plannedRequests > perMinute) {
      LOG.info(
          "This OpenRouter {} query plans {} requests; at {} per minute it will take at least {} minutes"
              + " (the limit is shared by every query of the key).",
          options.dataset(),
          plannedRequests,
          perMinute,
          (plannedRequests - 1) / perMinute);
    }
    if (plannedRequests > options.maxRequestsPerQuery()) {
      throw new InvalidOptionException(
          "This "
              + options.dataset()
              + " query would send up to "
              + plannedRequests
              + " requests, more than maxRequestsPerQuery="
              + options.maxRequestsPerQuery()
              + (options.dataset().isAnalytics()
                  ? " (the analytics API allows 64 requests/minute per key). Narrow startTime/endTime, use a coarser"
                      + " granularity, leave out the 31-day columns (latency, throughput, per-generation dimensions),"
                  : " (the API allows 30 requests/minute per key and 500/day per account). Narrow the date range or"
                      + " the filters, raise windowDays,")
              + " or raise the limit with .option(\"maxRequestsPerQuery\", \""
              + plannedRequests
              + "\"). Plan: "
              + plan);
    }
  }
}
