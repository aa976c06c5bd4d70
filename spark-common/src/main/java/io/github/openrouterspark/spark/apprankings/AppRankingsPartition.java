package io.github.openrouterspark.spark.apprankings;

import io.github.openrouterspark.plan.AppRankingsTask;
import org.apache.spark.sql.connector.read.InputPartition;

/** One ranking (window and parameter set), read page by page. */
record AppRankingsPartition(int index, AppRankingsTask task) implements InputPartition {}
