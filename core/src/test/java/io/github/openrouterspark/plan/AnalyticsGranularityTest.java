package io.github.openrouterspark.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.openrouterspark.emulator.AnalyticsLog;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AnalyticsGranularityTest {
  private static Instant t(String iso) {
    return Instant.parse(iso);
  }

  @Test
  void apiNamesAreLowerCaseAndMatchTheEmulatorsMeta() {
    assertEquals(
        List.of("minute", "hour", "day", "week", "month"),
        Arrays.stream(AnalyticsGranularity.values()).map(AnalyticsGranularity::apiName).toList());
    assertEquals(
        AnalyticsLog.granularityNames(),
        Arrays.stream(AnalyticsGranularity.values()).map(AnalyticsGranularity::apiName).toList());
    assertEquals("minute, hour, day, week, month", AnalyticsGranularity.known());
  }

  @Test
  void parseIgnoresCaseAndSurroundingSpaceAndRejectsOtherNames() {
    assertEquals(AnalyticsGranularity.DAY, AnalyticsGranularity.parse(" Day "));
    assertEquals(AnalyticsGranularity.MONTH, AnalyticsGranularity.parse("MONTH"));
    assertEquals(AnalyticsGranularity.MINUTE, AnalyticsGranularity.parse("minute"));
    assertNull(AnalyticsGranularity.parse("days"));
    assertNull(AnalyticsGranularity.parse("quarter"));
    assertNull(AnalyticsGranularity.parse(""));
  }

  // 2026-05-12 is a Tuesday; its Sunday-based week starts 2026-05-10.
  @ParameterizedTest
  @CsvSource({
    "MINUTE, 2026-05-12T10:17:45.500Z, 2026-05-12T10:17:00Z, 2026-05-12T10:18:00Z",
    "HOUR,   2026-05-12T10:17:45.500Z, 2026-05-12T10:00:00Z, 2026-05-12T11:00:00Z",
    "DAY,    2026-05-12T10:17:45.500Z, 2026-05-12T00:00:00Z, 2026-05-13T00:00:00Z",
    "WEEK,   2026-05-12T10:17:45.500Z, 2026-05-10T00:00:00Z, 2026-05-17T00:00:00Z",
    "WEEK,   2026-05-10T00:00:00Z,     2026-05-10T00:00:00Z, 2026-05-17T00:00:00Z",
    "WEEK,   2026-05-09T23:59:59.999Z, 2026-05-03T00:00:00Z, 2026-05-10T00:00:00Z",
    "WEEK,   2026-06-07T12:00:00Z,     2026-06-07T00:00:00Z, 2026-06-14T00:00:00Z",
    "WEEK,   2026-01-01T00:00:00Z,     2025-12-28T00:00:00Z, 2026-01-04T00:00:00Z",
    "MONTH,  2026-05-12T10:17:45.500Z, 2026-05-01T00:00:00Z, 2026-06-01T00:00:00Z",
    "MONTH,  2026-12-31T23:59:59Z,     2026-12-01T00:00:00Z, 2027-01-01T00:00:00Z",
    "MONTH,  2028-02-29T08:00:00Z,     2028-02-01T00:00:00Z, 2028-03-01T00:00:00Z",
    "MONTH,  2026-02-01T00:00:00Z,     2026-02-01T00:00:00Z, 2026-03-01T00:00:00Z",
    "DAY,    2026-05-12T00:00:00Z,     2026-05-12T00:00:00Z, 2026-05-13T00:00:00Z",
    "HOUR,   2026-05-12T23:59:59Z,     2026-05-12T23:00:00Z, 2026-05-13T00:00:00Z"
  })
  void floorAndNextInUtc(AnalyticsGranularity g, String at, String floor, String next) {
    assertEquals(t(floor), g.floor(t(at)));
    assertEquals(t(next), g.next(t(at)));
    assertTrue(g.isBucketStart(t(floor)));
    assertEquals(t(floor), g.floor(t(floor)));
  }

  @Test
  void weeksStartOnSunday() {
    for (int d = 0; d < 21; d++) {
      Instant at = t("2026-03-01T05:00:00Z").plusSeconds(86_400L * d);
      LocalDate start = LocalDate.ofInstant(AnalyticsGranularity.WEEK.floor(at), ZoneOffset.UTC);
      assertEquals(DayOfWeek.SUNDAY, start.getDayOfWeek(), at.toString());
      assertTrue(!start.isAfter(LocalDate.ofInstant(at, ZoneOffset.UTC)));
    }
  }

  @Test
  void ceilIsIdentityOnABucketStartAndTheNextStartOtherwise() {
    assertEquals(
        t("2026-05-12T00:00:00Z"), AnalyticsGranularity.DAY.ceil(t("2026-05-12T00:00:00Z")));
    assertEquals(
        t("2026-05-13T00:00:00Z"), AnalyticsGranularity.DAY.ceil(t("2026-05-12T00:00:00.000001Z")));
    assertEquals(
        t("2026-06-01T00:00:00Z"), AnalyticsGranularity.MONTH.ceil(t("2026-05-02T00:00:00Z")));
    assertEquals(
        t("2026-05-17T00:00:00Z"), AnalyticsGranularity.WEEK.ceil(t("2026-05-11T00:00:00Z")));
    assertEquals(
        t("2026-05-10T00:00:00Z"), AnalyticsGranularity.WEEK.ceil(t("2026-05-10T00:00:00Z")));
    assertEquals(
        t("2026-05-12T10:18:00Z"), AnalyticsGranularity.MINUTE.ceil(t("2026-05-12T10:17:00.001Z")));
  }

  @Test
  void isBucketStart() {
    assertTrue(AnalyticsGranularity.HOUR.isBucketStart(t("2026-05-12T10:00:00Z")));
    assertFalse(AnalyticsGranularity.HOUR.isBucketStart(t("2026-05-12T10:00:01Z")));
    assertFalse(AnalyticsGranularity.WEEK.isBucketStart(t("2026-05-11T00:00:00Z"))); // a Monday
    assertTrue(AnalyticsGranularity.WEEK.isBucketStart(t("2026-05-10T00:00:00Z")));
    assertFalse(AnalyticsGranularity.MONTH.isBucketStart(t("2026-05-02T00:00:00Z")));
    assertTrue(AnalyticsGranularity.MONTH.isBucketStart(t("2026-05-01T00:00:00Z")));
  }
}
