package io.github.openrouterspark.spark.analytics;

import io.github.openrouterspark.api.AnalyticsQueryBody;
import org.apache.spark.sql.connector.read.InputPartition;

/** One analytics window: the complete query for its time range. */
record AnalyticsPartition(int index, AnalyticsQueryBody query) implements InputPartition {}
