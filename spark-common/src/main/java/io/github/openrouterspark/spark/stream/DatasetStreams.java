package io.github.openrouterspark.spark.stream;

import io.github.openrouterspark.api.RankingsDailyQuery;
import io.github.openrouterspark.options.DatasetName;
import io.github.openrouterspark.options.InvalidOptionException;
import io.github.openrouterspark.options.RankingSelection;
import io.github.openrouterspark.options.ReadOptions;
import io.github.openrouterspark.plan.AnalyticsGranularity;
import io.github.openrouterspark.plan.BucketCalendar;
import io.github.openrouterspark.plan.DatePlanner;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.connector.read.streaming.MicroBatchStream;

/**
 * Which datasets can be read as a stream, and the stream of a validated read: its unit, and its
 * first offset (the startDate or startTime option, else the datasets' first day, 2025-01-01), kept
 * under the checkpoint so that it never moves.
 */
public final class DatasetStreams {
  private DatasetStreams() {}

  /** Datasets whose rows belong to completed days or buckets; analytics-meta has none. */
  public static boolean supports(DatasetName dataset) {
    return dataset != DatasetName.ANALYTICS_META;
  }

  /**
   * The stream for {@code spark.readStream}; fails, before any request, on options a stream cannot
   * honour.
   *
   * @param checkpointLocation the source's own folder under the query's checkpoint
   */
  public static MicroBatchStream open(ReadOptions options, String checkpointLocation) {
    options.requireApiKey();
    StreamUnit unit = unit(options);
    Instant origin = unit.start(origin(options));
    String dataset = options.dataset().apiName();
    String json =
        new InitialOffsetFile(
                checkpointLocation, SparkSession.active().sparkContext().hadoopConfiguration())
            .readOrWrite(new StreamOffset(dataset, unit, origin).json());
    return new DatasetStream(options, unit, StreamOffset.parse(json, dataset, unit));
  }

  private static StreamUnit unit(ReadOptions options) {
    return switch (options.dataset()) {
      case RANKINGS_DAILY -> {
        noEnd(options.endDate().isPresent(), "endDate");
        RankingSelection s = options.selection();
        String period =
            RankingsDailyQuery.effectivePeriod(s.period(), s.category(), s.languageType());
        boolean sampled = s.category() != null || s.languageType() != null;
        // Days, or whole weeks and months once their last day is over.
        yield "day".equals(period)
            ? new DayUnits(1)
            : new CalendarUnits(BucketCalendar.of(period, sampled));
      }
      case APP_RANKINGS -> {
        noEnd(options.endDate().isPresent(), "endDate");
        if (options.windowDays().isEmpty()) {
          throw new InvalidOptionException(
              "An app-rankings stream emits one ranking per completed window of windowDays days:"
                  + " set option 'windowDays' (1..366), e.g. 1 for a daily ranking or 7 for a weekly one.");
        }
        yield new DayUnits(options.windowDays().getAsInt());
      }
      case ANALYTICS -> {
        noEnd(options.analytics().endTime().isPresent(), "endTime");
        AnalyticsGranularity granularity = options.analytics().granularity();
        if (granularity == null) {
          throw new InvalidOptionException(
              "An analytics stream emits completed time buckets: set option 'granularity' ("
                  + AnalyticsGranularity.known()
                  + ").");
        }
        yield new BucketUnits(granularity);
      }
      case ANALYTICS_META ->
          throw new InvalidOptionException(
              "analytics-meta describes the analytics API and has no days to stream: read it with"
                  + " spark.read.");
    };
  }

  private static void noEnd(boolean given, String option) {
    if (given) {
      throw new InvalidOptionException(
          "Option '"
              + option
              + "' does not apply to a stream, which reads every completed day as it comes: leave it"
              + " out, or read a fixed range with spark.read.");
    }
  }

  private static Instant origin(ReadOptions options) {
    Instant floor = DatePlanner.FIRST_DAY.atStartOfDay(ZoneOffset.UTC).toInstant();
    Instant start =
        options.dataset() == DatasetName.ANALYTICS
            ? options.analytics().startTime().orElse(floor)
            : options
                .startDate()
                .map((LocalDate d) -> d.atStartOfDay(ZoneOffset.UTC).toInstant())
                .orElse(floor);
    return start.isBefore(floor) ? floor : start;
  }
}
