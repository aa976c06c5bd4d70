package io.github.openrouterspark.spark.analytics;

import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where each field of an API row goes in the scan's output row. A metric may fill several positions
 * (the same SUM twice in one aggregate); the time key ({@code date__<granularity>}, or {@code
 * created_at__<granularity>} for some data sources, docs/api-contract.md §5) fills the date column.
 */
final class AnalyticsRowLayout implements Serializable {
  private final AnalyticsColumn.Kind[] kinds;
  private final Map<String, int[]> positions;
  private final int datePosition;

  /**
   * @param outputs the output columns in order; a column's API field is its name
   */
  AnalyticsRowLayout(List<AnalyticsColumn> outputs) {
    kinds = new AnalyticsColumn.Kind[outputs.size()];
    Map<String, int[]> byField = new HashMap<>();
    int date = -1;
    for (int i = 0; i < outputs.size(); i++) {
      AnalyticsColumn column = outputs.get(i);
      kinds[i] = column.kind();
      if (column.kind() == AnalyticsColumn.Kind.DATE) {
        date = i;
        continue;
      }
      int[] old = byField.getOrDefault(column.name(), new int[0]);
      int[] grown = java.util.Arrays.copyOf(old, old.length + 1);
      grown[old.length] = i;
      byField.put(column.name(), grown);
    }
    positions = Map.copyOf(byField);
    datePosition = date;
  }

  int width() {
    return kinds.length;
  }

  AnalyticsColumn.Kind kind(int position) {
    return kinds[position];
  }

  /** The output positions of an API field; empty when the scan does not output it. */
  int[] positions(String field) {
    if (datePosition >= 0 && (field.startsWith("date__") || field.startsWith("created_at__"))) {
      return new int[] {datePosition};
    }
    return positions.getOrDefault(field, NONE);
  }

  /** Output positions that every API row must fill with a value: the date (metrics may be null). */
  boolean required(int position) {
    return kinds[position] == AnalyticsColumn.Kind.DATE;
  }

  private static final int[] NONE = new int[0];
}
