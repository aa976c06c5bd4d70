package io.github.openrouterspark.spark.rankings;

import java.io.Serializable;
import java.util.Arrays;
import org.apache.spark.sql.types.StructType;

/** Which rankings-daily column each position of the (pruned) read schema holds. */
record RankingsDailyLayout(RankingsDailyColumns[] columns) implements Serializable {

  static RankingsDailyLayout of(StructType readSchema) {
    return new RankingsDailyLayout(
        Arrays.stream(readSchema.fieldNames())
            .map(RankingsDailyColumns::byName)
            .toArray(RankingsDailyColumns[]::new));
  }

  int width() {
    return columns.length;
  }

  boolean needsAsOf() {
    return Arrays.asList(columns).contains(RankingsDailyColumns.AS_OF);
  }
}
