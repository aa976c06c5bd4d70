package io.github.openrouterspark.api;

import java.time.Duration;

/** What a user can do about each kind of API failure. */
final class ErrorHints {
  /**
   * A rolling-minute limit never asks for more than a minute; a second more allows for rounding.
   */
  static final Duration LONGEST_PER_MINUTE_WAIT = Duration.ofSeconds(61);

  private ErrorHints() {}

  /**
   * Why a 429 was not waited out: the wait the API asked for, which limit that means, and what to
   * do. {@code budgetLeft} is what remained of maxRetryWait.
   */
  static String rateLimitNotWaited(
      ApiRequest request, Duration asked, Duration maxRetryWait, Duration budgetLeft) {
    boolean analytics = request.path().startsWith("/analytics");
    String wait = "The API asked to wait " + Waits.describe(asked) + " before the next request";
    if (asked.compareTo(LONGEST_PER_MINUTE_WAIT) > 0) {
      return wait
          + ", longer than a per-minute limit ever asks, so this is "
          + (analytics
              ? "an account-level cap beyond the analytics per-minute limit"
              : "the account's daily cap (500 requests per UTC day across all its keys; it resets at 00:00 UTC)")
          + ". The query failed at once rather than wait: try again after the reset, and make queries need fewer"
          + " requests (keep cache=true, narrow the dates, raise windowDays).";
    }
    return wait
        + " (the per-minute limit of the key), more than was left of maxRetryWait ("
        + Waits.describe(budgetLeft)
        + " of "
        + Waits.describe(maxRetryWait)
        + "). The query failed at once"
        + " rather than wait: raise maxRetryWait, or lower rateLimitPerMinute so that the limit is not reached.";
  }

  static String forStatus(int status, ApiRequest request) {
    boolean analytics = request.path().startsWith("/analytics");
    if (analytics) {
      switch (status) {
        case 400:
          return "The API rejected the analytics query: check the metrics, dimensions, granularity,"
              + " startTime and endTime options and the query's filters (see the message above).";
        case 401:
          return "The API key was rejected or missing: the analytics datasets need a management key"
              + " in the apiKey option, the Spark conf spark.openrouter.apiKey or OPENROUTER_API_KEY.";
        case 403:
          return "The analytics endpoints accept only management keys, not inference keys: create a"
              + " management key at https://openrouter.ai/settings/management-keys and pass it as"
              + " apiKey for the analytics and analytics-meta datasets.";
        case 429:
          return "The analytics rate limit (64 requests/minute per key) was exceeded: wait and retry,"
              + " or lower rateLimitPerMinute.";
        default:
          break;
      }
    }
    return switch (status) {
      case 0 ->
          "The API could not be reached or the connection broke: check the baseUrl option and the"
              + " network, or raise connectTimeout/readTimeout/requestTimeout.";
      case 400 ->
          "The API rejected the parameters: check the startDate, endDate and windowDays"
              + " options and the query's filters.";
      case 401 ->
          "The API key was rejected or missing: check the apiKey option, the Spark conf"
              + " spark.openrouter.apiKey or the OPENROUTER_API_KEY environment variable.";
      case 403 -> "The API key is not allowed to use this endpoint: use a key with access to it.";
      case 404 ->
          "The endpoint was not found: check the baseUrl option (it should end in /api/v1).";
      case 408 -> "The API timed out: try again later.";
      case 429 ->
          "The rate limit (30 requests/minute per key, 500/day per account) was exceeded:"
              + " wait and retry, narrow the date range, or raise windowDays so fewer requests are needed.";
      default ->
          status >= 500
              ? "The API had an internal error that persisted after retries: try again later."
              : status >= 300 && status < 400
                  ? "The server answered with a redirect, which the connector does not follow (every request it"
                      + " sends must count against the key's rate limit): set baseUrl to the API's final URL."
                  : "Unexpected response: check the baseUrl option.";
    };
  }
}
