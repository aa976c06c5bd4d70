package io.github.openrouterspark.api;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * The time buckets one analytics time series may return: bucket starts (UTC) of the requested
 * granularity whose bucket overlaps the requested {@code time_range}. A range need not start on a
 * bucket start, so the first bucket may begin before it. Which weekday a week starts on is not
 * documented (docs/api-contract.md §5), so a week bucket is only required to start at midnight.
 */
final class AnalyticsBuckets {
  private final String granularity;
  private final Instant start;
  private final Instant end;

  private AnalyticsBuckets(String granularity, Instant start, Instant end) {
    this.granularity = granularity;
    this.start = start;
    this.end = end;
  }

  /** The buckets of {@code query}, or null for totals (no granularity, so no time key). */
  static AnalyticsBuckets of(AnalyticsQueryBody query) {
    return query.granularity() == null
        ? null
        : new AnalyticsBuckets(query.granularity(), query.start(), query.end());
  }

  /** A row key that names a time bucket, of any granularity (docs/api-contract.md §5). */
  static boolean looksLikeTimeKey(String name) {
    return name.startsWith("date__") || name.startsWith("created_at__");
  }

  /**
   * The key this query's buckets come under: {@code date__<g>}, or {@code created_at__<g>} for some
   * sources.
   */
  boolean isTimeKey(String name) {
    return name.equals("date__" + granularity) || name.equals("created_at__" + granularity);
  }

  String keyNames() {
    return "date__" + granularity + " (or created_at__" + granularity + ")";
  }

  /**
   * Fails unless {@code bucket}, the value of {@code field}, is a bucket start inside the range.
   */
  void check(String field, String text, Instant bucket) {
    if (!aligned(bucket)) {
      throw new MalformedResponseException(
          "time bucket "
              + field
              + " '"
              + text
              + "' is not the start of a "
              + granularity
              + " (UTC)");
    }
    Instant bucketEnd = bucketEnd(bucket);
    if (!bucket.isBefore(end) || (bucketEnd != null && !bucketEnd.isAfter(start))) {
      throw new MalformedResponseException(
          "time bucket "
              + field
              + " '"
              + text
              + "' lies outside the requested"
              + " time_range "
              + start
              + " .. "
              + end
              + " (end exclusive)");
    }
  }

  private boolean aligned(Instant t) {
    return switch (granularity) {
      case "minute" -> t.truncatedTo(ChronoUnit.MINUTES).equals(t);
      case "hour" -> t.truncatedTo(ChronoUnit.HOURS).equals(t);
      case "day", "week" -> t.truncatedTo(ChronoUnit.DAYS).equals(t);
      case "month" -> t.truncatedTo(ChronoUnit.DAYS).equals(t) && day(t).getDayOfMonth() == 1;
      default -> true; // a granularity this connector does not know: only the range is checked
    };
  }

  /** The end of the bucket starting at {@code t}, or null when the granularity is unknown. */
  private Instant bucketEnd(Instant t) {
    return switch (granularity) {
      case "minute" -> t.plus(Duration.ofMinutes(1));
      case "hour" -> t.plus(Duration.ofHours(1));
      case "day" -> t.plus(Duration.ofDays(1));
      case "week" -> t.plus(Duration.ofDays(7));
      case "month" -> day(t).plusMonths(1).atStartOfDay(ZoneOffset.UTC).toInstant();
      default -> null;
    };
  }

  private static LocalDate day(Instant t) {
    return LocalDate.ofInstant(t, ZoneOffset.UTC);
  }
}
