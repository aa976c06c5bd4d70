package io.github.openrouterspark.spark.rankings;

import java.io.Serializable;
import java.util.Arrays;
import org.apache.spark.sql.types.StructType;

/** Which rankings-daily column each position of the (pruned) read schema holds. */
record RowLayout(RankingsDailyColumns[] columns) implements Serializable {

  static RowLayout of(StructType readSchema) {
    return new RowLayout(Arrays.stream(readSchema.fieldNames())
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
