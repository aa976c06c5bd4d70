package io.github.openrouterspark.emulator;

import static io.github.openrouterspark.emulator.DayTotals.add;
import static io.github.openrouterspark.emulator.DayTotals.max;
import static io.github.openrouterspark.emulator.DayTotals.min;

import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Ranks the listed apps of a validated app-rankings request by popular or trending score. */
final class AppRanker {
  private final AppCatalog catalog;
  private final AppTraffic traffic;

  AppRanker(AppCatalog catalog, AppTraffic traffic) {
    this.catalog = catalog;
    this.traffic = traffic;
  }

  /**
   * The full ranked list of a validated app-rankings request, computed for the instant {@code now};
   * the query's limit and offset are not applied.
   *
   * <p>Window volume sums the window's days; days after today count zero, today counts partially.
   * {@code trending} compares it with the three periods of the window's length (resolved dates,
   * future days included) right before it, where days before {@link SyntheticMarket#FIRST_DAY}
   * count zero: the score is {@code 3 * window - (p1 + p2 + p3)}, i.e. three times the excess over
   * their mean, so no rounding is involved. Aliases add their traffic to their canonical app before
   * ranking.
   */
  List<AppRankingRow> rank(AppRankingsQuery query, Instant now) {
    List<AppSpec> apps = catalog.apps();
    LocalDate start = query.window().start();
    LocalDate end = query.window().end();
    boolean trending = query.sort() == AppSort.TRENDING;
    long length = ChronoUnit.DAYS.between(start, end) + 1;
    LocalDate from = trending ? start.minusDays(3 * length) : start;
    long[] window = new long[apps.size()];
    long[] requests = new long[apps.size()];
    long[] before = new long[apps.size()];
    LocalDate last = min(end, SyntheticMarket.today(now));
    for (LocalDate day = max(from, SyntheticMarket.FIRST_DAY);
        !day.isAfter(last);
        day = day.plusDays(1)) {
      long[] tokens = traffic.dayTokens(day, now);
      if (day.isBefore(start)) {
        add(before, tokens);
      } else {
        add(window, tokens);
        add(requests, traffic.requestsOf(tokens));
      }
    }
    for (int i = 0; i < apps.size(); i++) {
      AppSpec app = apps.get(i);
      if (app.visibility() == AppSpec.Visibility.ALIAS) {
        int canonical = catalog.indexOf(app.canonicalAppId());
        window[canonical] = Math.addExact(window[canonical], window[i]);
        requests[canonical] = Math.addExact(requests[canonical], requests[i]);
        before[canonical] = Math.addExact(before[canonical], before[i]);
      }
    }
    long[] score = new long[apps.size()];
    List<Integer> ranked = new ArrayList<>();
    for (int i = 0; i < apps.size(); i++) {
      AppSpec app = apps.get(i);
      score[i] =
          trending ? Math.subtractExact(Math.multiplyExact(3, window[i]), before[i]) : window[i];
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
              rows.size() + 1,
              app.appId(),
              app.name(),
              BigInteger.valueOf(window[i]),
              requests[i]));
    }
    return rows;
  }
}
