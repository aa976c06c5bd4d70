package io.github.openrouterspark.options;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The registry of reader options: every name the connector accepts, with its documentation.
 * Names are matched case-insensitively, as Spark does.
 */
public enum ReaderOption {
  DATASET("dataset", "Dataset to read: rankings-daily, app-rankings, analytics or analytics-meta (also"
      + " accepted as the load() path).",
      "(required)"),
  PATH("path", "Set by .load(\"<dataset>\"); same as dataset.", "(none)"),
  API_KEY("apiKey", "OpenRouter API key. Falls back to the Spark conf spark.openrouter.apiKey, then the"
      + " OPENROUTER_API_KEY environment variable.", "(required)"),
  // Spark redacts option values whose name matches spark.sql.redaction.options.regex or
  // spark.redaction.regex; "apiKey" matches neither by default, "apiKeySecret" matches "secret".
  API_KEY_SECRET("apiKeySecret", "The same as apiKey, under a name Spark redacts: use it in SQL OPTIONS (...),"
      + " so that EXPLAIN, DESCRIBE TABLE EXTENDED and SHOW CREATE TABLE show *********(redacted).",
      "(none: see apiKey)"),
  BASE_URL("baseUrl", "API base URL, e.g. an emulator's. Plain http is refused unless the host is localhost"
      + " or a loopback address, or allowInsecureHttp is true.", "https://openrouter.ai/api/v1"),
  ALLOW_INSECURE_HTTP("allowInsecureHttp", "true lets a plain http:// baseUrl name another machine (a test"
      + " server on a trusted network): the API key then crosses the network unencrypted.", "false"),
  START_DATE("startDate", "First date to read, YYYY-MM-DD (UTC, inclusive). Dates before 2025-01-01"
      + " are clamped.", "30 days before the end date, unless a date filter gives a start"),
  END_DATE("endDate", "Last date to read, YYYY-MM-DD (UTC, inclusive).",
      "the last completed UTC day, unless a date filter gives an end"),
  WINDOW_DAYS("windowDays", "Most days one request covers (1..366); each window is one partition and"
      + " one request.", "366 (fewest requests)"),
  HTTP_REFERER("httpReferer", "Sent as the HTTP-Referer header (your app's URL, for attribution).", "(not sent)"),
  APP_TITLE("appTitle", "Sent as the X-OpenRouter-Title header (your app's display name).", "(not sent)"),
  APP_CATEGORIES("appCategories", "Sent as the X-OpenRouter-Categories header: at most 2 comma-separated"
      + " lowercase-hyphenated categories.", "(not sent)"),
  CONNECT_TIMEOUT("connectTimeout", "Time to establish a connection, e.g. 10s or 500ms.", "10s"),
  READ_TIMEOUT("readTimeout", "Longest wait for response data, e.g. 60s or 2m.", "60s"),
  REQUEST_TIMEOUT("requestTimeout", "Most time one HTTP attempt may take, from connecting to the last byte of"
      + " the response, e.g. 2m (up to 1h); a slower attempt fails and is retried.", "2m"),
  SORT("sort", "app-rankings: popular or trending, when no predicate on the sort column says otherwise.",
      "popular"),
  CATEGORY("category", "app-rankings: marketplace category group (coding, creative, productivity,"
      + " entertainment); rankings-daily: use-case category (programming, roleplay, marketing, ...)."
      + " Used when no predicate on the category column says otherwise.", "(not sent)"),
  SUBCATEGORY("subcategory", "app-rankings: marketplace subcategory (e.g. cli-agent); must belong to"
      + " category when both are given.", "(not sent)"),
  MAX_RANK("maxRank", "app-rankings: deepest rank read (1..200) when no predicate on rank says"
      + " otherwise; pages of 100 ranks cost one request each.", "50"),
  PERIOD("period", "rankings-daily: day, week or month buckets.", "day (week with category or languageType)"),
  MODALITY("modality", "rankings-daily: text, image, image_output, audio or tool_calling.", "(not sent)"),
  CONTEXT_BUCKET("contextBucket", "rankings-daily: 1K, 10K, 100K, 1M or 10M.", "(not sent)"),
  LANGUAGE_TYPE("languageType", "rankings-daily: natural or programming.", "(not sent)"),
  GRANULARITY("granularity", "analytics: time buckets, minute, hour, day, week (from Sunday) or month; adds"
      + " the date column. Without it each row is a total over the time range.", "(totals)"),
  START_TIME("startTime", "analytics: start of the time range (inclusive), an ISO date-time such as"
      + " 2026-05-01T00:00:00Z (no offset means UTC) or a date (its 00:00 UTC).",
      "7 days before the end, unless a date filter gives a start"),
  END_TIME("endTime", "analytics: end of the time range (exclusive), an ISO date-time, or a date"
      + " (the whole day included).", "now, unless a date filter gives an end"),
  METRICS("metrics", "analytics: comma-separated metric names (from analytics-meta) that restrict the"
      + " schema's metric columns.", "(every metric)"),
  DIMENSIONS("dimensions", "analytics: the 1 or 2 comma-separated dimensions (from analytics-meta) each row"
      + " is grouped by, e.g. model or model,provider; they are the table's only dimension columns. A coarser"
      + " GROUP BY is pushed down as one request.", "(none: each row is over every dimension value)"),
  PUSH_DOWN_FILTERS("pushDownFilters", "false reads without narrowing by predicate values and leaves every"
      + " predicate to Spark (for comparisons and troubleshooting; costs more requests).", "true"),
  PUSH_DOWN_LIMIT("pushDownLimit", "false never pushes LIMIT or ORDER BY rank LIMIT into the requests.", "true"),
  RATE_LIMIT_PER_MINUTE("rateLimitPerMinute", "Most requests per rolling minute for the API key, across every"
      + " task and query of the application (1..10000); the API allows 30 (64 for analytics).",
      "30 (60 for analytics)"),
  MAX_RETRIES("maxRetries", "Retries of one request after a transient failure (429, 408, 5xx, connection"
      + " errors), 0..50.", "3"),
  MAX_RETRY_WAIT("maxRetryWait", "Most time one request may spend waiting between retries, e.g. 5m"
      + " (up to 1h).", "5m"),
  MAX_REQUESTS_PER_QUERY("maxRequestsPerQuery", "A query planned to need more requests fails before its first"
      + " request (1..100000).", "100"),
  CACHE("cache", "true serves identical requests from this JVM's memory within cacheTtl.", "true"),
  CACHE_TTL("cacheTtl", "How long a response stays reusable, e.g. 10m (up to 1h).", "10m");

  private final String key;
  private final String description;
  private final String defaultValue;

  ReaderOption(String key, String description, String defaultValue) {
    this.key = key;
    this.description = description;
    this.defaultValue = defaultValue;
  }

  /** The option's canonical (camelCase) name. */
  public String key() {
    return key;
  }

  public String description() {
    return description;
  }

  public String defaultValue() {
    return defaultValue;
  }

  public static Optional<ReaderOption> byKey(String key) {
    String lower = key.toLowerCase(Locale.ROOT);
    return Arrays.stream(values()).filter(o -> o.key.toLowerCase(Locale.ROOT).equals(lower)).findFirst();
  }

  /** The known option whose name is closest to {@code key}, for "did you mean" messages. */
  static ReaderOption nearest(String key) {
    String lower = key.toLowerCase(Locale.ROOT);
    ReaderOption best = DATASET;
    int bestDistance = Integer.MAX_VALUE;
    for (ReaderOption o : values()) {
      if (o == PATH) {
        continue; // set by load(), never typed as an option
      }
      int d = EditDistance.between(lower, o.key.toLowerCase(Locale.ROOT));
      if (d < bestDistance) {
        best = o;
        bestDistance = d;
      }
    }
    return best;
  }
}
