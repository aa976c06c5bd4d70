package io.github.openrouterspark.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RankingTest {
  private static final LocalDate DAY = LocalDate.of(2025, 6, 1);

  @Test
  void ordersByTokensDescendingThenPermaslugAscending() {
    List<String> models = List.of("z/zeta", "b/beta", "a/alpha", "m/mid");
    long[] totals = {500, 700, 500, 900};

    assertEquals(
        List.of(row("m/mid", 900), row("b/beta", 700), row("a/alpha", 500), row("z/zeta", 500)),
        Ranking.rank(DAY, models, totals));
  }

  @Test
  void dropsModelsWithoutTokensBeforeRanking() {
    List<String> models = List.of("a/zero", "b/some", "c/zero");

    assertEquals(List.of(row("b/some", 3)), Ranking.rank(DAY, models, new long[] {0, 3, 0}));
  }

  @Test
  void noRowsAndNoOtherWhenNothingHasTokens() {
    assertEquals(List.of(), Ranking.rank(DAY, List.of("a/a", "b/b"), new long[] {0, 0}));
  }

  @Test
  void exactlyFiftyModelsHaveNoOtherRow() {
    List<RankingRow> rows = Ranking.rank(DAY, names(50), descending(50));

    assertEquals(50, rows.size());
    assertEquals("m/00", rows.get(0).modelPermaslug());
    assertEquals("m/49", rows.get(49).modelPermaslug());
  }

  @Test
  void fiftyFirstModelOnwardsIsFoldedIntoOther() {
    List<RankingRow> rows = Ranking.rank(DAY, names(53), descending(53));

    assertEquals(51, rows.size());
    // m/50..m/52 have 3, 2 and 1 tokens.
    assertEquals(row(Ranking.OTHER, 6), rows.get(50));
  }

  @Test
  void otherIsLastEvenWhenItIsTheLargest() {
    List<String> models = new ArrayList<>(names(50));
    long[] totals = new long[150];
    for (int i = 0; i < 50; i++) {
      totals[i] = 10;
    }
    for (int i = 50; i < 150; i++) {
      models.add(String.format("t/%03d", i));
      totals[i] = 9;
    }

    List<RankingRow> rows = Ranking.rank(DAY, models, totals);

    assertEquals(row(Ranking.OTHER, 900), rows.get(50));
    assertEquals(51, rows.size());
  }

  @Test
  void tieAtTheCutoffIsDecidedAlphabetically() {
    List<String> models = new ArrayList<>(names(49));
    long[] totals = new long[51];
    for (int i = 0; i < 49; i++) {
      totals[i] = 100 - i;
    }
    models.add("z/later"); // same tokens as the next one, but sorts after it
    models.add("a/earlier");
    totals[49] = 1;
    totals[50] = 1;

    List<RankingRow> rows = Ranking.rank(DAY, models, totals);

    assertEquals(row("a/earlier", 1), rows.get(49));
    assertEquals(row(Ranking.OTHER, 1), rows.get(50));
  }

  private static RankingRow row(String model, long tokens) {
    return new RankingRow(DAY, model, BigInteger.valueOf(tokens));
  }

  private static List<String> names(int n) {
    return IntStream.range(0, n).mapToObj(i -> String.format("m/%02d", i)).toList();
  }

  /** n, n-1, ..., 1: the i-th model ranks i-th. */
  private static long[] descending(int n) {
    return IntStream.range(0, n).mapToLong(i -> n - i).toArray();
  }
}
