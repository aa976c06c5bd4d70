package io.github.openrouterspark.emulator;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The sub-dataset a rankings request reads, from its {@code modality}, {@code context_bucket},
 * {@code category} and {@code language_type} parameters. The emulator derives a slice from the base
 * data: each (filter value, model) pair gets a fixed share of the model's traffic, and about a
 * third of the models get none, so slices rank differently from the whole market.
 *
 * @param filters parameter name to value, in request order; empty for the whole market
 * @param sampled true for the sampled, upsampled weekly datasets behind {@code category} and {@code
 *     language_type}, whose totals are estimates
 */
record Slice(Map<String, String> filters, boolean sampled) {
  static final Slice ALL = new Slice(Map.of(), false);

  /** Share drawn below this means the model has no traffic in the slice. */
  private static final double ABSENT_BELOW = 0.35;

  private static final long SHARE = 6;

  Slice {
    filters = Collections.unmodifiableMap(new LinkedHashMap<>(filters));
  }

  /** The part of a model's {@code tokens} that falls into this slice. */
  long apply(long seed, String model, long tokens) {
    long modelKey = Hashing.of(model);
    long result = tokens;
    for (Map.Entry<String, String> filter : filters.entrySet()) {
      long filterKey = Hashing.of(filter.getKey() + '=' + filter.getValue());
      double u = Hashing.unit(Hashing.hash(seed, SHARE, filterKey, modelKey));
      if (u < ABSENT_BELOW) {
        return 0;
      }
      long permille = 100 + Math.round(900 * (u - ABSENT_BELOW) / (1 - ABSENT_BELOW));
      result = result / 1000 * permille + result % 1000 * permille / 1000;
    }
    return result;
  }

  /** Sampled datasets publish upsampled estimates; rounding to thousands makes that visible. */
  static long estimate(long tokens) {
    return (tokens + 500) / 1000 * 1000;
  }
}
