package io.github.openrouterspark.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RankPageTest {
  static RankPage page(int offset, int limit) {
    return new RankPage(offset, limit);
  }

  static List<RankPage> cover(int lo, int hi) {
    List<RankPage> pages = RankPage.cover(new RankRange(lo, hi));
    assertCoverInvariant(new RankRange(lo, hi), pages);
    return pages;
  }

  /**
   * The documented contract of cover(): valid pages, ascending and disjoint, covering every
   * reachable rank of the range, ending within it, and starting before it only when the range
   * starts past rank 101.
   */
  static void assertCoverInvariant(RankRange range, List<RankPage> pages) {
    String ctx = range + " -> " + pages;
    RankRange reachable = range.reachable();
    for (int k = 0; k < pages.size(); k++) {
      RankPage p = pages.get(k);
      assertTrue(p.offset() >= 0 && p.offset() <= 100, ctx + ": offset");
      assertTrue(p.limit() >= 1 && p.limit() <= 100, ctx + ": limit");
      assertTrue(p.lastRank() <= reachable.hi(), ctx + ": page runs past the reachable end");
      if (k > 0) {
        assertTrue(
            p.firstRank() > pages.get(k - 1).lastRank(), ctx + ": pages overlap or are unsorted");
      }
    }
    if (reachable.isEmpty()) {
      assertEquals(List.of(), pages, ctx);
      return;
    }
    for (int r = reachable.lo(); r <= reachable.hi(); r++) {
      final int rank = r;
      assertTrue(
          pages.stream().anyMatch(p -> p.firstRank() <= rank && rank <= p.lastRank()),
          ctx + ": rank " + rank + " not covered");
    }
    int first = pages.get(0).firstRank();
    if (range.lo() <= 101) {
      assertEquals(
          range.lo(), first, ctx + ": starts before the range although it could start at it");
    } else {
      assertEquals(101, first, ctx + ": a range past rank 101 starts at offset 100");
    }
  }

  @Test
  void constants() {
    assertEquals(100, RankPage.MAX_LIMIT);
    assertEquals(100, RankPage.MAX_OFFSET);
  }

  @Test
  void ranks() {
    assertEquals(1, page(0, 50).firstRank());
    assertEquals(50, page(0, 50).lastRank());
    assertEquals(101, page(100, 100).firstRank());
    assertEquals(200, page(100, 100).lastRank());
    assertEquals("ranks 51..100", page(50, 50).toString());
  }

  @ParameterizedTest
  @CsvSource({"-1,10", "101,10", "0,0", "0,101", "0,-5", "200,1"})
  void outOfBoundsPagesAreRejected(int offset, int limit) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> page(offset, limit));
    assertTrue(
        e.getMessage().contains("offset " + offset) && e.getMessage().contains("limit " + limit),
        e.getMessage());
  }

  @Test
  void edgePagesAreAccepted() {
    page(0, 1);
    page(0, 100);
    page(100, 1);
    page(100, 100);
  }

  @Test
  void specificCovers() {
    assertEquals(List.of(page(0, 50)), cover(1, 50));
    assertEquals(List.of(page(0, 50), page(50, 100)), cover(1, 150));
    assertEquals(List.of(page(50, 50), page(100, 100)), cover(51, 200));
    assertEquals(List.of(page(100, 80)), cover(120, 180));
    assertEquals(List.of(page(6, 1)), cover(7, 7));
    assertEquals(List.of(), RankPage.cover(RankRange.atLeast(201)));
  }

  @Test
  void moreCovers() {
    assertEquals(List.of(page(0, 100), page(100, 100)), RankPage.cover(RankRange.ALL));
    assertEquals(List.of(page(0, 100), page(100, 100)), cover(1, 250));
    assertEquals(List.of(page(0, 100)), cover(1, 100));
    assertEquals(List.of(page(0, 1), page(1, 100)), cover(1, 101));
    assertEquals(List.of(page(100, 100)), cover(101, 200));
    assertEquals(List.of(page(100, 100)), RankPage.cover(RankRange.atLeast(150)));
    assertEquals(List.of(page(100, 100)), cover(200, 200));
    assertEquals(List.of(page(1, 99), page(100, 100)), cover(2, 200));
    assertEquals(List.of(), RankPage.cover(RankRange.NONE));
    assertEquals(List.of(), RankPage.cover(new RankRange(9, 3)));
    assertEquals(List.of(), cover(201, 250));
  }

  @Test
  void coverIsImmutable() {
    List<RankPage> pages = RankPage.cover(new RankRange(1, 50));
    assertThrows(UnsupportedOperationException.class, () -> pages.add(page(0, 1)));
  }

  /** Every 1 <= lo <= hi <= 250: the invariant, and the fewest pages. */
  @Test
  void exhaustive() {
    for (int lo = 1; lo <= 250; lo++) {
      for (int hi = lo; hi <= 250; hi++) {
        RankRange range = new RankRange(lo, hi);
        List<RankPage> pages = RankPage.cover(range);
        assertCoverInvariant(range, pages);
        int reachableCount = Math.max(0, Math.min(hi, 200) - lo + 1);
        int expected = reachableCount == 0 ? 0 : lo <= 101 ? (reachableCount + 99) / 100 : 1;
        assertEquals(expected, pages.size(), range + " -> " + pages);
      }
    }
  }

  @Test
  void unboundedRangesFromEveryStart() {
    for (int lo = 1; lo <= 250; lo++) {
      RankRange range = RankRange.atLeast(lo);
      assertCoverInvariant(range, RankPage.cover(range));
    }
  }
}
