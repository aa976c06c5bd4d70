package io.github.openrouterspark.spark.analytics;

import java.io.Serializable;
import java.util.Set;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;

/**
 * One column of the analytics table and how its values arrive.
 *
 * @param additive a metric whose values over disjoint groups add up (counts, currency, not rates):
 *     the only ones whose SUM a coarser query answers, and Spark may add up from partial sums
 */
record AnalyticsColumn(String name, Kind kind, boolean additive) implements Serializable {
  enum Kind {
    /** The bucket start; present with a granularity. */
    DATE(DataTypes.TimestampType),
    DIMENSION(DataTypes.StringType),
    /** The member's e-mail, which the API adds to rows grouped by {@code user}. */
    USER_EMAIL(DataTypes.StringType),
    /** A count, sent by the API as a JSON string (or number). */
    COUNT(DataTypes.LongType),
    /** Currency (USD), a rate or ratio, a latency (ms) or a throughput (tokens/s). */
    MEASURE(DataTypes.DoubleType);

    final DataType type;

    Kind(DataType type) {
      this.type = type;
    }
  }

  static final String DATE = "date";
  static final String USER_EMAIL = "user_email";

  /**
   * Dimensions whose rows show a label (key name, app title, workspace name, user name) while
   * filters take an id (docs/api-contract.md §5): a Spark predicate compares labels, so it cannot
   * be sent.
   */
  static final Set<String> LABELLED_DIMENSIONS = Set.of("api_key_id", "app", "workspace", "user");

  boolean isMetric() {
    return kind == Kind.COUNT || kind == Kind.MEASURE;
  }

  DataType type() {
    return kind.type;
  }
}
