package io.github.openrouterspark.emulator;

import java.lang.ref.SoftReference;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One account's synthetic generation log, the ground truth behind {@code /analytics/query}: every
 * generation from {@link #FIRST_DAY} to the clock's now, deterministic for (seed, account). Tests
 * read the raw generations with {@link #generations} and the endpoint's exact answer with {@link
 * #query}.
 *
 * <p>The account is a small organisation ({@link #workspaces()}, {@link #users()}, five to nine
 * {@link #apiKeys()} with distinct roles: batch jobs, a chatbot with end users, a support bot, a
 * coding agent, a dev laptop, an eval harness...) sending roughly 600 generations a day in early
 * 2025 and 1,500-2,500 in 2026. Each day is generated on demand from hashes, so any window costs
 * only its own days; recently used days are cached.
 *
 * <p>Today is live: generations exist up to the clock's instant, so the same query gives more rows
 * later in the day. Past days never change.
 */
public final class AnalyticsLog {
  /** The first day with generations. */
  public static final LocalDate FIRST_DAY = LocalDate.of(2025, 1, 1);

  /**
   * Days kept: a 31-day window and some. A day takes about 1 MB, and the cache holds it softly, so
   * a JVM short of memory (a Spark test with several accounts) drops days and regenerates them.
   */
  private static final int CACHED_DAYS = 40;

  /** A workspace; rows grouped by {@code workspace} show the name, filters take the id (UUID). */
  public record Workspace(String id, String name) {}

  /**
   * A member; rows grouped by {@code user} show {@code user} = name and {@code user_email}, both
   * nullable, and never the id (a Clerk id, {@code user_...}), which filters take.
   */
  public record User(String id, String name, String email) {}

  /**
   * An inference key of the account; rows grouped by {@code api_key_id} show the name, filters take
   * the id or the hash.
   *
   * @param hash 64 lower-case hex characters, as {@code GET /keys} lists keys
   * @param created first day with traffic
   * @param disabled first day without traffic again, or null
   */
  public record ApiKey(
      long id,
      String name,
      String hash,
      String workspaceId,
      String creatorUserId,
      LocalDate created,
      LocalDate disabled) {}

  private final AnalyticsOrg org;
  private final AppCatalog apps;
  private final Clock clock;
  private final TrafficModel traffic;
  private final Map<String, Long> keyIdsByHash = new HashMap<>();
  private final Map<Long, ApiKey> keysById = new HashMap<>();
  private final Map<String, Workspace> workspacesById = new HashMap<>();
  private final Map<String, User> usersById = new HashMap<>();
  private final Map<LocalDate, SoftReference<List<Generation>>> days =
      new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(
            Map.Entry<LocalDate, SoftReference<List<Generation>>> eldest) {
          return size() > CACHED_DAYS;
        }
      };

  AnalyticsLog(long seed, String account, AppCatalog apps, List<ModelTraits> models, Clock clock) {
    this.org = new AnalyticsOrg(seed, account, apps);
    this.apps = apps;
    this.clock = clock;
    this.traffic = new TrafficModel(org, models);
    for (ApiKey key : org.keys()) {
      keyIdsByHash.put(key.hash(), key.id());
      keysById.put(key.id(), key);
    }
    org.workspaces().forEach(w -> workspacesById.put(w.id(), w));
    org.users().forEach(u -> usersById.put(u.id(), u));
  }

  public String account() {
    return org.account();
  }

  public List<Workspace> workspaces() {
    return org.workspaces();
  }

  public List<User> users() {
    return org.users();
  }

  public List<ApiKey> apiKeys() {
    return org.keys();
  }

  /** The title rows show for an {@code app} id (titles are not unique); null for an unknown id. */
  public String appName(long appId) {
    int index = apps.indexOf(appId);
    return index < 0 ? null : apps.apps().get(index).name();
  }

  /** The metric names of {@code /analytics/meta}, in its order. */
  public static List<String> metricNames() {
    return Arrays.stream(AnalyticsMetric.values()).map(AnalyticsMetric::metricName).toList();
  }

  /** The dimension names of {@code /analytics/meta}, in its order. */
  public static List<String> dimensionNames() {
    return Arrays.stream(AnalyticsDimension.values())
        .map(AnalyticsDimension::dimensionName)
        .toList();
  }

  /** The dimensions whose use limits a query to 31 days. */
  public static List<String> thirtyOneDayDimensionNames() {
    return Arrays.stream(AnalyticsDimension.values())
        .filter(AnalyticsDimension::generationsOnly)
        .map(AnalyticsDimension::dimensionName)
        .toList();
  }

  /** The metrics whose use limits a query to 31 days. */
  public static List<String> thirtyOneDayMetricNames() {
    return Arrays.stream(AnalyticsMetric.values())
        .filter(AnalyticsMetric::generationsOnly)
        .map(AnalyticsMetric::metricName)
        .toList();
  }

  /** The granularity names of {@code /analytics/meta}, in its order. */
  public static List<String> granularityNames() {
    return Arrays.stream(Granularity.values()).map(Granularity::granularityName).toList();
  }

  /**
   * The generations created in {@code [from, to)} and not after the clock's now, by creation time
   * then id.
   */
  public List<Generation> generations(Instant from, Instant to) {
    return collect(from, to, clock.instant());
  }

  /**
   * Exactly what {@code POST /analytics/query} answers for this body now, except the timing.
   *
   * <p>Semantics, where the API documents them and where the emulator had to choose:
   *
   * <ul>
   *   <li>Window {@code [start, end)}, default the 7 days before now; generations after now do not
   *       exist yet. At most 365 days; 31 with latency/throughput metrics, the 31-day usage parts
   *       ({@link #thirtyOneDayMetricNames()}) or a 31-day dimension grouped or filtered ({@link
   *       #thirtyOneDayDimensionNames()}); minute buckets for at most 3 hours.
   *   <li>Buckets are UTC starts, {@code date__<granularity>} = {@code 2026-05-10T00:00:00.000Z};
   *       weeks start on Sunday. Only buckets and groups with generations have rows.
   *   <li>Rows show labels for {@code api_key_id} (key name), {@code app} (app title, not unique),
   *       {@code workspace} (name) and {@code user} (name and {@code user_email}); filters take
   *       ids; groups are by id. Unset {@code app}, {@code origin}, {@code external_user} are null
   *       and match only {@code in}/{@code not_in} with {@code include_unset}.
   *   <li>Counts are decimal strings, currency exact decimals ({@code usage_*} null when unused),
   *       averages sum / count, percentiles nearest-rank, {@code cache_hit_rate} cached / prompt
   *       tokens.
   *   <li>Order: {@code order_by}, else newest bucket first (time series) or first metric
   *       descending (totals); ties by bucket, then ids ascending; nulls last. Dimensions sort by
   *       id, not label.
   *   <li>{@code group_limit} keeps the first rows of each dimension combination (ignored without
   *       dimensions); then {@code limit} (default 1000, raised up to 10000 for time series with
   *       dimensions when neither {@code limit} nor {@code group_limit} is given) cuts, and {@code
   *       truncated} says whether it did.
   * </ul>
   *
   * @throws IllegalArgumentException with the endpoint's 400 message when it would answer 400
   */
  public AnalyticsResult query(AnalyticsQuery query) {
    Instant now = clock.instant();
    try {
      return query(plan(query, now), now);
    } catch (RequestRejected rejected) {
      throw new IllegalArgumentException(rejected.getMessage(), rejected);
    }
  }

  AnalyticsPlan plan(AnalyticsQuery query, Instant now) throws RequestRejected {
    return AnalyticsPlanner.plan(Objects.requireNonNull(query, "query"), now, keyIdsByHash);
  }

  AnalyticsResult query(AnalyticsPlan plan, Instant now) {
    return AnalyticsEngine.run(plan, collect(plan.start(), plan.end(), now), this::label);
  }

  private List<Generation> collect(Instant from, Instant to, Instant now) {
    Instant end = to.isAfter(now) ? now.plusNanos(1) : to;
    List<Generation> out = new ArrayList<>();
    if (!from.isBefore(end)) {
      return out;
    }
    LocalDate first = LocalDate.ofInstant(from, ZoneOffset.UTC);
    LocalDate last = LocalDate.ofInstant(end.minusNanos(1), ZoneOffset.UTC);
    if (first.isBefore(FIRST_DAY)) {
      first = FIRST_DAY;
    }
    for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
      for (Generation g : day(day)) {
        Instant t = g.createdAt();
        if (!t.isBefore(from) && t.isBefore(end)) {
          out.add(g);
        }
      }
    }
    return out;
  }

  /** Every generation of a whole day, whatever the clock says. */
  List<Generation> day(LocalDate day) {
    synchronized (days) {
      SoftReference<List<Generation>> cached = days.get(day);
      List<Generation> generations = cached == null ? null : cached.get();
      if (generations != null) {
        return generations;
      }
    }
    List<Generation> generated = Collections.unmodifiableList(traffic.day(day));
    synchronized (days) {
      days.put(day, new SoftReference<>(generated));
    }
    return generated;
  }

  /** Writes the row columns of a dimension value: labels where the real API resolves them. */
  private void label(AnalyticsDimension dimension, Object key, Map<String, Object> row) {
    switch (dimension) {
      case API_KEY_ID -> row.put("api_key_id", keysById.get((Long) key).name());
      case APP -> row.put("app", key == null ? null : appName((Long) key));
      case WORKSPACE -> row.put("workspace", workspacesById.get((String) key).name());
      case USER -> {
        User user = usersById.get((String) key);
        row.put("user", user.name());
        row.put("user_email", user.email());
      }
      default -> row.put(dimension.dimensionName(), key);
    }
  }
}
