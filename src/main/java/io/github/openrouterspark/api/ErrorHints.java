package io.github.openrouterspark.api;

/** What a user can do about each kind of API failure. */
final class ErrorHints {
  private ErrorHints() {}

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
      case 0 -> "The API could not be reached: check the baseUrl option and the network, or raise"
          + " connectTimeout/readTimeout.";
      case 400 -> "The API rejected the parameters: check the startDate, endDate and windowDays"
          + " options and the query's filters.";
      case 401 -> "The API key was rejected or missing: check the apiKey option, the Spark conf"
          + " spark.openrouter.apiKey or the OPENROUTER_API_KEY environment variable.";
      case 403 -> "The API key is not allowed to use this endpoint: use a key with access to it.";
      case 404 -> "The endpoint was not found: check the baseUrl option (it should end in /api/v1).";
      case 408 -> "The API timed out: try again later.";
      case 429 -> "The rate limit (30 requests/minute per key, 500/day per account) was exceeded:"
          + " wait and retry, narrow the date range, or raise windowDays so fewer requests are needed.";
      default -> status >= 500
          ? "The API had an internal error that persisted after retries: try again later."
          : "Unexpected response: check the baseUrl option.";
    };
  }
}
