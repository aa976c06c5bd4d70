package io.github.openrouterspark.emulator;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Full-day token volumes of every catalog model on one UTC day. Each (model, day) value is a pure
 * function of the seed, the model and the day, so days can be generated in any order or range.
 *
 * <p>Volume = base(popularity rank) x market growth x launch ramp x ageing x weekly dip x noise.
 * The base follows a power law over a seeded popularity rank with an exponential cutoff in the
 * tail, which puts the busiest model around 1e11-1e12 tokens a day and the quietest in the
 * thousands. StrictMath keeps the doubles, and so the totals, identical on every JVM.
 */
final class VolumeModel {
  private static final double TOP_VOLUME = 4e11;
  private static final LocalDate GROWTH_ORIGIN = LocalDate.of(2025, 1, 1);

  /** Chance that a served model records no traffic on a day; exercises "zero rows are dropped". */
  private static final double OUTAGE_CHANCE = 0.01;

  /** Chance that a day carries an exact tie between two neighbouring ranks. */
  private static final double TIE_CHANCE = 0.25;

  // Salts keep the independent random choices of one model or day apart.
  private static final long POPULARITY = 1;
  private static final long PROFILE = 2;
  private static final long NOISE = 3;
  private static final long OUTAGE = 4;
  private static final long TIE = 5;

  private final long seed;
  private final List<ModelSpec> models;
  private final Profile[] profiles;

  /** Per-model constants, drawn once from the seed. */
  private record Profile(
      long key,
      double base,
      double rampDays,
      double plateauDays,
      double halfLifeDays,
      double weekendDip) {}

  VolumeModel(long seed, List<ModelSpec> models) {
    this.seed = seed;
    this.models = List.copyOf(models);
    this.profiles = new Profile[models.size()];
    int[] byPopularity =
        IntStream.range(0, models.size())
            .boxed()
            .sorted(Comparator.comparingLong(i -> popularityDraw(models.get(i))))
            .mapToInt(Integer::intValue)
            .toArray();
    for (int rank = 0; rank < byPopularity.length; rank++) {
      int i = byPopularity[rank];
      profiles[i] = profile(models.get(i), rank, models.size());
    }
  }

  /** Full-day volumes on {@code day}, indexed like the catalog; 0 where a model has no traffic. */
  long[] fullDay(LocalDate day) {
    long[] volumes = new long[models.size()];
    for (int i = 0; i < volumes.length; i++) {
      volumes[i] = volume(i, day);
    }
    injectTie(day, volumes);
    return volumes;
  }

  private long volume(int i, LocalDate day) {
    ModelSpec model = models.get(i);
    if (!model.servedOn(day)) {
      return 0;
    }
    Profile p = profiles[i];
    long epochDay = day.toEpochDay();
    if (Hashing.unit(Hashing.hash(seed, OUTAGE, p.key(), epochDay)) < OUTAGE_CHANCE) {
      return 0;
    }
    double age = ChronoUnit.DAYS.between(model.launched(), day);
    double growth = 1 + 1.5 * Math.max(0, ChronoUnit.DAYS.between(GROWTH_ORIGIN, day)) / 365.0;
    double ramp = 1 - StrictMath.exp(-(age + 1) / p.rampDays());
    double ageing =
        age <= p.plateauDays()
            ? 1
            : StrictMath.pow(0.5, (age - p.plateauDays()) / p.halfLifeDays());
    DayOfWeek dow = day.getDayOfWeek();
    double weekly = dow == DayOfWeek.SATURDAY || dow == DayOfWeek.SUNDAY ? 1 - p.weekendDip() : 1;
    double noise = 0.85 + 0.3 * Hashing.unit(Hashing.hash(seed, NOISE, p.key(), epochDay));
    // A served model always shows some traffic, so "active" and "non-zero" mean the same.
    return Math.max(1, Math.round(p.base() * growth * ramp * ageing * weekly * noise));
  }

  /**
   * On some days, gives the model at one rank exactly the volume of the model just above it, so the
   * alphabetical tie-break decides their order. Sometimes the tie straddles ranks 50 and 51, where
   * the tie-break also decides which model makes the top 50 and which is folded into {@code other}.
   */
  private void injectTie(LocalDate day, long[] volumes) {
    long draw = Hashing.hash(seed, TIE, day.toEpochDay());
    if (Hashing.unit(draw) >= TIE_CHANCE) {
      return;
    }
    Integer[] ranked =
        IntStream.range(0, volumes.length)
            .filter(i -> volumes[i] > 0)
            .boxed()
            .sorted(
                Comparator.<Integer>comparingLong(i -> -volumes[i])
                    .thenComparing(i -> models.get(i).permaslug()))
            .toArray(Integer[]::new);
    if (ranked.length < 2) {
      return;
    }
    boolean atCutoff = (draw & 1) == 0 && ranked.length > Ranking.TOP_N;
    int upper =
        atCutoff ? Ranking.TOP_N - 1 : (int) ((draw >>> 1) % Math.min(20, ranked.length - 1));
    volumes[ranked[upper + 1]] = volumes[ranked[upper]];
  }

  private long popularityDraw(ModelSpec model) {
    return Hashing.hash(seed, POPULARITY, Hashing.of(model.permaslug()));
  }

  private Profile profile(ModelSpec model, int rank, int count) {
    long key = Hashing.of(model.permaslug());
    double[] u = new double[4];
    Arrays.setAll(u, k -> Hashing.unit(Hashing.hash(seed, PROFILE, key, k)));
    double share = (double) rank / count;
    double base =
        TOP_VOLUME * StrictMath.pow(rank + 1, -1.2) * StrictMath.pow(10, -5 * share * share);
    return new Profile(
        key,
        base,
        2 + 18 * u[0], // launch ramp time constant: 2-20 days
        120 + 300 * u[1], // days at full strength before the model starts to fade
        120 + 240 * u[2], // half-life of the fade
        0.05 + 0.3 * u[3]); // weekend traffic dip
  }
}
