package io.github.openrouterspark.emulator;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The models one key may call on one day, with cumulative weights: served that day, from the key's
 * vendors, free variants only for the dev laptop and eval harness, favouring recent launches and
 * (for batch and agent keys) a fitting tier.
 */
final class CandidateModels {
  private static final long MODEL_AFFINITY = 53;

  private final ModelTraits[] models;
  private final double[] cumulative;

  private CandidateModels(ModelTraits[] models, double[] cumulative) {
    this.models = models;
    this.cumulative = cumulative;
  }

  /** The candidates of key {@code k} on {@code day}, or null when it may call none. */
  static CandidateModels of(
      long seed, List<ModelTraits> all, int k, KeyHabits habits, LocalDate day) {
    List<ModelTraits> picked = new ArrayList<>();
    List<Double> weights = new ArrayList<>();
    boolean freeOk = habits.kind() == KeyHabits.Kind.DEV || habits.kind() == KeyHabits.Kind.EVAL;
    for (ModelTraits model : all) {
      if (!model.spec().servedOn(day)
          || (!habits.vendors().isEmpty() && !habits.vendors().contains(model.vendor()))
          || (model.free() && !freeOk)) {
        continue;
      }
      double affinity =
          Hashing.unit(Hashing.hash(seed, MODEL_AFFINITY, k, Hashing.of(model.spec().permaslug())));
      double age = ChronoUnit.DAYS.between(model.spec().launched(), day);
      double recency = StrictMath.exp(-age / 240) + 0.03;
      double fit =
          switch (habits.kind()) {
            case BATCH ->
                model.tier() == ModelTraits.Tier.FRONTIER
                    ? 0.1
                    : model.tier() == ModelTraits.Tier.SMALL ? 3 : 1;
            case AGENT -> model.tier() == ModelTraits.Tier.FRONTIER ? 4 : 0.5;
            default -> 1;
          };
      // Squaring the affinity concentrates each key on a few favourites, as real keys are.
      picked.add(model);
      weights.add(affinity * affinity * recency * fit);
    }
    if (picked.isEmpty()) {
      return null;
    }
    double[] cumulative = new double[picked.size()];
    double sum = 0;
    for (int i = 0; i < cumulative.length; i++) {
      sum += weights.get(i);
      cumulative[i] = sum;
    }
    return new CandidateModels(picked.toArray(ModelTraits[]::new), cumulative);
  }

  /** The model at {@code u} (uniform in [0, 1)) of the cumulative weights. */
  ModelTraits pick(double u) {
    double target = u * cumulative[cumulative.length - 1];
    int i = Arrays.binarySearch(cumulative, target);
    // Not found: the insertion point is the first cumulative weight above the target.
    int index = i >= 0 ? i + 1 : -i - 1;
    return models[Math.min(index, models.length - 1)];
  }
}
