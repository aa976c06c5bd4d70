package io.github.openrouterspark.notebooks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Writes a small result as one CSV file with a header, for the notebooks' plot cells to read with
 * pandas. (Spark's own CSV writer makes a folder of part files.)
 */
final class FrameCsv {
  private FrameCsv() {}

  /** Writes the rows and returns how many there were. */
  static int write(Dataset<Row> frame, Path file) {
    List<String> lines = new ArrayList<>();
    lines.add(String.join(",", List.of(frame.columns()).stream().map(FrameCsv::field).toList()));
    List<Row> rows = frame.collectAsList();
    for (Row row : rows) {
      List<String> fields = new ArrayList<>();
      for (int i = 0; i < row.size(); i++) {
        fields.add(row.isNullAt(i) ? "" : field(String.valueOf(row.get(i))));
      }
      lines.add(String.join(",", fields));
    }
    try {
      Files.createDirectories(file.getParent());
      Files.write(file, lines, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return rows.size();
  }

  /** RFC 4180 quoting: only fields with a comma, quote or line break are quoted. */
  static String field(String value) {
    if (value.contains(",")
        || value.contains("\"")
        || value.contains("\n")
        || value.contains("\r")) {
      return "\"" + value.replace("\"", "\"\"") + "\"";
    }
    return value;
  }
}
