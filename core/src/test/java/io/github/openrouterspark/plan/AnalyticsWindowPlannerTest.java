package io.github.openrouterspark.plan;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class AnalyticsWindowPlannerTest {
  private static final Duration YEAR = AnalyticsCaps.GENERAL;
  private static final Duration MONTH_CAP = AnalyticsCaps.GENERATIONS;
  private static final Duration MINUTES_CAP = AnalyticsCaps.MINUTE_BUCKETS;

  private static Instant t(String iso) {
    return Instant.parse(iso);
  }

  private static TimeWindow w(String start, String end) {
    return new TimeWindow(t(start), t(end));
  }

  private static List<TimeWindow> plan(
      String start, String end, AnalyticsGranularity g, Duration cap) {
    List<TimeWindow> windows = AnalyticsWindowPlanner.plan(t(start), t(end), g, cap);
    assertCovers(windows, t(start), t(end), g, cap);
    return windows;
  }

  /** Contiguous, within the cap, covering [start, end), inner boundaries at bucket starts. */
  private static void assertCovers(
      List<TimeWindow> windows, Instant start, Instant end, AnalyticsGranularity g, Duration cap) {
    assertEquals(start, windows.get(0).start());
    assertEquals(end, windows.get(windows.size() - 1).end());
    for (int i = 0; i < windows.size(); i++) {
      TimeWindow window = windows.get(i);
      assertTrue(window.length().compareTo(cap) <= 0, window + " is longer than " + cap);
      if (i > 0) {
        assertEquals(windows.get(i - 1).end(), window.start());
        if (g != null) {
          assertTrue(
              g.isBucketStart(window.start()),
              window + " does not start at a " + g + " bucket start");
        }
      }
    }
  }

  @Test
  void fourHundredDaysOfDaysAreTwoWindowsSplitAtADayStart() {
    assertEquals(
        List.of(
            w("2025-01-01T00:00:00Z", "2026-01-01T00:00:00Z"),
            w("2026-01-01T00:00:00Z", "2026-02-05T00:00:00Z")),
        plan("2025-01-01T00:00:00Z", "2026-02-05T00:00:00Z", AnalyticsGranularity.DAY, YEAR));
  }

  @Test
  void aRangeWithinTheCapIsOneWindow() {
    assertEquals(
        List.of(w("2026-05-01T00:00:00Z", "2026-05-08T00:00:00Z")),
        plan("2026-05-01T00:00:00Z", "2026-05-08T00:00:00Z", AnalyticsGranularity.DAY, YEAR));
    assertEquals(
        List.of(w("2026-05-01T00:00:00Z", "2026-05-08T00:00:00Z")),
        plan("2026-05-01T00:00:00Z", "2026-05-08T00:00:00Z", null, YEAR));
  }

  @Test
  void anEmptyOrReversedRangeHasNoWindows() {
    assertEquals(
        List.of(),
        AnalyticsWindowPlanner.plan(
            t("2026-05-01T00:00:00Z"), t("2026-05-01T00:00:00Z"), AnalyticsGranularity.DAY, YEAR));
    assertEquals(
        List.of(),
        AnalyticsWindowPlanner.plan(
            t("2026-05-02T00:00:00Z"), t("2026-05-01T00:00:00Z"), null, YEAR));
  }

  @Test
  void monthBucketsAreNeverCut() {
    // 2024 is a leap year: its twelve months are 366 days, over the cap, so the first window stops
    // at
    // December; December 2024 to November 2025 is 365 days again.
    assertEquals(
        List.of(
            w("2024-01-01T00:00:00Z", "2024-12-01T00:00:00Z"),
            w("2024-12-01T00:00:00Z", "2025-12-01T00:00:00Z"),
            w("2025-12-01T00:00:00Z", "2026-03-01T00:00:00Z")),
        plan("2024-01-01T00:00:00Z", "2026-03-01T00:00:00Z", AnalyticsGranularity.MONTH, YEAR));
    // 2025 is not: its twelve months are exactly 365 days.
    assertEquals(
        List.of(
            w("2025-01-01T00:00:00Z", "2026-01-01T00:00:00Z"),
            w("2026-01-01T00:00:00Z", "2026-07-01T00:00:00Z")),
        plan("2025-01-01T00:00:00Z", "2026-07-01T00:00:00Z", AnalyticsGranularity.MONTH, YEAR));
  }

  @Test
  void thirtyOneDayCapWithMonthsIsOneMonthPerWindow() {
    assertEquals(
        List.of(
            w("2025-01-01T00:00:00Z", "2025-02-01T00:00:00Z"),
            w("2025-02-01T00:00:00Z", "2025-03-01T00:00:00Z"),
            w("2025-03-01T00:00:00Z", "2025-04-01T00:00:00Z"),
            w("2025-04-01T00:00:00Z", "2025-05-01T00:00:00Z")),
        plan(
            "2025-01-01T00:00:00Z", "2025-05-01T00:00:00Z", AnalyticsGranularity.MONTH, MONTH_CAP));
  }

  @Test
  void thirtyOneDayCapWithWeeksEndsWindowsOnSundays() {
    // 2026-05-13 is a Wednesday; the first window runs to the last Sunday within 31 days.
    assertEquals(
        List.of(
            w("2026-05-13T00:00:00Z", "2026-06-07T00:00:00Z"),
            w("2026-06-07T00:00:00Z", "2026-07-01T00:00:00Z")),
        plan("2026-05-13T00:00:00Z", "2026-07-01T00:00:00Z", AnalyticsGranularity.WEEK, MONTH_CAP));
  }

  @Test
  void sevenHoursOfMinutesAreThreeWindowsOfAtMostThreeHours() {
    List<TimeWindow> windows =
        plan(
            "2026-05-12T00:00:00Z",
            "2026-05-12T07:00:00Z",
            AnalyticsGranularity.MINUTE,
            MINUTES_CAP);
    assertEquals(
        List.of(
            w("2026-05-12T00:00:00Z", "2026-05-12T03:00:00Z"),
            w("2026-05-12T03:00:00Z", "2026-05-12T06:00:00Z"),
            w("2026-05-12T06:00:00Z", "2026-05-12T07:00:00Z")),
        windows);
  }

  @Test
  void anUnalignedStartFillsTheFirstWindowUpToABucketStart() {
    assertEquals(
        List.of(
            w("2025-01-01T06:00:00Z", "2025-01-04T00:00:00Z"),
            w("2025-01-04T00:00:00Z", "2025-01-07T00:00:00Z"),
            w("2025-01-07T00:00:00Z", "2025-01-10T00:00:00Z")),
        plan(
            "2025-01-01T06:00:00Z",
            "2025-01-10T00:00:00Z",
            AnalyticsGranularity.DAY,
            Duration.ofDays(3)));
    // Minutes with seconds: the first window ends at a whole minute.
    assertEquals(
        List.of(
            w("2026-05-12T00:00:30Z", "2026-05-12T03:00:00Z"),
            w("2026-05-12T03:00:00Z", "2026-05-12T04:00:00Z")),
        plan(
            "2026-05-12T00:00:30Z",
            "2026-05-12T04:00:00Z",
            AnalyticsGranularity.MINUTE,
            MINUTES_CAP));
  }

  @Test
  void anUnalignedEndIsKept() {
    assertEquals(
        List.of(
            w("2025-01-01T00:00:00Z", "2025-01-04T00:00:00Z"),
            w("2025-01-04T00:00:00Z", "2025-01-05T12:00:00Z")),
        plan(
            "2025-01-01T00:00:00Z",
            "2025-01-05T12:00:00Z",
            AnalyticsGranularity.DAY,
            Duration.ofDays(3)));
  }

  @Test
  void withoutAGranularityWindowsAreSlicesOfTheCap() {
    assertEquals(
        List.of(
            w("2025-01-01T00:00:00Z", "2025-01-04T00:00:00Z"),
            w("2025-01-04T00:00:00Z", "2025-01-07T00:00:00Z"),
            w("2025-01-07T00:00:00Z", "2025-01-10T00:00:00Z"),
            w("2025-01-10T00:00:00Z", "2025-01-11T00:00:00Z")),
        plan("2025-01-01T00:00:00Z", "2025-01-11T00:00:00Z", null, Duration.ofDays(3)));
    // Unaligned instants stay where they are.
    assertEquals(
        List.of(
            w("2025-01-01T06:30:00Z", "2026-01-01T06:30:00Z"),
            w("2026-01-01T06:30:00Z", "2026-01-02T00:00:00Z")),
        plan("2025-01-01T06:30:00Z", "2026-01-02T00:00:00Z", null, YEAR));
  }

  @Test
  void splitHalvesAtABucketStartNearTheMiddle() {
    assertArrayEquals(
        new TimeWindow[] {
          w("2026-05-01T00:00:00Z", "2026-05-04T00:00:00Z"),
          w("2026-05-04T00:00:00Z", "2026-05-08T00:00:00Z")
        },
        AnalyticsWindowPlanner.split(
            w("2026-05-01T00:00:00Z", "2026-05-08T00:00:00Z"), AnalyticsGranularity.DAY));
    assertArrayEquals(
        new TimeWindow[] {
          w("2026-05-01T00:00:00Z", "2026-05-02T00:00:00Z"),
          w("2026-05-02T00:00:00Z", "2026-05-03T00:00:00Z")
        },
        AnalyticsWindowPlanner.split(
            w("2026-05-01T00:00:00Z", "2026-05-03T00:00:00Z"), AnalyticsGranularity.DAY));
    assertArrayEquals(
        new TimeWindow[] {
          w("2026-05-12T00:00:00Z", "2026-05-12T01:30:00Z"),
          w("2026-05-12T01:30:00Z", "2026-05-12T03:00:00Z")
        },
        AnalyticsWindowPlanner.split(
            w("2026-05-12T00:00:00Z", "2026-05-12T03:00:00Z"), AnalyticsGranularity.MINUTE));
  }

  @Test
  void splitOfTwoMonthsFallsOnTheSecondMonthsStart() {
    // The middle (January 30th) floors to the window's own start, so the next bucket start is used.
    assertArrayEquals(
        new TimeWindow[] {
          w("2026-01-01T00:00:00Z", "2026-02-01T00:00:00Z"),
          w("2026-02-01T00:00:00Z", "2026-03-01T00:00:00Z")
        },
        AnalyticsWindowPlanner.split(
            w("2026-01-01T00:00:00Z", "2026-03-01T00:00:00Z"), AnalyticsGranularity.MONTH));
  }

  @Test
  void splitOfUnalignedWindowUsesAnInnerBucketStart() {
    assertArrayEquals(
        new TimeWindow[] {
          w("2026-05-01T12:00:00Z", "2026-05-02T00:00:00Z"),
          w("2026-05-02T00:00:00Z", "2026-05-02T12:00:00Z")
        },
        AnalyticsWindowPlanner.split(
            w("2026-05-01T12:00:00Z", "2026-05-02T12:00:00Z"), AnalyticsGranularity.DAY));
  }

  @Test
  void aSingleBucketCannotBeSplit() {
    assertNull(
        AnalyticsWindowPlanner.split(
            w("2026-05-01T00:00:00Z", "2026-05-02T00:00:00Z"), AnalyticsGranularity.DAY));
    assertNull(
        AnalyticsWindowPlanner.split(
            w("2026-05-01T00:00:00Z", "2026-06-01T00:00:00Z"), AnalyticsGranularity.MONTH));
    assertNull(
        AnalyticsWindowPlanner.split(
            w("2026-05-10T00:00:00Z", "2026-05-17T00:00:00Z"), AnalyticsGranularity.WEEK));
    assertNull(
        AnalyticsWindowPlanner.split(
            w("2026-05-12T10:00:00Z", "2026-05-12T10:01:00Z"), AnalyticsGranularity.MINUTE));
    // Part of one bucket: no bucket start strictly inside.
    assertNull(
        AnalyticsWindowPlanner.split(
            w("2026-05-01T06:00:00Z", "2026-05-02T00:00:00Z"), AnalyticsGranularity.DAY));
  }

  @Test
  void withoutAGranularitySplitIsAtTheMiddleSecond() {
    assertArrayEquals(
        new TimeWindow[] {
          w("2026-05-01T00:00:00Z", "2026-05-04T12:00:00Z"),
          w("2026-05-04T12:00:00Z", "2026-05-08T00:00:00Z")
        },
        AnalyticsWindowPlanner.split(w("2026-05-01T00:00:00Z", "2026-05-08T00:00:00Z"), null));
    // 3 seconds: the middle (1.5 s) truncates to 1 s.
    assertArrayEquals(
        new TimeWindow[] {
          w("2026-05-01T00:00:00Z", "2026-05-01T00:00:01Z"),
          w("2026-05-01T00:00:01Z", "2026-05-01T00:00:03Z")
        },
        AnalyticsWindowPlanner.split(w("2026-05-01T00:00:00Z", "2026-05-01T00:00:03Z"), null));
    assertArrayEquals(
        new TimeWindow[] {
          w("2026-05-01T00:00:00Z", "2026-05-01T00:00:01Z"),
          w("2026-05-01T00:00:01Z", "2026-05-01T00:00:02Z")
        },
        AnalyticsWindowPlanner.split(w("2026-05-01T00:00:00Z", "2026-05-01T00:00:02Z"), null));
    assertNull(
        AnalyticsWindowPlanner.split(w("2026-05-01T00:00:00Z", "2026-05-01T00:00:01Z"), null));
  }

  @Test
  void timeWindowIsHalfOpenAndNonEmpty() {
    TimeWindow window = w("2026-05-01T00:00:00Z", "2026-05-01T03:00:00Z");
    assertEquals(Duration.ofHours(3), window.length());
    assertEquals("2026-05-01T00:00:00Z..2026-05-01T03:00:00Z", window.toString());
    assertThrows(
        IllegalArgumentException.class, () -> w("2026-05-01T00:00:00Z", "2026-05-01T00:00:00Z"));
    assertThrows(
        IllegalArgumentException.class, () -> w("2026-05-02T00:00:00Z", "2026-05-01T00:00:00Z"));
  }
}
