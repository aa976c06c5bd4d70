package io.github.openrouterspark.spark.rankings;

import io.github.openrouterspark.plan.DateSet;
import org.apache.spark.sql.connector.read.InputPartition;

/**
 * Days of one parameter set (daily rows) that the driver found in its {@link
 * io.github.openrouterspark.api.DayCache} when it planned the scan: the reader serves them from the
 * day cache of the JVM it runs in. Days that JVM does not hold (another executor, or evicted since)
 * are fetched, covered with the fewest windows of at most {@code windowDays} days, so the partition
 * never returns fewer rows than the API would.
 *
 * @param days the days to return, bounded, all before the UTC date the scan was planned on
 */
record CachedDaysPartition(int index, RankingsDailySlice slice, DateSet days, int windowDays)
    implements InputPartition {}
