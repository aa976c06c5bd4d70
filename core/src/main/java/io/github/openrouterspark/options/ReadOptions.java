package io.github.openrouterspark.options;

import io.github.openrouterspark.api.ApiKey;
import io.github.openrouterspark.api.CacheSettings;
import io.github.openrouterspark.api.ClientSettings;
import io.github.openrouterspark.api.TrafficSettings;
import io.github.openrouterspark.plan.DatePlanner;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;

/**
 * The validated options of one read. Parsing checks every option before any request, so a typo or a
 * bad value fails with a message naming the option, the value and what is allowed. {@link
 * #toString()} hides the key.
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
    CacheSettings cache,
    OptionalInt maxDaysPerTrigger) {

  public static final String API_KEY_CONF = "spark.openrouter.apiKey";
  public static final String API_KEY_ENV = "OPENROUTER_API_KEY";

  /**
   * Where Spark finds session defaults of options ({@code SessionConfigSupport} with key prefix
   * openrouter).
   */
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
  public static ReadOptions parse(
      Map<String, String> options, SparkConfs confs, Map<String, String> env) {
    OptionMap map = new OptionMap(options);
    DatasetName dataset = dataset(map);
    map.requireApplicable(dataset);
    // A blank value (e.g. os.environ.get("X", "")) counts as not given, so the next source is used.
    Optional<ApiKey> key =
        ApiKeySources.resolve(map, confs, env).map(ApiKeySources.SuppliedKey::key);
    String baseUrl = map.valueOrDefault(ReaderOption.BASE_URL, dataset, String.class);
    boolean allowInsecureHttp = insecureHttpAllowed(map, dataset, baseUrl);
    ClientSettings client =
        new ClientSettings(
            baseUrl,
            map.valueOrDefault(ReaderOption.CONNECT_TIMEOUT, dataset, Duration.class),
            map.valueOrDefault(ReaderOption.READ_TIMEOUT, dataset, Duration.class),
            map.valueOrDefault(ReaderOption.MAX_RETRIES, dataset, Integer.class),
            ClientSettings.DEFAULT_RETRY_BACKOFF, // not an option
            map.valueOrDefault(ReaderOption.HTTP_REFERER, dataset, String.class),
            map.valueOrDefault(ReaderOption.APP_TITLE, dataset, String.class),
            map.valueOrDefault(ReaderOption.APP_CATEGORIES, dataset, String.class),
            map.valueOrDefault(ReaderOption.REQUEST_TIMEOUT, dataset, Duration.class),
            allowInsecureHttp);
    RankingSelection selection = RankingSelection.parse(dataset, map);
    AnalyticsSelection analytics = AnalyticsSelection.parse(dataset, map);
    Optional<LocalDate> start = map.parsed(ReaderOption.START_DATE, LocalDate.class);
    Optional<LocalDate> end = map.parsed(ReaderOption.END_DATE, LocalDate.class);
    if (start.isPresent() && end.isPresent() && start.get().isAfter(end.get())) {
      throw new InvalidOptionException(
          "Option 'startDate' ("
              + start.get()
              + ") is after option 'endDate' ("
              + end.get()
              + "): startDate must be on or before endDate.");
    }
    // Empty when not given, as before; windowDaysOrDefault() applies the registry's default.
    OptionalInt windowDays =
        map.parsed(ReaderOption.WINDOW_DAYS, Integer.class)
            .map(OptionalInt::of)
            .orElse(OptionalInt.empty());
    TrafficSettings traffic =
        new TrafficSettings(
            map.valueOrDefault(ReaderOption.RATE_LIMIT_PER_MINUTE, dataset, Integer.class),
            map.valueOrDefault(ReaderOption.MAX_RETRY_WAIT, dataset, Duration.class),
            null);
    CacheSettings cache =
        new CacheSettings(
            map.valueOrDefault(ReaderOption.CACHE, dataset, Boolean.class),
            map.valueOrDefault(ReaderOption.CACHE_TTL, dataset, Duration.class));
    cache = cache.withDirectory(map.parsed(ReaderOption.CACHE_DIR, String.class).orElse(null));
    return new ReadOptions(
        dataset,
        key,
        client,
        start,
        end,
        windowDays,
        selection,
        analytics,
        map.valueOrDefault(ReaderOption.PUSH_DOWN_FILTERS, dataset, Boolean.class),
        map.valueOrDefault(ReaderOption.PUSH_DOWN_LIMIT, dataset, Boolean.class),
        traffic,
        map.valueOrDefault(ReaderOption.MAX_REQUESTS_PER_QUERY, dataset, Integer.class),
        cache,
        map.parsed(ReaderOption.MAX_DAYS_PER_TRIGGER, Integer.class)
            .map(OptionalInt::of)
            .orElse(OptionalInt.empty()));
  }

  /** The key, or a clear error listing the three ways to give one. */
  public ApiKey requireApiKey() {
    return apiKey.orElseThrow(
        () ->
            new InvalidOptionException(
                "No OpenRouter API key was given. Set one of: the reader option .option(\"apiKey\", ...);"
                    + " the Spark conf "
                    + API_KEY_CONF
                    + "; or the environment variable "
                    + API_KEY_ENV
                    + " (on the driver). "
                    + (dataset.isAnalytics()
                        ? "The analytics datasets need a management key; create one at"
                            + " https://openrouter.ai/settings/management-keys."
                        : "Any OpenRouter API key works for the datasets; create one at https://openrouter.ai/settings/keys.")));
  }

  /** The windowDays option, or its registry default (the API's longest span) when not given. */
  public int windowDaysOrDefault() {
    return windowDays.isPresent()
        ? windowDays.getAsInt()
        : ReaderOption.WINDOW_DAYS
            .defaultFor(dataset, Integer.class)
            .orElse(DatePlanner.MAX_WINDOW_DAYS);
  }

  public ReadOptions withClient(ClientSettings settings) {
    return new ReadOptions(
        dataset,
        apiKey,
        settings,
        startDate,
        endDate,
        windowDays,
        selection,
        analytics,
        pushDownFilters,
        pushDownLimit,
        traffic,
        maxRequestsPerQuery,
        cache,
        maxDaysPerTrigger);
  }

  /**
   * The same read over the dates {@code start..end} (inclusive) instead of the startDate and
   * endDate options: one micro-batch of a stream.
   */
  public ReadOptions withDates(LocalDate start, LocalDate end) {
    return new ReadOptions(
        dataset,
        apiKey,
        client,
        Optional.of(start),
        Optional.of(end),
        windowDays,
        selection,
        analytics,
        pushDownFilters,
        pushDownLimit,
        traffic,
        maxRequestsPerQuery,
        cache,
        maxDaysPerTrigger);
  }

  /**
   * The same analytics read over {@code [start, end)} instead of the startTime and endTime options:
   * one micro-batch of a stream.
   */
  public ReadOptions withTimeRange(Instant start, Instant end) {
    return new ReadOptions(
        dataset,
        apiKey,
        client,
        startDate,
        endDate,
        windowDays,
        selection,
        analytics.withTimeRange(start, end),
        pushDownFilters,
        pushDownLimit,
        traffic,
        maxRequestsPerQuery,
        cache,
        maxDaysPerTrigger);
  }

  /** Plain http beyond loopback would carry the key in clear text: only with explicit consent. */
  private static boolean insecureHttpAllowed(OptionMap map, DatasetName dataset, String baseUrl) {
    boolean allowed = map.valueOrDefault(ReaderOption.ALLOW_INSECURE_HTTP, dataset, Boolean.class);
    if (!allowed && ClientSettings.sendsKeyInClearText(baseUrl)) {
      throw new InvalidOptionException(
          "Option 'baseUrl' ('"
              + baseUrl
              + "') is plain http to a host other than"
              + " localhost or a loopback address: the API key would cross the network unencrypted. Use an https URL,"
              + " or set option 'allowInsecureHttp' to 'true' if the network to that host is trusted.");
    }
    return allowed;
  }

  private static DatasetName dataset(OptionMap map) {
    Optional<String> byOption = map.get(ReaderOption.DATASET);
    Optional<String> byPath = map.get(ReaderOption.PATH);
    if (byOption.isPresent()
        && byPath.isPresent()
        && DatasetName.parse(byOption.get()) != DatasetName.parse(byPath.get())) {
      throw new InvalidOptionException(
          "Option 'dataset' ('"
              + byOption.get()
              + "') and the load() path ('"
              + byPath.get()
              + "') name different datasets: give only one.");
    }
    return byOption
        .or(() -> byPath)
        .map(DatasetName::parse)
        .orElseThrow(
            () ->
                new InvalidOptionException(
                    "No dataset was chosen for format 'openrouter'. Use .option(\"dataset\", \"rankings-daily\") or"
                        + " .load(\"rankings-daily\"). Known datasets: "
                        + DatasetName.known()
                        + "."));
  }

  @Override
  public String toString() {
    return "ReadOptions[dataset="
        + dataset
        + ", apiKey="
        + (apiKey.isPresent() ? "<hidden>" : "<none>")
        + ", client="
        + client
        + ", startDate="
        + startDate.map(Object::toString).orElse("default")
        + ", endDate="
        + endDate.map(Object::toString).orElse("default")
        + ", windowDays="
        + (windowDays.isPresent() ? windowDays.getAsInt() : "default")
        + ", selection="
        + selection
        + ", analytics="
        + analytics
        + ", pushDownFilters="
        + pushDownFilters
        + ", pushDownLimit="
        + pushDownLimit
        + ", traffic="
        + traffic
        + ", maxRequestsPerQuery="
        + maxRequestsPerQuery
        + ", cache="
        + cache
        + ", maxDaysPerTrigger="
        + (maxDaysPerTrigger.isPresent() ? maxDaysPerTrigger.getAsInt() : "default")
        + "]";
  }
}
