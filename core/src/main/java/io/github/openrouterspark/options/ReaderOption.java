package io.github.openrouterspark.options;

import io.github.openrouterspark.api.AppRankingsQuery;
import io.github.openrouterspark.api.CacheSettings;
import io.github.openrouterspark.api.ClientSettings;
import io.github.openrouterspark.api.RankingsDailyQuery;
import io.github.openrouterspark.api.TrafficSettings;
import io.github.openrouterspark.plan.DatePlanner;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The registry of reader options, the one place each option is declared: its name, the datasets
 * whose reads accept it, the type and check of its value, its default and its documentation
 * (docs/options.md is generated from here). Names are matched case-insensitively, as Spark does.
 */
public enum ReaderOption {
  DATASET(
      "dataset",
      all(),
      OptionType.TEXT,
      OptionDefault.none("(required)"),
      "Dataset to read: rankings-daily, app-rankings, analytics or analytics-meta (also"
          + " accepted as the load() path)."),
  PATH(
      "path",
      all(),
      OptionType.TEXT,
      OptionDefault.none("(none)"),
      "Set by .load(\"<dataset>\"); same as dataset."),
  API_KEY(
      "apiKey",
      all(),
      OptionType.TEXT,
      OptionDefault.none("(required)"),
      "OpenRouter API key. Falls back to the Spark conf spark.openrouter.apiKey, then the"
          + " OPENROUTER_API_KEY environment variable."),
  // Spark redacts option values whose name matches spark.sql.redaction.options.regex or
  // spark.redaction.regex; "apiKey" matches neither by default, "apiKeySecret" matches "secret".
  API_KEY_SECRET(
      "apiKeySecret",
      all(),
      OptionType.TEXT,
      OptionDefault.none("(none: see apiKey)"),
      "The same as apiKey, under a name Spark redacts: use it in SQL OPTIONS (...),"
          + " so that EXPLAIN, DESCRIBE TABLE EXTENDED and SHOW CREATE TABLE show *********(redacted)."),
  BASE_URL(
      "baseUrl",
      all(),
      OptionType.HTTP_URL,
      OptionDefault.of(ClientSettings.DEFAULT_BASE_URL),
      "API base URL, e.g. an emulator's. Plain http is refused unless the host is localhost"
          + " or a loopback address, or allowInsecureHttp is true."),
  ALLOW_INSECURE_HTTP(
      "allowInsecureHttp",
      all(),
      OptionType.FLAG,
      OptionDefault.of(false),
      "true lets a plain http:// baseUrl name another machine (a test"
          + " server on a trusted network): the API key then crosses the network unencrypted."),
  START_DATE(
      "startDate",
      rankings(),
      OptionType.DATE,
      OptionDefault.none(
          DatePlanner.DEFAULT_LOOKBACK_DAYS
              + " days before the end date, unless a date filter gives a start"),
      "First date to read, YYYY-MM-DD (UTC, inclusive). Dates before 2025-01-01" + " are clamped."),
  END_DATE(
      "endDate",
      rankings(),
      OptionType.DATE,
      OptionDefault.none("the last completed UTC day, unless a date filter gives an end"),
      "Last date to read, YYYY-MM-DD (UTC, inclusive)."),
  WINDOW_DAYS(
      "windowDays",
      rankings(),
      OptionType.wholeNumber(1, DatePlanner.MAX_WINDOW_DAYS),
      OptionDefault.of(DatePlanner.MAX_WINDOW_DAYS, "fewest requests"),
      "Most days one request covers (1..366); each window is one partition and" + " one request."),
  HTTP_REFERER(
      "httpReferer",
      all(),
      OptionType.HEADER_TEXT,
      notSent(),
      "Sent as the HTTP-Referer header (your app's URL, for attribution)."),
  APP_TITLE(
      "appTitle",
      all(),
      OptionType.HEADER_TEXT,
      notSent(),
      "Sent as the X-OpenRouter-Title header (your app's display name)."),
  APP_CATEGORIES(
      "appCategories",
      all(),
      OptionType.CATEGORIES,
      notSent(),
      "Sent as the X-OpenRouter-Categories header: at most 2 comma-separated"
          + " lowercase-hyphenated categories."),
  CONNECT_TIMEOUT(
      "connectTimeout",
      all(),
      OptionType.TIMEOUT,
      OptionDefault.of(ClientSettings.DEFAULT_CONNECT_TIMEOUT),
      "Time to establish a connection, e.g. 10s or 500ms."),
  READ_TIMEOUT(
      "readTimeout",
      all(),
      OptionType.TIMEOUT,
      OptionDefault.of(ClientSettings.DEFAULT_READ_TIMEOUT),
      "Longest wait for response data, e.g. 60s or 2m."),
  REQUEST_TIMEOUT(
      "requestTimeout",
      all(),
      OptionType.duration(Duration.ofHours(1)),
      OptionDefault.of(ClientSettings.DEFAULT_REQUEST_TIMEOUT),
      "Most time one HTTP attempt may take, from connecting to the last byte of"
          + " the response, e.g. 2m (up to 1h); a slower attempt fails and is retried."),
  SORT(
      "sort",
      only(DatasetName.APP_RANKINGS),
      OptionType.oneOf(AppRankingsQuery.SORTS),
      OptionDefault.of(AppRankingsQuery.SORTS.get(0)),
      "app-rankings: popular or trending, when no predicate on the sort column says otherwise."),
  CATEGORY(
      "category",
      rankings(),
      OptionType.TEXT,
      notSent(),
      "app-rankings: marketplace category group (coding, creative, productivity,"
          + " entertainment); rankings-daily: use-case category (programming, roleplay, marketing, ...)."
          + " Used when no predicate on the category column says otherwise."),
  SUBCATEGORY(
      "subcategory",
      only(DatasetName.APP_RANKINGS),
      OptionType.oneOf(AppRankingsQuery.SUBCATEGORIES),
      notSent(),
      "app-rankings: marketplace subcategory (e.g. cli-agent); must belong to"
          + " category when both are given."),
  MAX_RANK(
      "maxRank",
      only(DatasetName.APP_RANKINGS),
      OptionType.wholeNumber(1, 200),
      OptionDefault.of(RankingSelection.DEFAULT_MAX_RANK),
      "app-rankings: deepest rank read (1..200) when no predicate on rank says"
          + " otherwise; pages of 100 ranks cost one request each."),
  PERIOD(
      "period",
      only(DatasetName.RANKINGS_DAILY),
      OptionType.oneOf(RankingsDailyQuery.PERIODS),
      OptionDefault.none("day (week with category or languageType)"),
      "rankings-daily: day, week or month buckets."),
  MODALITY(
      "modality",
      only(DatasetName.RANKINGS_DAILY),
      OptionType.oneOf(RankingsDailyQuery.MODALITIES),
      notSent(),
      "rankings-daily: text, image, image_output, audio or tool_calling."),
  CONTEXT_BUCKET(
      "contextBucket",
      only(DatasetName.RANKINGS_DAILY),
      OptionType.oneOf(RankingsDailyQuery.CONTEXT_BUCKETS),
      notSent(),
      "rankings-daily: 1K, 10K, 100K, 1M or 10M."),
  LANGUAGE_TYPE(
      "languageType",
      only(DatasetName.RANKINGS_DAILY),
      OptionType.oneOf(RankingsDailyQuery.LANGUAGE_TYPES),
      notSent(),
      "rankings-daily: natural or programming."),
  GRANULARITY(
      "granularity",
      only(DatasetName.ANALYTICS),
      OptionType.TEXT,
      OptionDefault.none("(totals)"),
      "analytics: time buckets, minute, hour, day, week (from Sunday) or month; adds"
          + " the date column. Without it each row is a total over the time range."),
  START_TIME(
      "startTime",
      only(DatasetName.ANALYTICS),
      OptionType.instant(false),
      OptionDefault.none("7 days before the end, unless a date filter gives a start"),
      "analytics: start of the time range (inclusive), an ISO date-time such as"
          + " 2026-05-01T00:00:00Z (no offset means UTC) or a date (its 00:00 UTC)."),
  END_TIME(
      "endTime",
      only(DatasetName.ANALYTICS),
      OptionType.instant(true),
      OptionDefault.none("now, unless a date filter gives an end"),
      "analytics: end of the time range (exclusive), an ISO date-time, or a date"
          + " (the whole day included)."),
  METRICS(
      "metrics",
      only(DatasetName.ANALYTICS),
      OptionType.TEXT,
      OptionDefault.none("(every metric)"),
      "analytics: comma-separated metric names (from analytics-meta) that restrict the"
          + " schema's metric columns."),
  DIMENSIONS(
      "dimensions",
      only(DatasetName.ANALYTICS),
      OptionType.TEXT,
      OptionDefault.none("(none: each row is over every dimension value)"),
      "analytics: the 1 or 2 comma-separated dimensions (from analytics-meta) each row"
          + " is grouped by, e.g. model or model,provider; they are the table's only dimension columns. A coarser"
          + " GROUP BY is pushed down as one request."),
  PUSH_DOWN_FILTERS(
      "pushDownFilters",
      all(),
      OptionType.FLAG,
      OptionDefault.of(true),
      "false reads without narrowing by predicate values and leaves every"
          + " predicate to Spark (for comparisons and troubleshooting; costs more requests)."),
  PUSH_DOWN_LIMIT(
      "pushDownLimit",
      all(),
      OptionType.FLAG,
      OptionDefault.of(true),
      "false never pushes LIMIT or ORDER BY rank LIMIT into the requests."),
  RATE_LIMIT_PER_MINUTE(
      "rateLimitPerMinute",
      all(),
      OptionType.wholeNumber(1, 10_000),
      OptionDefault.differsForAnalytics(
          TrafficSettings.DEFAULT_RATE_LIMIT_PER_MINUTE,
          TrafficSettings.DEFAULT_ANALYTICS_RATE_LIMIT_PER_MINUTE),
      "Most requests per rolling minute for the API key, across every"
          + " task and query of the application (1..10000); the API allows 30 (64 for analytics)."),
  MAX_RETRIES(
      "maxRetries",
      all(),
      OptionType.wholeNumber(0, 50),
      OptionDefault.of(ClientSettings.DEFAULT_MAX_RETRIES),
      "Retries of one request after a transient failure (429, 408, 5xx, connection"
          + " errors), 0..50."),
  MAX_RETRY_WAIT(
      "maxRetryWait",
      all(),
      OptionType.duration(Duration.ofHours(1)),
      OptionDefault.of(TrafficSettings.DEFAULT_MAX_RETRY_WAIT),
      "Most time one request may spend waiting between retries, e.g. 5m" + " (up to 1h)."),
  MAX_REQUESTS_PER_QUERY(
      "maxRequestsPerQuery",
      all(),
      OptionType.wholeNumber(1, 100_000),
      OptionDefault.of(100),
      "A query planned to need more requests fails before its first" + " request (1..100000)."),
  MAX_DAYS_PER_TRIGGER(
      "maxDaysPerTrigger",
      only(DatasetName.RANKINGS_DAILY, DatasetName.APP_RANKINGS, DatasetName.ANALYTICS),
      OptionType.wholeNumber(1, 100_000),
      OptionDefault.none("(every completed day)"),
      "Streams (spark.readStream) only: most days of data one micro-batch reads (1..100000);"
          + " app-rankings rounds down to whole windowDays windows, analytics to whole buckets,"
          + " and a batch always reads at least one. Trigger.AvailableNow keeps it."),
  CACHE(
      "cache",
      all(),
      OptionType.FLAG,
      OptionDefault.of(true),
      "true serves identical requests from this JVM's memory within cacheTtl."),
  CACHE_TTL(
      "cacheTtl",
      all(),
      OptionType.duration(Duration.ofHours(1)),
      OptionDefault.of(CacheSettings.DEFAULT_TTL),
      "How long a response stays reusable, e.g. 10m (up to 1h)."),
  CACHE_DIR(
      "cacheDir",
      all(),
      OptionType.STORE_DIRECTORY,
      OptionDefault.none("(none: this JVM's memory only)"),
      "A directory on any Hadoop file system (a local path, file:/, dbfs:/, s3a://,"
          + " abfss://...) where validated responses are kept for every session, executor and"
          + " application using it: responses holding only completed days forever, the rest"
          + " for cacheTtl. Holds key fingerprints, never keys. Also as the session conf"
          + " spark.datasource.openrouter.cacheDir.");

  private final String key;
  private final Set<DatasetName> datasets;
  private final OptionType<?> type;
  private final OptionDefault fallback;
  private final String description;

  ReaderOption(
      String key,
      Set<DatasetName> datasets,
      OptionType<?> type,
      OptionDefault fallback,
      String description) {
    this.key = key;
    this.datasets = datasets;
    this.type = type;
    this.fallback = fallback;
    this.description = description;
    for (DatasetName d : datasets) {
      Object value = fallback.valueFor(d);
      if (value != null && !type.javaType().isInstance(value)) {
        throw new IllegalStateException(
            key + ": default " + value + " is not a " + type.javaType().getSimpleName());
      }
    }
  }

  /** The option's canonical (camelCase) name. */
  public String key() {
    return key;
  }

  public String description() {
    return description;
  }

  /** The default as the reference shows it, e.g. "10s" or "(not sent)". */
  public String defaultValue() {
    return fallback.text();
  }

  /** The datasets whose reads accept this option; a read of any other rejects it. */
  public Set<DatasetName> datasets() {
    return datasets;
  }

  public boolean appliesTo(DatasetName dataset) {
    return datasets.contains(dataset);
  }

  /**
   * The value a read of {@code dataset} uses when it does not give this option; empty when the
   * option does not apply to that dataset or has no value by default (not sent, or chosen by the
   * planner: see {@link #defaultValue()}).
   *
   * @throws IllegalArgumentException when the option's values are not of {@code type}
   */
  public <T> Optional<T> defaultFor(DatasetName dataset, Class<T> type) {
    requireType(type);
    return appliesTo(dataset)
        ? Optional.ofNullable(fallback.valueFor(dataset)).map(type::cast)
        : Optional.empty();
  }

  /** The option's text as a value of {@code type}, checked; a bad value fails naming the option. */
  <T> T parse(String value, Class<T> type) {
    requireType(type);
    return type.cast(this.type.parse(this, value));
  }

  private void requireType(Class<?> wanted) {
    if (!wanted.isAssignableFrom(type.javaType())) {
      throw new IllegalArgumentException(
          "Option '"
              + key
              + "' holds a "
              + type.javaType().getSimpleName()
              + ", not a "
              + wanted.getSimpleName());
    }
  }

  private static Set<DatasetName> all() {
    return Collections.unmodifiableSet(EnumSet.allOf(DatasetName.class));
  }

  private static Set<DatasetName> only(DatasetName first, DatasetName... rest) {
    return Collections.unmodifiableSet(EnumSet.of(first, rest));
  }

  /** Both rankings datasets, which read dates and categories. */
  private static Set<DatasetName> rankings() {
    return only(DatasetName.RANKINGS_DAILY, DatasetName.APP_RANKINGS);
  }

  private static OptionDefault notSent() {
    return OptionDefault.none("(not sent)");
  }

  public static Optional<ReaderOption> byKey(String key) {
    String lower = key.toLowerCase(Locale.ROOT);
    return Arrays.stream(values())
        .filter(o -> o.key.toLowerCase(Locale.ROOT).equals(lower))
        .findFirst();
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
