package io.github.openrouterspark.emulator;

import java.time.LocalDate;

/** Draws the traffic constants ({@link AppProfile}) and request sizes of catalog apps. */
final class AppProfiles {
  static final double TOP_VOLUME = 6e10;
  static final LocalDate EARLIEST_LAUNCH = LocalDate.of(2023, 6, 1);

  private static final long PROFILE = 14;
  private static final long REQUEST_SIZE = 15;

  enum Kind {
    APP,
    ACTIVE_ALIAS,
    RETIRED_ALIAS
  }

  private final long seed;

  AppProfiles(long seed) {
    this.seed = seed;
  }

  /** The base volume of a visible popularity slot: a power law with an exponential cutoff. */
  static double baseVolume(int slot) {
    double share = (double) slot / AppCatalog.VISIBLE_APPS;
    return TOP_VOLUME * StrictMath.pow(slot + 1, -1.05) * StrictMath.pow(10, -3 * share * share);
  }

  /**
   * An old, steadily growing giant that out-trades the visible apps, so that leaking the hidden app
   * carrying it would be obvious.
   */
  AppProfile giant(long salt) {
    return new AppProfile(
        Hashing.hash(seed, PROFILE, salt),
        2 * TOP_VOLUME,
        EARLIEST_LAUNCH,
        null,
        10,
        LocalDate.of(2026, 1, 1),
        0.004,
        0.004,
        0.1);
  }

  /**
   * Per-app constants. About 55% of apps predate the dataset; the rest launch between 2025-01-01
   * and mid-2027, so there are fresh launches whenever the clock is. One in twenty shuts down. The
   * trend pivots once, so an app can rise then fade, or the reverse. Aliases predate the dataset;
   * retired ones stop during it.
   */
  AppProfile profile(long salt, double base, String group, Kind kind) {
    double[] u = new double[9];
    for (int k = 0; k < u.length; k++) {
      u[k] = Hashing.unit(Hashing.hash(seed, PROFILE, salt, k));
    }
    LocalDate launched;
    LocalDate retired = null;
    if (kind != Kind.APP) {
      launched = EARLIEST_LAUNCH.plusDays((long) (u[1] * 500));
      if (kind == Kind.RETIRED_ALIAS) {
        retired = SyntheticMarket.FIRST_DAY.plusDays(30 + (long) (u[3] * 400));
      }
    } else {
      launched =
          u[0] < 0.55
              ? EARLIEST_LAUNCH.plusDays((long) (u[1] * 579))
              : SyntheticMarket.FIRST_DAY.plusDays((long) (u[1] * 900));
      if (u[2] < 0.05) {
        retired = launched.plusDays(60 + (long) (u[3] * 340));
      }
    }
    double weekendDip =
        switch (group) {
          case "coding" -> 0.25 + 0.2 * u[8];
          case "entertainment" -> -0.2 + 0.2 * u[8];
          default -> 0.05 + 0.25 * u[8];
        };
    return new AppProfile(
        Hashing.hash(seed, PROFILE, salt),
        base,
        launched,
        retired,
        3 + 37 * u[4],
        SyntheticMarket.FIRST_DAY.plusDays(59 + (long) (u[5] * 550)),
        -0.002 + 0.010 * u[6],
        -0.009 + 0.018 * u[7],
        weekendDip);
  }

  /** Coding agents send long contexts, chat apps short ones. */
  long requestSize(long salt, String group) {
    double u = Hashing.unit(Hashing.hash(seed, REQUEST_SIZE, salt));
    double[] range =
        switch (group) {
          case "coding" -> new double[] {6_000, 60_000};
          case "creative" -> new double[] {800, 5_000};
          case "entertainment" -> new double[] {2_500, 16_000};
          default -> new double[] {1_200, 12_000};
        };
    return Math.round(range[0] * StrictMath.pow(range[1] / range[0], u));
  }
}
