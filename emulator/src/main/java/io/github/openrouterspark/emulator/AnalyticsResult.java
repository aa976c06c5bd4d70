package io.github.openrouterspark.emulator;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code POST /analytics/query} answers, without the timing: the rows of {@code data.data} in
 * order, {@code metadata.truncated} and {@code warnings}.
 *
 * @param rows one map per row, keys in the order the endpoint writes them (time bucket, then
 *     dimensions, then metrics); values as JSON carries them: Strings for counts, labels and
 *     buckets, {@link java.math.BigDecimal} for currency, Double or Long for the other numbers,
 *     null for unset dimensions and unused usage parts
 * @param truncated whether more rows than the limit existed
 * @param warnings non-fatal problems, e.g. an api_key_id hash that matches no key
 */
public record AnalyticsResult(
    List<Map<String, Object>> rows, boolean truncated, List<String> warnings) {
  public AnalyticsResult {
    List<Map<String, Object>> copies = new ArrayList<>(rows.size());
    for (Map<String, Object> row : rows) {
      copies.add(Collections.unmodifiableMap(new LinkedHashMap<>(row)));
    }
    rows = Collections.unmodifiableList(copies);
    warnings = List.copyOf(warnings);
  }
}
