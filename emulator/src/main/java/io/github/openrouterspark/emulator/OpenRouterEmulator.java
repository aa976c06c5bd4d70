package io.github.openrouterspark.emulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An in-process emulator of OpenRouter's Data and Analytics APIs, serving {@code GET
 * /datasets/rankings-daily}, {@code GET /datasets/app-rankings}, {@code GET /analytics/meta} and
 * {@code POST /analytics/query} under {@code /api/v1} on 127.0.0.1 with the real API's
 * authentication, rate limits, validation and error shapes. The data is a deterministic {@link
 * SyntheticMarket} and, per account, a deterministic {@link AnalyticsLog}; time is the injected
 * {@link Clock}, so tests control "today", partial days and rate-limit windows.
 *
 * <pre>{@code
 * try (OpenRouterEmulator emulator = OpenRouterEmulator.start()) {
 *   String url = emulator.baseUrl() + "/datasets/rankings-daily";
 *   // call it with "Authorization: Bearer " + OpenRouterEmulator.DEFAULT_API_KEY;
 *   // the analytics endpoints with OpenRouterEmulator.DEFAULT_MANAGEMENT_KEY
 * }
 * }</pre>
 *
 * <p>Keys: inference keys ({@link Builder#apiKey}) reach the datasets; the analytics endpoints
 * answer them 403 {@code Only management keys can perform this operation}. Management keys ({@link
 * Builder#managementKey}) reach the analytics endpoints, and the datasets too: the spec says the
 * datasets take "any valid OpenRouter API key" and declares no 403 for them, while whether a
 * management key qualifies is unpublished (docs/api-contract.md §9.3); the emulator accepts it,
 * counting against the same per-key and per-account dataset quotas as any key.
 *
 * <p>Quotas: the datasets share 30 requests per minute per key and 500 per day per account; the two
 * analytics endpoints share their own 64 per minute per key (OpenRouter's analytics skill documents
 * it; the spec declares no 429 there), with no daily cap. Both answer 429 in the current {@link
 * RetryAfterFlavour}.
 */
public final class OpenRouterEmulator implements AutoCloseable {
  /** Accepted when the builder adds no key; deliberately unlike a real {@code sk-or-v1-} key. */
  public static final String DEFAULT_API_KEY = "or-emulator-key-1";

  /**
   * The management key accepted when the builder adds none, for {@link #DEFAULT_ACCOUNT};
   * deliberately unlike a real key.
   */
  public static final String DEFAULT_MANAGEMENT_KEY = "or-emulator-mgmt-key-1";

  public static final String DEFAULT_ACCOUNT = "emulator-account";

  private final EmulatorServer server;
  private final RequestLog requestLog = new RequestLog();
  private final FaultInjector faults = new FaultInjector();
  private final SyntheticMarket market;

  /** One limiter for all Data API endpoints: the daily quota is shared across them. */
  private final RateLimiter datasetQuota;

  /** The analytics endpoints' own per-key limit; no daily cap. */
  private final RateLimiter analyticsQuota;

  private final Map<String, AnalyticsLog> analyticsLogs = new ConcurrentHashMap<>();
  private final List<ModelTraits> modelTraits;
  private final Clock clock;
  private final long seed;

  /** Read per response, so a test can switch it between queries. */
  private volatile RetryAfterFlavour retryAfter;

  private OpenRouterEmulator(Builder builder) throws IOException {
    market = new SyntheticMarket(builder.seed, builder.clock);
    clock = builder.clock;
    seed = builder.seed;
    modelTraits = ModelTraits.of(builder.seed, ModelCatalog.MODELS);
    Map<String, String> keys =
        builder.keys.isEmpty() ? Map.of(DEFAULT_API_KEY, DEFAULT_ACCOUNT) : builder.keys;
    Map<String, String> managementKeys =
        builder.managementKeys.isEmpty()
            ? Map.of(DEFAULT_MANAGEMENT_KEY, DEFAULT_ACCOUNT)
            : builder.managementKeys;
    retryAfter = builder.retryAfter;
    datasetQuota = new RateLimiter(builder.rateLimitPerMinute, builder.dailyLimitPerAccount);
    analyticsQuota = new RateLimiter(builder.analyticsRateLimitPerMinute, Integer.MAX_VALUE);
    Router router =
        EmulatorRoutes.of(
            market,
            new DatasetEnvelope(builder.metaFirst),
            datasetQuota,
            analyticsQuota,
            this::retryAfter,
            this::analytics);
    server =
        new EmulatorServer(
            builder.port,
            new Gateway(
                builder.clock,
                router,
                new ApiKeys(keys, managementKeys),
                requestLog,
                faults,
                this::retryAfter));
  }

  /** Starts an emulator with the system UTC clock, seed 42 and the default key. */
  public static OpenRouterEmulator start() {
    return builder().start();
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * {@code http://127.0.0.1:<port>/api/v1}, the equivalent of {@code https://openrouter.ai/api/v1}.
   */
  public String baseUrl() {
    return "http://127.0.0.1:" + server.port() + EmulatorRoutes.API_PREFIX;
  }

  public RequestLog requestLog() {
    return requestLog;
  }

  /** Schedules injected failures: error statuses, slowness, dropped connections, cut bodies. */
  public FaultInjector faults() {
    return faults;
  }

  /** How 429s (and faults with a retry hint) signal the wait; applies from the next response. */
  public void setRetryAfter(RetryAfterFlavour flavour) {
    this.retryAfter = Objects.requireNonNull(flavour, "flavour");
  }

  public RetryAfterFlavour retryAfter() {
    return retryAfter;
  }

  /**
   * Changes the per-key limit from the next request on. Requests accepted before still count in
   * their window: lowering the limit below them refuses requests until enough have left it.
   */
  public void setRateLimitPerMinute(int n) {
    datasetQuota.setPerMinute(n);
  }

  /** Changes the per-account daily limit from the next request on; today's count is kept. */
  public void setDailyLimitPerAccount(int n) {
    datasetQuota.setPerDay(n);
  }

  /**
   * Changes the analytics per-key limit from the next request on, like {@link
   * #setRateLimitPerMinute}.
   */
  public void setAnalyticsRateLimitPerMinute(int n) {
    analyticsQuota.setPerMinute(n);
  }

  /** The ground truth the dataset responses are computed from. */
  public SyntheticMarket market() {
    return market;
  }

  /**
   * The ground truth of {@code /analytics/query} for {@code account}: its generation log, on the
   * emulator's seed and clock. Any account name has one; a management key's account decides which
   * log its queries read.
   */
  public AnalyticsLog analytics(String account) {
    Objects.requireNonNull(account, "account");
    return analyticsLogs.computeIfAbsent(
        account, a -> new AnalyticsLog(seed, a, market.appCatalog(), modelTraits, clock));
  }

  @Override
  public void close() {
    server.close();
  }

  /** Configures an emulator; every setting has the real API's default. */
  public static final class Builder {
    private Clock clock = Clock.systemUTC();
    private long seed = 42;
    private final Map<String, String> keys = new LinkedHashMap<>();
    private final Map<String, String> managementKeys = new LinkedHashMap<>();
    private int rateLimitPerMinute = 30;
    private int analyticsRateLimitPerMinute = 64;
    private int dailyLimitPerAccount = 500;
    private boolean metaFirst;
    private RetryAfterFlavour retryAfter = RetryAfterFlavour.SECONDS;
    private int port;

    private Builder() {}

    /** The emulator's "now"; today is {@code LocalDate.now(clock)} in UTC. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /**
     * Accepts {@code key} for {@code account}. Several keys may share an account, and so its daily
     * quota. Once a key is added, {@link #DEFAULT_API_KEY} is no longer accepted.
     */
    public Builder apiKey(String key, String account) {
      checkKey(key, account);
      if (managementKeys.containsKey(key)) {
        throw new IllegalArgumentException("Already a management key: " + key);
      }
      keys.put(key, account);
      return this;
    }

    /**
     * Accepts {@code key} as a management key of {@code account}: the only kind of key the
     * analytics endpoints take, reading {@code account}'s {@link AnalyticsLog}. It is accepted on
     * the datasets too. Once one is added, {@link #DEFAULT_MANAGEMENT_KEY} is no longer accepted.
     */
    public Builder managementKey(String key, String account) {
      checkKey(key, account);
      if (keys.containsKey(key)) {
        throw new IllegalArgumentException("Already an inference key: " + key);
      }
      managementKeys.put(key, account);
      return this;
    }

    /**
     * Accepted analytics requests per key in any rolling 60 seconds, meta and query together;
     * default 64.
     */
    public Builder analyticsRateLimitPerMinute(int n) {
      this.analyticsRateLimitPerMinute = positive(n, "analyticsRateLimitPerMinute");
      return this;
    }

    private static void checkKey(String key, String account) {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(account, "account");
      if (key.isBlank() || !key.strip().equals(key)) {
        throw new IllegalArgumentException("An API key must be non-blank without outer spaces");
      }
    }

    /**
     * Accepted requests per key in any rolling 60 seconds, across all dataset endpoints; default
     * 30.
     */
    public Builder rateLimitPerMinute(int n) {
      this.rateLimitPerMinute = positive(n, "rateLimitPerMinute");
      return this;
    }

    /** Accepted requests per account per UTC day, across all dataset endpoints; default 500. */
    public Builder dailyLimitPerAccount(int n) {
      this.dailyLimitPerAccount = positive(n, "dailyLimitPerAccount");
      return this;
    }

    /**
     * How a 429 says when to retry; default {@link RetryAfterFlavour#SECONDS}. Every 429 of the
     * rate limiter also carries {@code X-RateLimit-Limit}, {@code -Remaining} and {@code -Reset}
     * (epoch ms), whatever the flavour. {@link OpenRouterEmulator#setRetryAfter} changes it later.
     */
    public Builder retryAfter(RetryAfterFlavour flavour) {
      this.retryAfter = Objects.requireNonNull(flavour, "flavour");
      return this;
    }

    /**
     * Writes {@code meta} before {@code data}. The default, data first, matches the spec's example;
     * JSON member order is not part of the contract, so clients must accept both.
     */
    public Builder metaFirst(boolean metaFirst) {
      this.metaFirst = metaFirst;
      return this;
    }

    /** The port on 127.0.0.1; default 0 picks a free ephemeral port. */
    public Builder port(int port) {
      if (port < 0 || port > 65_535) {
        throw new IllegalArgumentException("port must be 0-65535, got " + port);
      }
      this.port = port;
      return this;
    }

    public OpenRouterEmulator start() {
      try {
        return new OpenRouterEmulator(this);
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot start the OpenRouter emulator", e);
      }
    }

    private static int positive(int n, String name) {
      if (n < 1) {
        throw new IllegalArgumentException(name + " must be positive, got " + n);
      }
      return n;
    }
  }
}
