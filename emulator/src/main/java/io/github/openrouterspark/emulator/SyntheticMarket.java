package io.github.openrouterspark.emulator;

import java.math.BigInteger;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * The ground truth behind the emulator's responses, deterministic for a seed: daily token volumes
 * of about 150 models and of about 330 marketplace apps (300 of them listed) from 2025-01-01 to
 * today. Tests can compare what a client read over HTTP with {@link #rankingsDaily}, {@link
 * #rankings} and {@link #appRankings} instead of hard-coding numbers.
 *
 * <p>Today is live, as in the real API: its volumes are the full-day volumes scaled by the part of
 * the UTC day that has elapsed on the clock, and days after today have no traffic.
 */
public final class SyntheticMarket {
  static final LocalDate FIRST_DAY = LocalDate.of(2025, 1, 1);
  private static final long MILLIS_PER_DAY = Duration.ofDays(1).toMillis();

  private final long seed;
  private final Clock clock;
  private final VolumeModel volumes;
  private final List<String> models;
  private final AppCatalog appCatalog;
  private final AppVolumeModel appVolumes;

  /** The slice parameters of rankings-daily. */
  private static final Set<String> SLICE_PARAMETERS =
      Set.of("modality", "context_bucket", "category", "language_type");

  public SyntheticMarket(long seed, Clock clock) {
    this.seed = seed;
    this.clock = Objects.requireNonNull(clock, "clock");
    this.volumes = new VolumeModel(seed, ModelCatalog.MODELS);
    this.models = ModelCatalog.MODELS.stream().map(ModelSpec::permaslug).toList();
    this.appCatalog = new AppCatalog(seed);
    this.appVolumes = new AppVolumeModel(seed, appCatalog.apps());
  }

  /**
   * The apps marketplace taxonomy: each {@code category} of app-rankings, in the spec's order,
   * mapped to its subcategories in the order OpenRouter's docs list them.
   */
  public static Map<String, List<String>> subcategoryGroups() {
    return Marketplace.GROUPS;
  }

  /** The first day of the dataset, 2025-01-01. */
  public LocalDate firstDay() {
    return FIRST_DAY;
  }

  /** The current UTC day per the clock; its volumes are partial. */
  public LocalDate today() {
    return today(clock.instant());
  }

  /** Every model permaslug of the catalog, including those without traffic yet or any more. */
  public List<String> models() {
    return models;
  }

  /**
   * Exactly the rows {@code GET /datasets/rankings-daily?period=day} returns for the window, after
   * clamping it to {@link #firstDay()}..{@link #today()}, in API order.
   */
  public List<RankingRow> rankingsDaily(LocalDate from, LocalDate to) {
    Instant now = clock.instant();
    LocalDate start = max(from, FIRST_DAY);
    LocalDate end = min(to, today(now));
    if (start.isAfter(end)) {
      return List.of();
    }
    return rankings(new RankingsQuery(new DateWindow(start, end), Period.DAY, Slice.ALL), now);
  }

  /**
   * Exactly the rows {@code GET /datasets/rankings-daily} returns for these parameters, in API
   * order. The arguments are validated and resolved as the endpoint does it (today per the
   * clock): a null date takes the endpoint's default, {@code from} is clamped to {@link
   * #firstDay()}, a null {@code period} defaults to {@code day}, or {@code week} for the sampled
   * {@code category}/{@code language_type} slices. Passing the resolved {@code meta.start_date}
   * and {@code meta.end_date} of a response gives that response's rows.
   *
   * @param period {@code day}, {@code week}, {@code month} or null
   * @param slice parameter name ({@code modality}, {@code context_bucket}, {@code category},
   *     {@code language_type}) to value; empty for the whole market
   * @throws IllegalArgumentException with the endpoint's 400 message when it would answer 400,
   *     or for a slice key the endpoint does not know
   */
  public List<RankingRow> rankings(
      LocalDate from, LocalDate to, String period, Map<String, String> slice) {
    Map<String, String> query = new LinkedHashMap<>();
    putDate(query, "start_date", from);
    putDate(query, "end_date", to);
    if (period != null) {
      query.put("period", period);
    }
    slice.forEach(
        (name, value) -> {
          if (!SLICE_PARAMETERS.contains(name)) {
            throw new IllegalArgumentException(
                "Unknown slice parameter '" + name + "'; use one of " + SLICE_PARAMETERS);
          }
          query.put(name, Objects.requireNonNull(value, name));
        });
    Instant now = clock.instant();
    try {
      return rankings(RankingsParameters.parse(query, today(now)), now);
    } catch (RequestRejected rejected) {
      throw new IllegalArgumentException(rejected.getMessage(), rejected);
    }
  }

  /**
   * The complete ranked list {@code GET /datasets/app-rankings} pages through for these
   * parameters: every rank from 1, without limit or offset, so the page at {@code offset} with
   * {@code limit} is {@code subList(offset, offset + limit)} (clipped). Validated and resolved as
   * the endpoint does it: null dates take its defaults, {@code start} is clamped to {@link
   * #firstDay()}, a null {@code sort} is {@code popular}.
   *
   * <p>Semantics: an app's window volume sums its days in the window (today partially, days after
   * today as zero), its aliases' traffic included; hidden apps are never listed. {@code popular}
   * lists apps with a positive window volume, by volume descending. {@code trending} lists apps
   * whose window volume exceeds the mean of the three periods of the window's length right before
   * it (days before 2025-01-01 count zero), by that excess descending; its rows still carry the
   * window volume. Ties go to the lower app id. A {@code subcategory} filter keeps apps tagged
   * with it, a {@code category} filter apps tagged with any subcategory of its group; ranks are
   * 1..N after filtering. {@code totalRequests} sums whole requests per app and day.
   *
   * @param sort {@code popular}, {@code trending} or null
   * @param category a marketplace category group or null
   * @param subcategory a marketplace subcategory or null; if both are given it must belong to
   *     {@code category}
   * @throws IllegalArgumentException with the endpoint's 400 message when it would answer 400
   */
  public List<AppRankingRow> appRankings(
      LocalDate start, LocalDate end, String sort, String category, String subcategory) {
    Map<String, String> query = new LinkedHashMap<>();
    putDate(query, "start_date", start);
    putDate(query, "end_date", end);
    if (sort != null) {
      query.put("sort", sort);
    }
    if (category != null) {
      query.put("category", category);
    }
    if (subcategory != null) {
      query.put("subcategory", subcategory);
    }
    Instant now = clock.instant();
    try {
      return appRankings(AppRankingsParameters.parse(query, today(now)), now);
    } catch (RequestRejected rejected) {
      throw new IllegalArgumentException(rejected.getMessage(), rejected);
    }
  }

  /**
   * One listed app's tokens on one day as app-rankings counts them: its aliases' traffic
   * included, partial today, zero before launch or after today.
   *
   * @throws IllegalArgumentException if {@code appId} is not a listed app
   */
  public BigInteger appTokens(long appId, LocalDate day) {
    return BigInteger.valueOf(appDaily(appId, day, false));
  }

  /** One listed app's requests on one day, aliases included; see {@link #appTokens}. */
  public long appRequests(long appId, LocalDate day) {
    return appDaily(appId, day, true);
  }

  /** One model's tokens on one day as the API counts them: partial today, zero when unserved. */
  public BigInteger tokens(String model, LocalDate day) {
    int index = models.indexOf(model);
    if (index < 0) {
      throw new IllegalArgumentException("Unknown model: " + model);
    }
    Instant now = clock.instant();
    return BigInteger.valueOf(dayTokens(day, Slice.ALL, now)[index]);
  }

  /** The rows of a validated request, computed for the instant {@code now}. */
  List<RankingRow> rankings(RankingsQuery query, Instant now) {
    Map<LocalDate, long[]> buckets =
        query.slice().sampled() ? weeklyEstimates(query, now) : exactTotals(query, now);
    List<RankingRow> rows = new ArrayList<>();
    buckets.forEach((date, totals) -> rows.addAll(Ranking.rank(date, models, totals)));
    return rows;
  }

  /**
   * The full ranked list of a validated app-rankings request, computed for the instant {@code
   * now}; the query's limit and offset are not applied.
   *
   * <p>Window volume sums the window's days; days after today count zero, today counts partially.
   * {@code trending} compares it with the three periods of the window's length (resolved dates,
   * future days included) right before it, where days before {@link #FIRST_DAY} count zero: the
   * score is {@code 3 * window - (p1 + p2 + p3)}, i.e. three times the excess over their mean,
   * so no rounding is involved. Aliases add their traffic to their canonical app before ranking.
   */
  List<AppRankingRow> appRankings(AppRankingsQuery query, Instant now) {
    List<AppSpec> apps = appCatalog.apps();
    LocalDate start = query.window().start();
    LocalDate end = query.window().end();
    boolean trending = query.sort() == AppSort.TRENDING;
    long length = ChronoUnit.DAYS.between(start, end) + 1;
    LocalDate from = trending ? start.minusDays(3 * length) : start;
    long[] window = new long[apps.size()];
    long[] requests = new long[apps.size()];
    long[] before = new long[apps.size()];
    LocalDate last = min(end, today(now));
    for (LocalDate day = max(from, FIRST_DAY); !day.isAfter(last); day = day.plusDays(1)) {
      long[] tokens = appDayTokens(day, now);
      if (day.isBefore(start)) {
        add(before, tokens);
      } else {
        add(window, tokens);
        add(requests, requestsOf(tokens));
      }
    }
    for (int i = 0; i < apps.size(); i++) {
      AppSpec app = apps.get(i);
      if (app.visibility() == AppSpec.Visibility.ALIAS) {
        int canonical = appCatalog.indexOf(app.canonicalAppId());
        window[canonical] = Math.addExact(window[canonical], window[i]);
        requests[canonical] = Math.addExact(requests[canonical], requests[i]);
        before[canonical] = Math.addExact(before[canonical], before[i]);
      }
    }
    long[] score = new long[apps.size()];
    List<Integer> ranked = new ArrayList<>();
    for (int i = 0; i < apps.size(); i++) {
      AppSpec app = apps.get(i);
      score[i] = trending ? Math.subtractExact(Math.multiplyExact(3, window[i]), before[i]) : window[i];
      if (app.visible() && query.matches(app) && score[i] > 0) {
        ranked.add(i);
      }
    }
    ranked.sort(
        Comparator.<Integer>comparingLong(i -> score[i])
            .reversed()
            .thenComparingLong(i -> apps.get(i).appId()));
    List<AppRankingRow> rows = new ArrayList<>(ranked.size());
    for (int i : ranked) {
      AppSpec app = apps.get(i);
      rows.add(
          new AppRankingRow(
              rows.size() + 1, app.appId(), app.name(), BigInteger.valueOf(window[i]), requests[i]));
    }
    return rows;
  }

  AppCatalog appCatalog() {
    return appCatalog;
  }

  /** Every catalog app's own tokens on {@code day} (aliases not merged): partial today. */
  long[] appDayTokens(LocalDate day, Instant now) {
    LocalDate today = today(now);
    if (day.isAfter(today)) {
      return new long[appCatalog.apps().size()];
    }
    long[] tokens = appVolumes.fullDay(day);
    if (day.equals(today)) {
      long elapsed = now.toEpochMilli() - today.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
      for (int i = 0; i < tokens.length; i++) {
        tokens[i] = scale(tokens[i], elapsed, MILLIS_PER_DAY);
      }
    }
    return tokens;
  }

  /** Requests per catalog app for its tokens of one day: whole requests, rounded up. */
  long[] requestsOf(long[] tokens) {
    List<AppSpec> apps = appCatalog.apps();
    long[] requests = new long[tokens.length];
    for (int i = 0; i < tokens.length; i++) {
      long size = apps.get(i).avgTokensPerRequest();
      requests[i] = tokens[i] == 0 ? 0 : (tokens[i] - 1) / size + 1;
    }
    return requests;
  }

  private long appDaily(long appId, LocalDate day, boolean requests) {
    int index = appCatalog.indexOf(appId);
    if (index < 0 || !appCatalog.apps().get(index).visible()) {
      throw new IllegalArgumentException("Not a listed app: " + appId);
    }
    long[] tokens = appDayTokens(day, clock.instant());
    long[] values = requests ? requestsOf(tokens) : tokens;
    long sum = 0;
    for (int i = 0; i < values.length; i++) {
      if (appCatalog.apps().get(i).canonicalAppId() == appId) {
        sum = Math.addExact(sum, values[i]);
      }
    }
    return sum;
  }

  private static void putDate(Map<String, String> query, String name, LocalDate date) {
    if (date != null) {
      query.put(name, date.toString());
    }
  }

  static LocalDate today(Instant now) {
    return LocalDate.ofInstant(now, ZoneOffset.UTC);
  }

  /**
   * Exact datasets sum the days inside the window into their buckets; a bucket is dated by its
   * start, which for the first week or month may lie before the window.
   */
  private Map<LocalDate, long[]> exactTotals(RankingsQuery query, Instant now) {
    Map<LocalDate, long[]> buckets = new TreeMap<>();
    LocalDate last = min(query.window().end(), today(now));
    for (LocalDate day = max(query.window().start(), FIRST_DAY);
        !day.isAfter(last);
        day = day.plusDays(1)) {
      addInto(buckets, query.period().bucketStart(day), dayTokens(day, query.slice(), now));
    }
    return buckets;
  }

  /**
   * Sampled datasets only exist at weekly grain: every ISO week touching the window counts in
   * full (so the last bucket may include traffic after {@code end_date}), and {@code month}
   * buckets each week by the month of its Monday, as the API documents.
   */
  private Map<LocalDate, long[]> weeklyEstimates(RankingsQuery query, Instant now) {
    Map<LocalDate, long[]> buckets = new TreeMap<>();
    LocalDate today = today(now);
    LocalDate last = min(query.window().end(), today);
    for (LocalDate monday =
            query.window().start().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        !monday.isAfter(last);
        monday = monday.plusWeeks(1)) {
      long[] week = new long[models.size()];
      for (LocalDate day = max(monday, FIRST_DAY);
          day.isBefore(monday.plusWeeks(1)) && !day.isAfter(today);
          day = day.plusDays(1)) {
        add(week, dayTokens(day, query.slice(), now));
      }
      for (int i = 0; i < week.length; i++) {
        week[i] = Slice.estimate(week[i]);
      }
      addInto(buckets, query.period().bucketStart(monday), week);
    }
    return buckets;
  }

  private long[] dayTokens(LocalDate day, Slice slice, Instant now) {
    LocalDate today = today(now);
    if (day.isBefore(FIRST_DAY) || day.isAfter(today)) {
      return new long[models.size()];
    }
    long[] tokens = volumes.fullDay(day);
    long elapsed = now.toEpochMilli() - today.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    for (int i = 0; i < tokens.length; i++) {
      tokens[i] = slice.apply(seed, models.get(i), tokens[i]);
      if (day.equals(today)) {
        tokens[i] = scale(tokens[i], elapsed, MILLIS_PER_DAY);
      }
    }
    return tokens;
  }

  /** floor(value * numerator / denominator) without overflowing the intermediate product. */
  private static long scale(long value, long numerator, long denominator) {
    return value / denominator * numerator + value % denominator * numerator / denominator;
  }

  private static void addInto(Map<LocalDate, long[]> buckets, LocalDate bucket, long[] tokens) {
    add(buckets.computeIfAbsent(bucket, b -> new long[tokens.length]), tokens);
  }

  private static void add(long[] sum, long[] tokens) {
    for (int i = 0; i < sum.length; i++) {
      sum[i] = Math.addExact(sum[i], tokens[i]);
    }
  }

  private static LocalDate max(LocalDate a, LocalDate b) {
    return a.isAfter(b) ? a : b;
  }

  private static LocalDate min(LocalDate a, LocalDate b) {
    return a.isBefore(b) ? a : b;
  }
}
