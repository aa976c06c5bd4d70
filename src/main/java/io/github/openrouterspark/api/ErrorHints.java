package io.github.openrouterspark.api;

/** What a user can do about each kind of API failure. */
final class ErrorHints {
  private ErrorHints() {}

  static String forStatus(int status) {
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
