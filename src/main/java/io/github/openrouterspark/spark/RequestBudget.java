package io.github.openrouterspark.spark;

import io.github.openrouterspark.options.InvalidOptionException;
import io.github.openrouterspark.options.ReadOptions;

/** Fails a query whose plan needs more requests than {@code maxRequestsPerQuery}, before any is sent. */
final class RequestBudget {
  private RequestBudget() {}

  static void check(ReadOptions options, int plannedRequests, String plan) {
    if (plannedRequests > options.maxRequestsPerQuery()) {
      throw new InvalidOptionException("This " + options.dataset() + " query would send up to " + plannedRequests
          + " requests, more than maxRequestsPerQuery=" + options.maxRequestsPerQuery()
          + " (the API allows 30 requests/minute per key and 500/day per account). Narrow the date range or"
          + " the filters, raise windowDays, or raise the limit with .option(\"maxRequestsPerQuery\", \""
          + plannedRequests + "\"). Plan: " + plan);
    }
  }
}
