package io.github.openrouterspark.spark.rankings;

import io.github.openrouterspark.plan.DateSet;
import io.github.openrouterspark.plan.Window;
import org.apache.spark.sql.connector.read.InputPartition;

/**
 * One request, the unit of parallelism: a window of one parameter set.
 *
 * @param starts the bucket starts (days, for period day) whose rows the reader keeps
 */
record WindowPartition(int index, Window window, RankingsDailySlice slice, DateSet starts)
    implements InputPartition {}
