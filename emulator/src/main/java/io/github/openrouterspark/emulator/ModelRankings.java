package io.github.openrouterspark.emulator;

import static io.github.openrouterspark.emulator.DayTotals.add;
import static io.github.openrouterspark.emulator.DayTotals.addInto;
import static io.github.openrouterspark.emulator.DayTotals.max;
import static io.github.openrouterspark.emulator.DayTotals.min;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The rows of rankings-daily: model volumes per day and slice, bucketed by period and ranked. */
final class ModelRankings {
  private final long seed;
  private final VolumeModel volumes;
  private final List<String> models;

  ModelRankings(long seed, List<ModelSpec> catalog) {
    this.seed = seed;
    this.volumes = new VolumeModel(seed, catalog);
    this.models = catalog.stream().map(ModelSpec::permaslug).toList();
  }

  /** Every model permaslug, in catalog order, the order of the token arrays. */
  List<String> models() {
    return models;
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
   * Exact datasets sum the days inside the window into their buckets; a bucket is dated by its
   * start, which for the first week or month may lie before the window.
   */
  private Map<LocalDate, long[]> exactTotals(RankingsQuery query, Instant now) {
    Map<LocalDate, long[]> buckets = new TreeMap<>();
    LocalDate last = min(query.window().end(), SyntheticMarket.today(now));
    for (LocalDate day = max(query.window().start(), SyntheticMarket.FIRST_DAY);
        !day.isAfter(last);
        day = day.plusDays(1)) {
      addInto(buckets, query.period().bucketStart(day), dayTokens(day, query.slice(), now));
    }
    return buckets;
  }

  /**
   * Sampled datasets only exist at weekly grain: every ISO week touching the window counts in full
   * (so the last bucket may include traffic after {@code end_date}), and {@code month} buckets each
   * week by the month of its Monday, as the API documents.
   */
  private Map<LocalDate, long[]> weeklyEstimates(RankingsQuery query, Instant now) {
    Map<LocalDate, long[]> buckets = new TreeMap<>();
    LocalDate today = SyntheticMarket.today(now);
    LocalDate last = min(query.window().end(), today);
    for (LocalDate monday =
            query.window().start().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        !monday.isAfter(last);
        monday = monday.plusWeeks(1)) {
      long[] week = new long[models.size()];
      for (LocalDate day = max(monday, SyntheticMarket.FIRST_DAY);
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

  /** Every model's tokens on {@code day} in {@code slice}: partial today, none outside the data. */
  long[] dayTokens(LocalDate day, Slice slice, Instant now) {
    LocalDate today = SyntheticMarket.today(now);
    if (day.isBefore(SyntheticMarket.FIRST_DAY) || day.isAfter(today)) {
      return new long[models.size()];
    }
    long[] tokens = volumes.fullDay(day);
    long elapsed = DayTotals.elapsedToday(today, now);
    for (int i = 0; i < tokens.length; i++) {
      tokens[i] = slice.apply(seed, models.get(i), tokens[i]);
      if (day.equals(today)) {
        tokens[i] = DayTotals.partial(tokens[i], elapsed);
      }
    }
    return tokens;
  }
}
