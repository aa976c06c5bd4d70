package io.github.openrouterspark.notebooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Spark work found in one notebook by {@code notebook_check.py extract}: its openrouter reader
 * chains, its SQL statements in the order they run, and the frames its plot cells draw.
 */
record NotebookWork(
    Path path, List<ReaderChain> readers, List<SqlStatement> sql, List<String> frames) {

  /**
   * {@code spark.read.format("openrouter").option(k, v)...load(path)}, with the SQL-text filters
   * applied straight to the loaded frame ({@code .where("...")}).
   *
   * @param path the load() argument, or null when the dataset is given as an option
   */
  record ReaderChain(
      String where, String path, Map<String, String> options, List<String> filters) {}

  /** One statement of a {@code spark.sql("""...""")} call or a {@code %sql} cell. */
  record SqlStatement(String where, String sql) {}

  static List<NotebookWork> parse(String json) {
    try {
      List<NotebookWork> result = new ArrayList<>();
      for (JsonNode nb : new ObjectMapper().readTree(json).get("notebooks")) {
        List<ReaderChain> readers = new ArrayList<>();
        for (JsonNode r : nb.get("readers")) {
          Map<String, String> options = new LinkedHashMap<>();
          r.get("options")
              .fields()
              .forEachRemaining(e -> options.put(e.getKey(), e.getValue().asText()));
          readers.add(
              new ReaderChain(
                  r.get("where").asText(),
                  r.get("path").isNull() ? null : r.get("path").asText(),
                  options,
                  strings(r.get("filters"))));
        }
        List<SqlStatement> sql = new ArrayList<>();
        for (JsonNode s : nb.get("sql")) {
          sql.add(new SqlStatement(s.get("where").asText(), s.get("sql").asText()));
        }
        result.add(
            new NotebookWork(
                Path.of(nb.get("path").asText()), readers, sql, strings(nb.get("frames"))));
      }
      return result;
    } catch (IOException e) {
      throw new UncheckedIOException("notebook_check.py printed invalid JSON", e);
    }
  }

  private static List<String> strings(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(v -> values.add(v.asText()));
    return values;
  }
}
