package io.github.openrouterspark.spark.rankings;

import io.github.openrouterspark.spark.read.SparkValues;
import java.time.Instant;
import java.time.LocalDate;
import java.util.function.Function;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.sql.types.Decimal;
import org.apache.spark.unsafe.types.UTF8String;

/**
 * Builds the Spark rows of one parameter set in a (possibly pruned) layout: the API's three values
 * per row, the parameter set in the key columns, and {@code _as_of}. Shared by the readers of
 * fetched windows and of days held in memory, so both produce identical rows.
 */
final class RankingsDailyRows {
  private final RankingsDailyLayout layout;
  private final UTF8String[] keyValues;

  RankingsDailyRows(RankingsDailySlice slice, RankingsDailyLayout layout) {
    this.layout = layout;
    this.keyValues =
        new UTF8String[] {
          SparkValues.string(slice.effectivePeriod()), SparkValues.string(slice.modality()),
          SparkValues.string(slice.contextBucket()), SparkValues.string(slice.category()),
          SparkValues.string(slice.languageType())
        };
  }

  boolean needsAsOf() {
    return layout.needsAsOf();
  }

  /**
   * A row without {@code _as_of} (see {@link #fillAsOf}).
   *
   * @param totalTokens the exact total's decimal digits
   * @param decimal converts them to DECIMAL(38,0), or fails; called only when the layout has the
   *     column
   */
  GenericInternalRow row(
      LocalDate date,
      String modelPermaslug,
      String totalTokens,
      Function<String, Decimal> decimal) {
    Object[] values = new Object[layout.width()];
    RankingsDailyColumns[] columns = layout.columns();
    for (int i = 0; i < values.length; i++) {
      values[i] =
          switch (columns[i]) {
            case DATE -> SparkValues.date(date);
            case MODEL_PERMASLUG -> UTF8String.fromString(modelPermaslug);
            case TOTAL_TOKENS -> decimal.apply(totalTokens);
            case PERIOD -> keyValues[0];
            case MODALITY -> keyValues[1];
            case CONTEXT_BUCKET -> keyValues[2];
            case CATEGORY -> keyValues[3];
            case LANGUAGE_TYPE -> keyValues[4];
            case AS_OF -> null; // filled from meta
          };
    }
    return new GenericInternalRow(values);
  }

  void fillAsOf(GenericInternalRow row, Instant asOf) {
    RankingsDailyColumns[] columns = layout.columns();
    for (int i = 0; i < columns.length; i++) {
      if (columns[i] == RankingsDailyColumns.AS_OF) {
        row.update(i, SparkValues.timestamp(asOf));
      }
    }
  }
}
