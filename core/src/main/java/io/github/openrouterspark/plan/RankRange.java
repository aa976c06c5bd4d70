package io.github.openrouterspark.plan;

import java.io.Serializable;

/**
 * An inclusive range of absolute ranks, {@code 1 <= lo}; empty when {@code lo > hi}. The API serves
 * ranks 1..{@value #DEEPEST} at most: offset 0..100 plus limit 1..100.
 */
public record RankRange(int lo, int hi) implements Serializable {
  public static final int DEEPEST = 200;
  public static final RankRange ALL = new RankRange(1, Integer.MAX_VALUE);
  public static final RankRange NONE = new RankRange(1, 0);

  public RankRange {
    lo = Math.max(lo, 1);
  }

  public static RankRange atMost(long n) {
    return new RankRange(1, (int) Math.max(0, Math.min(n, Integer.MAX_VALUE)));
  }

  public static RankRange atLeast(long n) {
    return n > Integer.MAX_VALUE ? NONE : new RankRange((int) Math.max(1, n), Integer.MAX_VALUE);
  }

  public boolean isEmpty() {
    return lo > hi;
  }

  public boolean isBoundedAbove() {
    return hi != Integer.MAX_VALUE;
  }

  public RankRange intersect(RankRange other) {
    return new RankRange(Math.max(lo, other.lo), Math.min(hi, other.hi));
  }

  /** At most the first {@code n} ranks of this range. */
  public RankRange firstN(int n) {
    return isEmpty() ? this : new RankRange(lo, (int) Math.min(hi, (long) lo + n - 1));
  }

  /** The part the API can serve. */
  public RankRange reachable() {
    return new RankRange(lo, Math.min(hi, DEEPEST));
  }

  @Override
  public String toString() {
    if (isEmpty()) {
      return "none";
    }
    return lo + ".." + (isBoundedAbove() ? String.valueOf(hi) : "");
  }
}
