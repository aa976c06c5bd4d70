package io.github.openrouterspark.api;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The keys seen so far in one response, per kind of key, so that a row the server sends twice fails
 * the query instead of being counted twice. Holds one small list per row: responses are bounded
 * (rankings-daily at most 51 rows a day for 366 days, analytics at most 10,000 rows).
 */
public final class UniqueKeys {
  private final String rowsField;
  private final Map<String, Map<List<Object>, Long>> seen = new HashMap<>();

  /**
   * @param rowsField the JSON path of the rows, used to name them, e.g. {@code data}
   */
  public UniqueKeys(String rowsField) {
    this.rowsField = rowsField;
  }

  /**
   * Records the key {@code values} (nulls allowed) of row {@code row} under {@code kind}, e.g.
   * {@code "date and model_permaslug"}; fails if an earlier row had the same.
   */
  public void add(long row, String kind, Object... values) {
    List<Object> key = Arrays.asList(values);
    Long first = seen.computeIfAbsent(kind, k -> new HashMap<>()).putIfAbsent(key, row);
    if (first != null) {
      String shown =
          key.stream()
              .map(v -> v == null ? "null" : "'" + v + "'")
              .collect(Collectors.joining(", "));
      throw new MalformedResponseException(
          "repeats the "
              + kind
              + " ("
              + shown
              + ") of "
              + rowsField
              + "["
              + first
              + "]; a response has one row per "
              + kind);
    }
  }
}
