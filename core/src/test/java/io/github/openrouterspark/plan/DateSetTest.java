package io.github.openrouterspark.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class DateSetTest {
  static final LocalDate MIN = LocalDate.MIN;
  static final LocalDate MAX = LocalDate.MAX;

  static LocalDate d(String iso) {
    return LocalDate.parse(iso);
  }

  static DateRange r(String start, String end) {
    return DateRange.of(d(start), d(end));
  }

  static DateSet set(String start, String end) {
    return DateSet.of(d(start), d(end));
  }

  @Nested
  class Construction {
    @Test
    void allAndNone() {
      assertEquals(List.of(new DateRange(MIN, MAX)), DateSet.ALL.ranges());
      assertTrue(DateSet.ALL.isAll());
      assertFalse(DateSet.ALL.isEmpty());
      assertTrue(DateSet.NONE.isEmpty());
      assertFalse(DateSet.NONE.isAll());
      assertEquals(List.of(), DateSet.NONE.ranges());
    }

    @Test
    void ofReversedEndsIsEmpty() {
      assertEquals(DateSet.NONE, set("2025-03-02", "2025-03-01"));
    }

    @Test
    void ofSingleDay() {
      DateSet s = set("2025-03-01", "2025-03-01");
      assertEquals(List.of(DateRange.single(d("2025-03-01"))), s.ranges());
      assertEquals(DateSet.of(DateRange.single(d("2025-03-01"))), s);
    }

    @Test
    void ofDatesSortsDeduplicatesAndMergesAdjacent() {
      DateSet s =
          DateSet.ofDates(
              List.of(
                  d("2025-03-05"),
                  d("2025-03-01"),
                  d("2025-03-02"),
                  d("2025-03-01"),
                  d("2025-03-03"),
                  d("2025-03-10")));
      assertEquals(
          List.of(
              r("2025-03-01", "2025-03-03"),
              r("2025-03-05", "2025-03-05"),
              r("2025-03-10", "2025-03-10")),
          s.ranges());
    }

    @Test
    void ofDatesEmptyIsNone() {
      assertEquals(DateSet.NONE, DateSet.ofDates(List.of()));
      assertEquals(DateSet.NONE, DateSet.ofDates(Set.of()));
    }

    @Test
    void ofDatesAtExtremes() {
      DateSet s = DateSet.ofDates(List.of(MAX, MIN, MIN.plusDays(1), MAX.minusDays(1)));
      assertEquals(
          List.of(new DateRange(MIN, MIN.plusDays(1)), new DateRange(MAX.minusDays(1), MAX)),
          s.ranges());
    }

    @Test
    void beforeAndAfterAreStrict() {
      LocalDate x = d("2025-06-15");
      assertEquals(DateSet.of(MIN, d("2025-06-14")), DateSet.before(x));
      assertEquals(DateSet.of(d("2025-06-16"), MAX), DateSet.after(x));
      assertFalse(DateSet.before(x).contains(x));
      assertFalse(DateSet.after(x).contains(x));
      assertTrue(DateSet.before(x).contains(x.minusDays(1)));
      assertTrue(DateSet.after(x).contains(x.plusDays(1)));
    }

    @Test
    void atOrBeforeAndAtOrAfterAreInclusive() {
      LocalDate x = d("2025-06-15");
      assertEquals(DateSet.of(MIN, x), DateSet.atOrBefore(x));
      assertEquals(DateSet.of(x, MAX), DateSet.atOrAfter(x));
      assertTrue(DateSet.atOrBefore(x).contains(x));
      assertTrue(DateSet.atOrAfter(x).contains(x));
      assertFalse(DateSet.atOrBefore(x).contains(x.plusDays(1)));
      assertFalse(DateSet.atOrAfter(x).contains(x.minusDays(1)));
    }

    @Test
    void beforeMinAndAfterMaxAreEmpty() {
      assertEquals(DateSet.NONE, DateSet.before(MIN));
      assertEquals(DateSet.NONE, DateSet.after(MAX));
      assertEquals(DateSet.ALL, DateSet.atOrAfter(MIN));
      assertEquals(DateSet.ALL, DateSet.atOrBefore(MAX));
      assertEquals(DateSet.of(MIN, MIN), DateSet.before(MIN.plusDays(1)));
      assertEquals(DateSet.of(MAX, MAX), DateSet.after(MAX.minusDays(1)));
    }
  }

  @Nested
  class Union {
    @Test
    void disjointStaysSeparateAndSorted() {
      DateSet a = set("2025-05-01", "2025-05-03");
      DateSet b = set("2025-03-01", "2025-03-03");
      assertEquals(
          List.of(r("2025-03-01", "2025-03-03"), r("2025-05-01", "2025-05-03")),
          a.union(b).ranges());
      assertEquals(a.union(b), b.union(a));
    }

    @Test
    void adjacentRangesMerge() {
      DateSet a = set("2025-03-01", "2025-03-03");
      DateSet b = set("2025-03-04", "2025-03-06");
      assertEquals(List.of(r("2025-03-01", "2025-03-06")), a.union(b).ranges());
      assertEquals(List.of(r("2025-03-01", "2025-03-06")), b.union(a).ranges());
    }

    @Test
    void adjacentAcrossMonthAndLeapDayMerge() {
      DateSet a = set("2024-02-20", "2024-02-28");
      DateSet b = set("2024-02-29", "2024-03-01");
      assertEquals(List.of(r("2024-02-20", "2024-03-01")), a.union(b).ranges());
    }

    @Test
    void oneDayGapDoesNotMerge() {
      DateSet a = set("2025-03-01", "2025-03-03");
      DateSet b = set("2025-03-05", "2025-03-06");
      assertEquals(2, a.union(b).ranges().size());
      assertFalse(a.union(b).contains(d("2025-03-04")));
    }

    @Test
    void overlappingAndContainedMerge() {
      DateSet a = set("2025-03-01", "2025-03-10");
      assertEquals(a, a.union(set("2025-03-03", "2025-03-04")));
      assertEquals(set("2025-03-01", "2025-03-15"), a.union(set("2025-03-05", "2025-03-15")));
      assertEquals(set("2025-02-20", "2025-03-10"), a.union(set("2025-02-20", "2025-03-01")));
    }

    @Test
    void bridgingRangeJoinsSeveral() {
      DateSet a = DateSet.ofDates(List.of(d("2025-03-01"), d("2025-03-05"), d("2025-03-09")));
      DateSet bridge = set("2025-03-02", "2025-03-08");
      assertEquals(set("2025-03-01", "2025-03-09"), a.union(bridge));
    }

    @Test
    void withNoneAndAll() {
      DateSet a = set("2025-03-01", "2025-03-10");
      assertEquals(a, a.union(DateSet.NONE));
      assertEquals(a, DateSet.NONE.union(a));
      assertEquals(DateSet.ALL, a.union(DateSet.ALL));
      assertEquals(DateSet.ALL, DateSet.ALL.union(a));
      assertEquals(DateSet.NONE, DateSet.NONE.union(DateSet.NONE));
    }

    @Test
    void openEndsMeetToAll() {
      LocalDate x = d("2025-06-15");
      assertEquals(DateSet.ALL, DateSet.before(x).union(DateSet.atOrAfter(x)));
      assertEquals(DateSet.ALL, DateSet.atOrAfter(x).union(DateSet.before(x)));
      assertTrue(DateSet.atOrBefore(x).union(DateSet.after(x)).isAll());
    }

    @Test
    void rangeEndingAtMaxAbsorbsLaterStarts() {
      DateSet a = DateSet.atOrAfter(d("2025-01-01"));
      DateSet b = DateSet.ofDates(List.of(d("2026-01-01"), MAX));
      assertEquals(a, a.union(b));
      assertEquals(a, b.union(a));
      assertEquals(List.of(new DateRange(d("2025-01-01"), MAX)), a.union(b).ranges());
    }

    @Test
    void adjacencyAtMinAndMax() {
      assertEquals(DateSet.ALL, DateSet.of(MIN, MIN).union(DateSet.of(MIN.plusDays(1), MAX)));
      assertEquals(DateSet.ALL, DateSet.of(MAX, MAX).union(DateSet.of(MIN, MAX.minusDays(1))));
    }
  }

  @Nested
  class Intersect {
    @Test
    void overlapping() {
      assertEquals(
          set("2025-03-05", "2025-03-10"),
          set("2025-03-01", "2025-03-10").intersect(set("2025-03-05", "2025-03-20")));
    }

    @Test
    void touchingOnOneDay() {
      assertEquals(
          set("2025-03-10", "2025-03-10"),
          set("2025-03-01", "2025-03-10").intersect(set("2025-03-10", "2025-03-20")));
    }

    @Test
    void adjacentButDisjointIsEmpty() {
      assertTrue(
          set("2025-03-01", "2025-03-10").intersect(set("2025-03-11", "2025-03-20")).isEmpty());
    }

    @Test
    void multiRange() {
      DateSet a =
          DateSet.ofDates(
              List.of(d("2025-03-01"), d("2025-03-03"), d("2025-03-05"), d("2025-03-07")));
      DateSet b = set("2025-03-02", "2025-03-06");
      assertEquals(DateSet.ofDates(List.of(d("2025-03-03"), d("2025-03-05"))), a.intersect(b));
      assertEquals(a.intersect(b), b.intersect(a));
    }

    @Test
    void oneRangeSpanningManyOfTheOther() {
      DateSet many =
          set("2025-01-01", "2025-01-05")
              .union(set("2025-02-01", "2025-02-05"))
              .union(set("2025-03-01", "2025-03-05"));
      DateSet span = set("2025-01-03", "2025-03-02");
      DateSet expected =
          set("2025-01-03", "2025-01-05")
              .union(set("2025-02-01", "2025-02-05"))
              .union(set("2025-03-01", "2025-03-02"));
      assertEquals(expected, many.intersect(span));
      assertEquals(expected, span.intersect(many));
    }

    @Test
    void withNoneAndAll() {
      DateSet a = set("2025-03-01", "2025-03-10");
      assertEquals(a, a.intersect(DateSet.ALL));
      assertEquals(a, DateSet.ALL.intersect(a));
      assertEquals(DateSet.NONE, a.intersect(DateSet.NONE));
      assertEquals(DateSet.NONE, DateSet.NONE.intersect(a));
      assertEquals(DateSet.ALL, DateSet.ALL.intersect(DateSet.ALL));
    }

    @Test
    void halfOpenSetsMakeBoundedRange() {
      DateSet s = DateSet.atOrAfter(d("2025-03-01")).intersect(DateSet.before(d("2025-04-01")));
      assertEquals(set("2025-03-01", "2025-03-31"), s);
      assertTrue(s.isBoundedAbove());
      assertTrue(s.isBoundedBelow());
    }

    @Test
    void disjointHalfOpenSetsAreEmpty() {
      assertEquals(
          DateSet.NONE, DateSet.after(d("2025-03-01")).intersect(DateSet.before(d("2025-03-02"))));
      assertEquals(
          DateSet.of(d("2025-03-01"), d("2025-03-01")),
          DateSet.atOrAfter(d("2025-03-01")).intersect(DateSet.atOrBefore(d("2025-03-01"))));
    }
  }

  @Nested
  class Complement {
    @Test
    void ofAllAndNone() {
      assertEquals(DateSet.NONE, DateSet.ALL.complement());
      assertEquals(DateSet.ALL, DateSet.NONE.complement());
    }

    @Test
    void ofBoundedRange() {
      DateSet c = set("2025-03-01", "2025-03-10").complement();
      assertEquals(
          List.of(new DateRange(MIN, d("2025-02-28")), new DateRange(d("2025-03-11"), MAX)),
          c.ranges());
      assertFalse(c.isBoundedBelow());
      assertFalse(c.isBoundedAbove());
    }

    @Test
    void ofHalfOpenRanges() {
      LocalDate x = d("2025-03-01");
      assertEquals(DateSet.before(x), DateSet.atOrAfter(x).complement());
      assertEquals(DateSet.after(x), DateSet.atOrBefore(x).complement());
    }

    @Test
    void ofRangesTouchingMinAndMax() {
      assertEquals(DateSet.of(MIN.plusDays(1), MAX), DateSet.of(MIN, MIN).complement());
      assertEquals(DateSet.of(MIN, MAX.minusDays(1)), DateSet.of(MAX, MAX).complement());
      DateSet ends = DateSet.ofDates(List.of(MIN, MAX));
      assertEquals(DateSet.of(MIN.plusDays(1), MAX.minusDays(1)), ends.complement());
      assertEquals(ends, ends.complement().complement());
    }

    @Test
    void ofSeveralRanges() {
      DateSet s = DateSet.ofDates(List.of(d("2025-03-01"), d("2025-03-03")));
      DateSet c = s.complement();
      assertEquals(
          List.of(
              new DateRange(MIN, d("2025-02-28")),
              r("2025-03-02", "2025-03-02"),
              new DateRange(d("2025-03-04"), MAX)),
          c.ranges());
    }

    @Test
    void complementOfComplementIsIdentity() {
      List<DateSet> samples =
          List.of(
              DateSet.ALL,
              DateSet.NONE,
              set("2025-03-01", "2025-03-10"),
              DateSet.atOrAfter(d("2025-01-01")),
              DateSet.before(d("2025-01-01")),
              DateSet.ofDates(List.of(d("2025-03-01"), d("2025-03-03"), d("2025-04-01"))),
              DateSet.of(MIN, MIN),
              DateSet.of(MAX, MAX),
              set("2025-01-01", "2025-01-01").complement());
      for (DateSet s : samples) {
        assertEquals(s, s.complement().complement(), s.toString());
        assertEquals(DateSet.NONE, s.intersect(s.complement()), s.toString());
        assertEquals(DateSet.ALL, s.union(s.complement()), s.toString());
      }
    }
  }

  @Nested
  class Queries {
    @Test
    void containsChecksEveryRange() {
      DateSet s =
          DateSet.ofDates(List.of(d("2025-03-01"), d("2025-03-03")))
              .union(set("2025-04-01", "2025-04-30"));
      assertTrue(s.contains(d("2025-03-01")));
      assertFalse(s.contains(d("2025-03-02")));
      assertTrue(s.contains(d("2025-03-03")));
      assertFalse(s.contains(d("2025-02-28")));
      assertTrue(s.contains(d("2025-04-01")));
      assertTrue(s.contains(d("2025-04-15")));
      assertTrue(s.contains(d("2025-04-30")));
      assertFalse(s.contains(d("2025-05-01")));
      assertFalse(s.contains(MIN));
      assertFalse(s.contains(MAX));
    }

    @Test
    void containsOnAllAndNone() {
      assertTrue(DateSet.ALL.contains(MIN));
      assertTrue(DateSet.ALL.contains(MAX));
      assertTrue(DateSet.ALL.contains(d("2025-01-01")));
      assertFalse(DateSet.NONE.contains(d("2025-01-01")));
    }

    @Test
    void boundedness() {
      assertFalse(DateSet.ALL.isBoundedBelow());
      assertFalse(DateSet.ALL.isBoundedAbove());
      assertFalse(DateSet.NONE.isBoundedBelow());
      assertFalse(DateSet.NONE.isBoundedAbove());
      assertTrue(set("2025-01-01", "2025-01-02").isBoundedBelow());
      assertTrue(set("2025-01-01", "2025-01-02").isBoundedAbove());
      assertTrue(DateSet.atOrAfter(d("2025-01-01")).isBoundedBelow());
      assertFalse(DateSet.atOrAfter(d("2025-01-01")).isBoundedAbove());
      assertFalse(DateSet.atOrBefore(d("2025-01-01")).isBoundedBelow());
      assertTrue(DateSet.atOrBefore(d("2025-01-01")).isBoundedAbove());
      DateSet holes = set("2025-03-01", "2025-03-10").complement();
      assertFalse(holes.isBoundedBelow());
      assertFalse(holes.isBoundedAbove());
    }

    @Test
    void firstAndLast() {
      DateSet s = DateSet.ofDates(List.of(d("2025-03-09"), d("2025-03-01"), d("2025-03-03")));
      assertEquals(d("2025-03-01"), s.first());
      assertEquals(d("2025-03-09"), s.last());
      assertEquals(MIN, DateSet.ALL.first());
      assertEquals(MAX, DateSet.ALL.last());
      assertEquals(d("2025-01-01"), DateSet.atOrAfter(d("2025-01-01")).first());
      assertEquals(MAX, DateSet.atOrAfter(d("2025-01-01")).last());
    }

    @Test
    void firstAndLastOfEmptyThrow() {
      assertThrows(IndexOutOfBoundsException.class, DateSet.NONE::first);
      assertThrows(IndexOutOfBoundsException.class, DateSet.NONE::last);
    }

    @Test
    void rangesAreImmutable() {
      DateSet s = set("2025-03-01", "2025-03-10");
      assertThrows(
          UnsupportedOperationException.class, () -> s.ranges().add(r("2025-04-01", "2025-04-02")));
    }
  }

  @Nested
  class Equality {
    @Test
    void equalsIsStructuralAndCanonical() {
      DateSet a = set("2025-03-01", "2025-03-03");
      DateSet b = DateSet.ofDates(List.of(d("2025-03-03"), d("2025-03-02"), d("2025-03-01")));
      DateSet c = set("2025-03-01", "2025-03-01").union(set("2025-03-02", "2025-03-03"));
      assertEquals(a, b);
      assertEquals(a, c);
      assertEquals(a.hashCode(), b.hashCode());
      assertEquals(a.hashCode(), c.hashCode());
      assertNotEquals(a, set("2025-03-01", "2025-03-04"));
      assertNotEquals(a, DateSet.NONE);
      assertNotEquals(a, null);
      assertNotEquals(a, "2025-03-01..2025-03-03");
    }

    @Test
    void isAllRecognisesComputedAll() {
      DateSet computed = DateSet.before(d("2025-01-01")).union(DateSet.atOrAfter(d("2025-01-01")));
      assertTrue(computed.isAll());
      assertEquals(DateSet.ALL.hashCode(), computed.hashCode());
    }

    @Test
    void serializationRoundTrip() throws Exception {
      DateSet s =
          DateSet.ofDates(List.of(d("2025-03-01"), d("2025-03-03")))
              .union(DateSet.after(d("2026-01-01")));
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
        out.writeObject(s);
      }
      try (ObjectInputStream in =
          new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
        assertEquals(s, in.readObject());
      }
    }

    @Test
    void toStringIsReadable() {
      assertEquals("all dates", DateSet.ALL.toString());
      assertEquals("no dates", DateSet.NONE.toString());
      assertEquals(
          "{2025-03-01..2025-03-03, 2025-03-05}",
          set("2025-03-01", "2025-03-03").union(set("2025-03-05", "2025-03-05")).toString());
      assertEquals("{≥2025-03-01..}", DateSet.atOrAfter(d("2025-03-01")).toString());
      assertEquals("{..≤2025-03-01}", DateSet.atOrBefore(d("2025-03-01")).toString());
    }
  }

  /**
   * Compares union, intersect and complement with a brute-force bit set over a small universe of
   * dates. Sets are built only from ranges inside the universe or open towards MIN/MAX, so the bits
   * at the universe's edges stand for "and everything beyond".
   */
  @Nested
  class AgainstBruteForce {
    static final LocalDate BASE = LocalDate.of(2025, 1, 1);
    static final int SIZE = 40;

    /**
     * Universe index 0 stands for MIN..BASE, SIZE-1 for BASE+SIZE-2..MAX; the rest are single days.
     */
    DateSet randomSet(Random random, BitSet bits) {
      DateSet s = DateSet.NONE;
      int pieces = random.nextInt(5);
      for (int k = 0; k < pieces; k++) {
        int a = random.nextInt(SIZE);
        int b = a + random.nextInt(Math.min(8, SIZE - a));
        s = s.union(DateSet.of(toDate(a, true), toDate(b, false)));
        bits.set(a, b + 1);
      }
      if (random.nextInt(10) == 0) {
        s = s.complement();
        bits.flip(0, SIZE);
      }
      return s;
    }

    LocalDate toDate(int index, boolean asStart) {
      if (index == 0 && asStart) {
        return MIN;
      }
      if (index == SIZE - 1 && !asStart) {
        return MAX;
      }
      return BASE.plusDays(index);
    }

    void assertMatches(BitSet expected, DateSet actual, String context) {
      for (int i = 0; i < SIZE; i++) {
        assertEquals(
            expected.get(i), actual.contains(BASE.plusDays(i)), context + " at index " + i);
      }
      assertEquals(expected.get(0), actual.contains(MIN), context + " at MIN");
      assertEquals(expected.get(SIZE - 1), actual.contains(MAX), context + " at MAX");
      assertEquals(expected.isEmpty(), actual.isEmpty(), context + " emptiness");
      assertEquals(expected.cardinality() == SIZE, actual.isAll(), context + " isAll");
      assertEquals(
          !expected.get(0) && !expected.isEmpty(),
          actual.isBoundedBelow(),
          context + " boundedBelow");
      assertEquals(
          !expected.get(SIZE - 1) && !expected.isEmpty(),
          actual.isBoundedAbove(),
          context + " boundedAbove");
      assertCanonical(actual, context);
    }

    void assertCanonical(DateSet s, String context) {
      List<DateRange> ranges = s.ranges();
      for (int i = 1; i < ranges.size(); i++) {
        DateRange prev = ranges.get(i - 1);
        DateRange cur = ranges.get(i);
        assertTrue(
            cur.start().isAfter(prev.end().plusDays(1)),
            context + ": ranges must be sorted, disjoint and non-adjacent: " + ranges);
      }
    }

    /** The canonical set a bit pattern stands for, built independently of union(). */
    DateSet fromBits(BitSet bits) {
      List<DateRange> ranges = new ArrayList<>();
      int i = bits.nextSetBit(0);
      DateSet s = DateSet.NONE;
      while (i >= 0) {
        int end = bits.nextClearBit(i) - 1;
        ranges.add(new DateRange(toDate(i, true), toDate(end, false)));
        i = bits.nextSetBit(end + 1);
      }
      for (DateRange r : ranges) {
        s = s.union(DateSet.of(r));
      }
      assertEquals(ranges, s.ranges());
      return s;
    }

    @Test
    void randomizedUnionIntersectComplement() {
      Random random = new Random(20250301L);
      for (int n = 0; n < 500; n++) {
        BitSet aBits = new BitSet(SIZE);
        BitSet bBits = new BitSet(SIZE);
        DateSet a = randomSet(random, aBits);
        DateSet b = randomSet(random, bBits);
        String ctx = "case " + n + " a=" + a + " b=" + b;
        assertMatches(aBits, a, ctx + " a");
        assertMatches(bBits, b, ctx + " b");

        BitSet union = (BitSet) aBits.clone();
        union.or(bBits);
        assertMatches(union, a.union(b), ctx + " union");
        assertEquals(a.union(b), b.union(a), ctx + " union commutes");
        assertEquals(fromBits(union), a.union(b), ctx + " union canonical");

        BitSet inter = (BitSet) aBits.clone();
        inter.and(bBits);
        assertMatches(inter, a.intersect(b), ctx + " intersect");
        assertEquals(a.intersect(b), b.intersect(a), ctx + " intersect commutes");
        assertEquals(fromBits(inter), a.intersect(b), ctx + " intersect canonical");

        BitSet comp = (BitSet) aBits.clone();
        comp.flip(0, SIZE);
        assertMatches(comp, a.complement(), ctx + " complement");
        assertEquals(fromBits(comp), a.complement(), ctx + " complement canonical");
        assertEquals(a, a.complement().complement(), ctx + " double complement");

        // De Morgan
        assertEquals(
            a.union(b).complement(),
            a.complement().intersect(b.complement()),
            ctx + " De Morgan 1");
        assertEquals(
            a.intersect(b).complement(),
            a.complement().union(b.complement()),
            ctx + " De Morgan 2");
      }
    }
  }
}
