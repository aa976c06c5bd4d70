package io.github.openrouterspark.plan;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** One {@code offset}/{@code limit} page of a ranking: ranks {@code offset+1 .. offset+limit}. */
public record RankPage(int offset, int limit) implements Serializable {
  public static final int MAX_LIMIT = 100;
  public static final int MAX_OFFSET = 100;

  public RankPage {
    if (offset < 0 || offset > MAX_OFFSET || limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException(
          "offset " + offset + " / limit " + limit + " outside the API's bounds");
    }
  }

  public int firstRank() {
    return offset + 1;
  }

  public int lastRank() {
    return offset + limit;
  }

  /**
   * The fewest pages that cover {@code ranks} (after dropping ranks past 200), in ascending order.
   * Built from the deepest rank backwards so that every page's offset stays within the API's
   * 0..100: ranks 51..200 become 51..100 and 101..200, not 51..150 and an unreachable 151..200. A
   * range starting past rank 101 needs a page from rank 101 (offset 100); readers drop the ranks
   * before the range.
   */
  public static List<RankPage> cover(RankRange ranks) {
    RankRange reachable = ranks.reachable();
    List<RankPage> pages = new ArrayList<>();
    int hi = reachable.hi();
    while (hi >= reachable.lo()) {
      int first = Math.min(Math.max(reachable.lo(), hi - MAX_LIMIT + 1), MAX_OFFSET + 1);
      pages.add(new RankPage(first - 1, hi - first + 1));
      hi = first - 1;
    }
    Collections.reverse(pages);
    return List.copyOf(pages);
  }

  @Override
  public String toString() {
    return "ranks " + firstRank() + ".." + lastRank();
  }
}
