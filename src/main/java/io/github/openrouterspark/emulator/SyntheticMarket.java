package io.github.openrouterspark.emulator;

import java.math.BigInteger;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The ground truth behind the emulator's responses: daily token volumes of about 150 models from
 * 2025-01-01 to today, deterministic for a seed. Tests can compare what a client read over HTTP
 * with {@link #rankingsDaily} instead of hard-coding numbers.
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

  public SyntheticMarket(long seed, Clock clock) {
    this.seed = seed;
    this.clock = Objects.requireNonNull(clock, "clock");
    this.volumes = new VolumeModel(seed, ModelCatalog.MODELS);
    this.models = ModelCatalog.MODELS.stream().map(ModelSpec::permaslug).toList();
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
