package io.github.openrouterspark.emulator;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Daily tokens and requests of every catalog app, as app-rankings counts them. */
final class AppTraffic {
  private final AppCatalog catalog;
  private final AppVolumeModel volumes;

  AppTraffic(long seed, AppCatalog catalog) {
    this.catalog = catalog;
    this.volumes = new AppVolumeModel(seed, catalog.apps());
  }

  /** Every catalog app's own tokens on {@code day} (aliases not merged): partial today. */
  long[] dayTokens(LocalDate day, Instant now) {
    LocalDate today = SyntheticMarket.today(now);
    if (day.isAfter(today)) {
      return new long[catalog.apps().size()];
    }
    long[] tokens = volumes.fullDay(day);
    if (day.equals(today)) {
      long elapsed = DayTotals.elapsedToday(today, now);
      for (int i = 0; i < tokens.length; i++) {
        tokens[i] = DayTotals.partial(tokens[i], elapsed);
      }
    }
    return tokens;
  }

  /** Requests per catalog app for its tokens of one day: whole requests, rounded up. */
  long[] requestsOf(long[] tokens) {
    List<AppSpec> apps = catalog.apps();
    long[] requests = new long[tokens.length];
    for (int i = 0; i < tokens.length; i++) {
      long size = apps.get(i).avgTokensPerRequest();
      requests[i] = tokens[i] == 0 ? 0 : (tokens[i] - 1) / size + 1;
    }
    return requests;
  }

  /**
   * One listed app's tokens (or requests) on one day, its aliases' traffic included.
   *
   * @throws IllegalArgumentException if {@code appId} is not a listed app
   */
  long listedAppDaily(long appId, LocalDate day, Instant now, boolean requests) {
    int index = catalog.indexOf(appId);
    if (index < 0 || !catalog.apps().get(index).visible()) {
      throw new IllegalArgumentException("Not a listed app: " + appId);
    }
    long[] tokens = dayTokens(day, now);
    long[] values = requests ? requestsOf(tokens) : tokens;
    long sum = 0;
    for (int i = 0; i < values.length; i++) {
      if (catalog.apps().get(i).canonicalAppId() == appId) {
        sum = Math.addExact(sum, values[i]);
      }
    }
    return sum;
  }
}
