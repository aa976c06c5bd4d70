package io.github.openrouterspark.emulator;

import java.math.BigInteger;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

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

  private final Clock clock;
  private final ModelRankings modelRankings;
  private final AppCatalog appCatalog;
  private final AppTraffic appTraffic;
  private final AppRanker appRanker;

  /** The slice parameters of rankings-daily. */
  private static final Set<String> SLICE_PARAMETERS =
      Set.of("modality", "context_bucket", "category", "language_type");

  public SyntheticMarket(long seed, Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.modelRankings = new ModelRankings(seed, ModelCatalog.MODELS);
    this.appCatalog = new AppCatalog(seed);
    this.appTraffic = new AppTraffic(seed, appCatalog);
    this.appRanker = new AppRanker(appCatalog, appTraffic);
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
    return modelRankings.models();
  }

  /**
   * Exactly the rows {@code GET /datasets/rankings-daily?period=day} returns for the window, after
   * clamping it to {@link #firstDay()}..{@link #today()}, in API order.
   */
  public List<RankingRow> rankingsDaily(LocalDate from, LocalDate to) {
    Instant now = clock.instant();
    LocalDate start = DayTotals.max(from, FIRST_DAY);
    LocalDate end = DayTotals.min(to, today(now));
    if (start.isAfter(end)) {
      return List.of();
    }
    return rankings(new RankingsQuery(new DateWindow(start, end), Period.DAY, Slice.ALL), now);
  }

  /**
   * Exactly the rows {@code GET /datasets/rankings-daily} returns for these parameters, in API
   * order. The arguments are validated and resolved as the endpoint does it (today per the clock):
   * a null date takes the endpoint's default, {@code from} is clamped to {@link #firstDay()}, a
   * null {@code period} defaults to {@code day}, or {@code week} for the sampled {@code
   * category}/{@code language_type} slices. Passing the resolved {@code meta.start_date} and {@code
   * meta.end_date} of a response gives that response's rows.
   *
   * @param period {@code day}, {@code week}, {@code month} or null
   * @param slice parameter name ({@code modality}, {@code context_bucket}, {@code category}, {@code
   *     language_type}) to value; empty for the whole market
   * @throws IllegalArgumentException with the endpoint's 400 message when it would answer 400, or
   *     for a slice key the endpoint does not know
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
   * The complete ranked list {@code GET /datasets/app-rankings} pages through for these parameters:
   * every rank from 1, without limit or offset, so the page at {@code offset} with {@code limit} is
   * {@code subList(offset, offset + limit)} (clipped). Validated and resolved as the endpoint does
   * it: null dates take its defaults, {@code start} is clamped to {@link #firstDay()}, a null
   * {@code sort} is {@code popular}.
   *
   * <p>Semantics: an app's window volume sums its days in the window (today partially, days after
   * today as zero), its aliases' traffic included; hidden apps are never listed. {@code popular}
   * lists apps with a positive window volume, by volume descending. {@code trending} lists apps
   * whose window volume exceeds the mean of the three periods of the window's length right before
   * it (days before 2025-01-01 count zero), by that excess descending; its rows still carry the
   * window volume. Ties go to the lower app id. A {@code subcategory} filter keeps apps tagged with
   * it, a {@code category} filter apps tagged with any subcategory of its group; ranks are 1..N
   * after filtering. {@code totalRequests} sums whole requests per app and day.
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
   * One listed app's tokens on one day as app-rankings counts them: its aliases' traffic included,
   * partial today, zero before launch or after today.
   *
   * @throws IllegalArgumentException if {@code appId} is not a listed app
   */
  public BigInteger appTokens(long appId, LocalDate day) {
    return BigInteger.valueOf(appTraffic.listedAppDaily(appId, day, clock.instant(), false));
  }

  /** One listed app's requests on one day, aliases included; see {@link #appTokens}. */
  public long appRequests(long appId, LocalDate day) {
    return appTraffic.listedAppDaily(appId, day, clock.instant(), true);
  }

  /** One model's tokens on one day as the API counts them: partial today, zero when unserved. */
  public BigInteger tokens(String model, LocalDate day) {
    int index = models().indexOf(model);
    if (index < 0) {
      throw new IllegalArgumentException("Unknown model: " + model);
    }
    Instant now = clock.instant();
    return BigInteger.valueOf(modelRankings.dayTokens(day, Slice.ALL, now)[index]);
  }

  /** The rows of a validated request, computed for the instant {@code now}. */
  List<RankingRow> rankings(RankingsQuery query, Instant now) {
    return modelRankings.rankings(query, now);
  }

  /** The full ranked list of a validated app-rankings request; see {@link AppRanker#rank}. */
  List<AppRankingRow> appRankings(AppRankingsQuery query, Instant now) {
    return appRanker.rank(query, now);
  }

  AppCatalog appCatalog() {
    return appCatalog;
  }

  /** Every catalog app's own tokens on {@code day} (aliases not merged): partial today. */
  long[] appDayTokens(LocalDate day, Instant now) {
    return appTraffic.dayTokens(day, now);
  }

  /** Requests per catalog app for its tokens of one day: whole requests, rounded up. */
  long[] requestsOf(long[] tokens) {
    return appTraffic.requestsOf(tokens);
  }

  private static void putDate(Map<String, String> query, String name, LocalDate date) {
    if (date != null) {
      query.put(name, date.toString());
    }
  }

  static LocalDate today(Instant now) {
    return LocalDate.ofInstant(now, ZoneOffset.UTC);
  }
}
