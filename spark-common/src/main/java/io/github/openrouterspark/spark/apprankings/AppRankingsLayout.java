package io.github.openrouterspark.spark.apprankings;

import java.io.Serializable;
import java.util.Arrays;
import org.apache.spark.sql.types.StructType;

/** Which app-rankings column each position of the (pruned) read schema holds. */
record AppRankingsLayout(AppRankingsColumns[] columns) implements Serializable {
  static AppRankingsLayout of(StructType readSchema) {
    return new AppRankingsLayout(
        Arrays.stream(readSchema.fieldNames())
            .map(AppRankingsColumns::byName)
            .toArray(AppRankingsColumns[]::new));
  }
}
