package io.github.openrouterspark.emulator;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Full-day token volumes of every app of an {@link AppCatalog} (visible, hidden and aliases) on one
 * UTC day. Each (app, day) value is a pure function of the seed, the app's profile and the day;
 * days are cached because trending windows read four times their length.
 *
 * <p>Volume = base x trend x hype x launch ramp x weekly dip x noise. The trend is exponential with
 * one change of rate at the app's pivot day. Hype adds bursts of attention: about one per {@value
 * #BURST_SPACING} days per app, each rising for {@value #BURST_RISE} days to 1.5-6 times the usual
 * volume and fading with a {@value #BURST_DECAY}-day time constant, so at any date some smaller
 * apps grow fast and {@code trending} differs from {@code popular}. Days before the dataset's first
 * day, before the launch, from the retirement on, and about 1% of days at random (outages) carry no
 * traffic.
 */
final class AppVolumeModel {
  private static final double OUTAGE_CHANCE = 0.01;
  private static final double MIN_LOG_TREND = -8;
  private static final double MAX_LOG_TREND = 3.5;
  private static final int BURST_SPACING = 200;
  private static final int BURST_RISE = 14;
  private static final int BURST_DECAY = 40;

  /** Bursts older than this contribute less than e^-6 of their peak; they are ignored. */
  private static final int BURST_SPAN = BURST_RISE + 6 * BURST_DECAY;

  private static final long NOISE = 21;
  private static final long OUTAGE = 22;
  private static final long BURST = 23;

  private final long seed;
  private final List<AppSpec> apps;
  private final Map<LocalDate, long[]> cache = new ConcurrentHashMap<>();

  AppVolumeModel(long seed, List<AppSpec> apps) {
    this.seed = seed;
    this.apps = List.copyOf(apps);
  }

  /** Full-day volumes on {@code day}, indexed like the catalog; a fresh array. */
  long[] fullDay(LocalDate day) {
    if (day.isBefore(SyntheticMarket.FIRST_DAY)) {
      return new long[apps.size()];
    }
    return cache.computeIfAbsent(day, this::compute).clone();
  }

  private long[] compute(LocalDate day) {
    long[] volumes = new long[apps.size()];
    for (int i = 0; i < volumes.length; i++) {
      volumes[i] = volume(apps.get(i).profile(), day);
    }
    return volumes;
  }

  private long volume(AppProfile p, LocalDate day) {
    if (!p.activeOn(day)) {
      return 0;
    }
    long epochDay = day.toEpochDay();
    if (Hashing.unit(Hashing.hash(seed, OUTAGE, p.key(), epochDay)) < OUTAGE_CHANCE) {
      return 0;
    }
    double age = ChronoUnit.DAYS.between(p.launched(), day);
    double ramp = 1 - StrictMath.exp(-(age + 1) / p.rampDays());
    long sincePivot = ChronoUnit.DAYS.between(p.pivot(), day);
    double logTrend = (sincePivot < 0 ? p.rateBefore() : p.rateAfter()) * sincePivot;
    double trend = StrictMath.exp(Math.max(MIN_LOG_TREND, Math.min(MAX_LOG_TREND, logTrend)));
    DayOfWeek dow = day.getDayOfWeek();
    double weekly = dow == DayOfWeek.SATURDAY || dow == DayOfWeek.SUNDAY ? 1 - p.weekendDip() : 1;
    double noise = 0.8 + 0.4 * Hashing.unit(Hashing.hash(seed, NOISE, p.key(), epochDay));
    return Math.max(1, Math.round(p.base() * trend * hype(p, epochDay) * ramp * weekly * noise));
  }

  /**
   * 1 plus the app's bursts on {@code epochDay}. Burst k starts at a seeded day inside the k-th
   * {@value #BURST_SPACING}-day slot after 2025-01-01, so any day only looks at the few slots
   * before it.
   */
  private double hype(AppProfile p, long epochDay) {
    long origin = SyntheticMarket.FIRST_DAY.toEpochDay();
    double factor = 1;
    for (long slot = Math.floorDiv(epochDay - origin - BURST_SPAN, BURST_SPACING);
        slot <= Math.floorDiv(epochDay - origin, BURST_SPACING);
        slot++) {
      long h = Hashing.hash(seed, BURST, p.key(), slot);
      long start = origin + slot * BURST_SPACING + (long) (Hashing.unit(h) * BURST_SPACING);
      long age = epochDay - start;
      if (age < 0 || age > BURST_SPAN) {
        continue;
      }
      double u = Hashing.unit(Hashing.mix(h));
      double peak = 0.5 + 4.5 * u * u;
      factor +=
          age <= BURST_RISE
              ? peak * age / BURST_RISE
              : peak * StrictMath.exp(-(double) (age - BURST_RISE) / BURST_DECAY);
    }
    return factor;
  }
}
