package io.github.openrouterspark.options;

import io.github.openrouterspark.api.ApiKey;
import io.github.openrouterspark.api.CacheSettings;
import io.github.openrouterspark.api.ClientSettings;
import io.github.openrouterspark.api.TrafficSettings;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;

/**
 * The validated options of one read. Parsing checks every option before any request, so a typo
 * or a bad value fails with a message naming the option, the value and what is allowed.
 * {@link #toString()} hides the key.
 */
public record ReadOptions(
    DatasetName dataset,
    Optional<ApiKey> apiKey,
    ClientSettings client,
    Optional<LocalDate> startDate,
    Optional<LocalDate> endDate,
    OptionalInt windowDays,
    RankingSelection selection,
    AnalyticsSelection analytics,
    boolean pushDownFilters,
    boolean pushDownLimit,
    TrafficSettings traffic,
    int maxRequestsPerQuery,
    CacheSettings cache) {

  public static final String API_KEY_CONF = "spark.openrouter.apiKey";
  public static final String API_KEY_ENV = "OPENROUTER_API_KEY";
  /** Where Spark finds session defaults of options ({@code SessionConfigSupport} with key prefix openrouter). */
  public static final String SESSION_CONF_PREFIX = "spark.datasource.openrouter.";

  /**
   * @param options the reader's options (keys in any case)
   * @param sparkConf looks up a Spark conf value, or null
   * @param env the process environment
   */
  public static ReadOptions parse(
      Map<String, String> options, Function<String, String> sparkConf, Map<String, String> env) {
    return parse(options, SparkConfs.exact(sparkConf), env);
  }

  /**
   * @param options the reader's options (keys in any case)
   * @param confs the session's Spark confs, matched ignoring case
   * @param env the process environment
   */
  public static ReadOptions parse(Map<String, String> options, SparkConfs confs, Map<String, String> env) {
    OptionMap map = new OptionMap(options);
    DatasetName dataset = dataset(map);
    // A blank value (e.g. os.environ.get("X", "")) counts as not given, so the next source is used.
    Optional<ApiKey> key = ApiKeySources.resolve(map, confs, env).map(ApiKeySources.SuppliedKey::key);
    String baseUrl = map.get(ReaderOption.BASE_URL).map(v -> OptionValues.httpUrl(ReaderOption.BASE_URL, v))
        .orElse(ClientSettings.DEFAULT_BASE_URL);
    boolean allowInsecureHttp = insecureHttpAllowed(map, baseUrl);
    ClientSettings defaults = ClientSettings.defaults(ClientSettings.DEFAULT_BASE_URL);
    ClientSettings client = new ClientSettings(
        baseUrl,
        map.get(ReaderOption.CONNECT_TIMEOUT).map(v -> OptionValues.duration(ReaderOption.CONNECT_TIMEOUT, v))
            .orElse(defaults.connectTimeout()),
        map.get(ReaderOption.READ_TIMEOUT).map(v -> OptionValues.duration(ReaderOption.READ_TIMEOUT, v))
            .orElse(defaults.readTimeout()),
        map.get(ReaderOption.MAX_RETRIES).map(v -> OptionValues.intInRange(ReaderOption.MAX_RETRIES, v, 0, 50))
            .orElse(defaults.maxRetries()),
        defaults.retryBackoff(),
        map.get(ReaderOption.HTTP_REFERER).map(v -> OptionValues.headerText(ReaderOption.HTTP_REFERER, v)).orElse(null),
        map.get(ReaderOption.APP_TITLE).map(v -> OptionValues.headerText(ReaderOption.APP_TITLE, v)).orElse(null),
        map.get(ReaderOption.APP_CATEGORIES).map(v -> OptionValues.categories(ReaderOption.APP_CATEGORIES, v))
            .orElse(null),
        map.get(ReaderOption.REQUEST_TIMEOUT)
            .map(v -> OptionValues.duration(ReaderOption.REQUEST_TIMEOUT, v, java.time.Duration.ofHours(1), "1h"))
            .orElse(ClientSettings.DEFAULT_REQUEST_TIMEOUT),
        allowInsecureHttp);
    // First, so an option of another dataset is reported as such rather than by its value.
    RankingSelection selection = RankingSelection.parse(dataset, map);
    AnalyticsSelection analytics = AnalyticsSelection.parse(dataset, map);
    Optional<LocalDate> start = map.get(ReaderOption.START_DATE).map(v -> OptionValues.date(ReaderOption.START_DATE, v));
    Optional<LocalDate> end = map.get(ReaderOption.END_DATE).map(v -> OptionValues.date(ReaderOption.END_DATE, v));
    if (start.isPresent() && end.isPresent() && start.get().isAfter(end.get())) {
      throw new InvalidOptionException("Option 'startDate' (" + start.get() + ") is after option 'endDate' ("
          + end.get() + "): startDate must be on or before endDate.");
    }
    OptionalInt windowDays = map.get(ReaderOption.WINDOW_DAYS)
        .map(v -> OptionalInt.of(OptionValues.intInRange(ReaderOption.WINDOW_DAYS, v, 1, 366)))
        .orElse(OptionalInt.empty());
    boolean pushDownFilters = map.get(ReaderOption.PUSH_DOWN_FILTERS)
        .map(v -> OptionValues.bool(ReaderOption.PUSH_DOWN_FILTERS, v)).orElse(true);
    boolean pushDownLimit = map.get(ReaderOption.PUSH_DOWN_LIMIT)
        .map(v -> OptionValues.bool(ReaderOption.PUSH_DOWN_LIMIT, v)).orElse(true);
    TrafficSettings traffic = new TrafficSettings(
        map.get(ReaderOption.RATE_LIMIT_PER_MINUTE)
            .map(v -> OptionValues.intInRange(ReaderOption.RATE_LIMIT_PER_MINUTE, v, 1, 10_000))
            .orElse(dataset.isAnalytics()
                ? TrafficSettings.DEFAULT_ANALYTICS_RATE_LIMIT_PER_MINUTE
                : TrafficSettings.DEFAULT_RATE_LIMIT_PER_MINUTE),
        map.get(ReaderOption.MAX_RETRY_WAIT)
            .map(v -> OptionValues.duration(ReaderOption.MAX_RETRY_WAIT, v, java.time.Duration.ofHours(1), "1h"))
            .orElse(TrafficSettings.DEFAULT_MAX_RETRY_WAIT),
        null);
    int maxRequests = map.get(ReaderOption.MAX_REQUESTS_PER_QUERY)
        .map(v -> OptionValues.intInRange(ReaderOption.MAX_REQUESTS_PER_QUERY, v, 1, 100_000)).orElse(100);
    CacheSettings cache = new CacheSettings(
        map.get(ReaderOption.CACHE).map(v -> OptionValues.bool(ReaderOption.CACHE, v)).orElse(true),
        map.get(ReaderOption.CACHE_TTL)
            .map(v -> OptionValues.duration(ReaderOption.CACHE_TTL, v, java.time.Duration.ofHours(1), "1h"))
            .orElse(CacheSettings.DEFAULT_TTL));
    return new ReadOptions(dataset, key, client, start, end, windowDays, selection, analytics, pushDownFilters,
        pushDownLimit, traffic, maxRequests, cache);
  }

  /** The key, or a clear error listing the three ways to give one. */
  public ApiKey requireApiKey() {
    return apiKey.orElseThrow(() -> new InvalidOptionException(
        "No OpenRouter API key was given. Set one of: the reader option .option(\"apiKey\", ...);"
            + " the Spark conf " + API_KEY_CONF + "; or the environment variable " + API_KEY_ENV
            + " (on the driver). "
            + (dataset.isAnalytics()
                ? "The analytics datasets need a management key; create one at"
                    + " https://openrouter.ai/settings/management-keys."
                : "Any OpenRouter API key works for the datasets; create one at https://openrouter.ai/settings/keys.")));
  }

  public ReadOptions withClient(ClientSettings settings) {
    return new ReadOptions(dataset, apiKey, settings, startDate, endDate, windowDays, selection, analytics,
        pushDownFilters, pushDownLimit, traffic, maxRequestsPerQuery, cache);
  }

  /** Plain http beyond loopback would carry the key in clear text: only with explicit consent. */
  private static boolean insecureHttpAllowed(OptionMap map, String baseUrl) {
    boolean allowed = map.get(ReaderOption.ALLOW_INSECURE_HTTP)
        .map(v -> OptionValues.bool(ReaderOption.ALLOW_INSECURE_HTTP, v)).orElse(false);
    if (!allowed && ClientSettings.sendsKeyInClearText(baseUrl)) {
      throw new InvalidOptionException("Option 'baseUrl' ('" + baseUrl + "') is plain http to a host other than"
          + " localhost or a loopback address: the API key would cross the network unencrypted. Use an https URL,"
          + " or set option 'allowInsecureHttp' to 'true' if the network to that host is trusted.");
    }
    return allowed;
  }

  private static DatasetName dataset(OptionMap map) {
    Optional<String> byOption = map.get(ReaderOption.DATASET);
    Optional<String> byPath = map.get(ReaderOption.PATH);
    if (byOption.isPresent() && byPath.isPresent()
        && DatasetName.parse(byOption.get()) != DatasetName.parse(byPath.get())) {
      throw new InvalidOptionException("Option 'dataset' ('" + byOption.get() + "') and the load() path ('"
          + byPath.get() + "') name different datasets: give only one.");
    }
    return byOption.or(() -> byPath).map(DatasetName::parse).orElseThrow(() -> new InvalidOptionException(
        "No dataset was chosen for format 'openrouter'. Use .option(\"dataset\", \"rankings-daily\") or"
            + " .load(\"rankings-daily\"). Known datasets: " + DatasetName.known() + "."));
  }

  @Override
  public String toString() {
    return "ReadOptions[dataset=" + dataset + ", apiKey=" + (apiKey.isPresent() ? "<hidden>" : "<none>")
        + ", client=" + client + ", startDate=" + startDate.map(Object::toString).orElse("default")
        + ", endDate=" + endDate.map(Object::toString).orElse("default")
        + ", windowDays=" + (windowDays.isPresent() ? windowDays.getAsInt() : "default")
        + ", selection=" + selection + ", analytics=" + analytics + ", pushDownFilters=" + pushDownFilters + ", pushDownLimit=" + pushDownLimit
        + ", traffic=" + traffic + ", maxRequestsPerQuery=" + maxRequestsPerQuery + ", cache=" + cache + "]";
  }
}
