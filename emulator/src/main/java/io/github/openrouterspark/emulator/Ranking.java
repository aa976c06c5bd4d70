package io.github.openrouterspark.emulator;

import java.math.BigInteger;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Turns the per-model totals of one date bucket into API rows: models with zero tokens are dropped,
 * the rest ordered by tokens descending then permaslug ascending, the first 50 kept and everything
 * after them summed into a single {@code other} row, which comes last even when it is the largest
 * and is omitted when nothing is left over.
 */
final class Ranking {
  static final int TOP_N = 50;
  static final String OTHER = "other";

  private Ranking() {}

  static List<RankingRow> rank(LocalDate date, List<String> models, long[] totals) {
    int[] order =
        IntStream.range(0, totals.length)
            .filter(i -> totals[i] > 0)
            .boxed()
            .sorted(
                Comparator.<Integer>comparingLong(i -> totals[i])
                    .reversed()
                    .thenComparing(models::get))
            .mapToInt(Integer::intValue)
            .toArray();
    List<RankingRow> rows = new ArrayList<>(Math.min(order.length, TOP_N + 1));
    for (int k = 0; k < Math.min(order.length, TOP_N); k++) {
      rows.add(new RankingRow(date, models.get(order[k]), BigInteger.valueOf(totals[order[k]])));
    }
    if (order.length > TOP_N) {
      BigInteger rest = BigInteger.ZERO;
      for (int k = TOP_N; k < order.length; k++) {
        rest = rest.add(BigInteger.valueOf(totals[order[k]]));
      }
      rows.add(new RankingRow(date, OTHER, rest));
    }
    return rows;
  }
}
