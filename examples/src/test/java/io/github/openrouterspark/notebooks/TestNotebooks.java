package io.github.openrouterspark.notebooks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/** Writes small nbformat 4 notebooks for the check's own tests. */
final class TestNotebooks {
  private TestNotebooks() {}

  /** A code cell and its tags ({@code parameters}, {@code plot}). */
  record Cell(String source, String... tags) {}

  /** A notebook with one untagged code cell per source, without outputs, as the check requires. */
  static Path write(Path dir, String name, String... cellSources) {
    return write(dir, name, Arrays.stream(cellSources).map(Cell::new).toArray(Cell[]::new));
  }

  /** A notebook with these code cells, without outputs. */
  static Path write(Path dir, String name, Cell... cellList) {
    ObjectMapper json = new ObjectMapper();
    ObjectNode nb = json.createObjectNode();
    nb.put("nbformat", 4).put("nbformat_minor", 5);
    nb.putObject("metadata")
        .putObject("kernelspec")
        .put("name", "python3")
        .put("display_name", "Python 3")
        .put("language", "python");
    ArrayNode cells = nb.putArray("cells");
    int id = 0;
    for (Cell c : cellList) {
      ObjectNode cell = cells.addObject();
      cell.put("cell_type", "code").put("id", "cell-" + id++).putNull("execution_count");
      ArrayNode tags = cell.putObject("metadata").putArray("tags");
      for (String tag : c.tags()) {
        tags.add(tag);
      }
      cell.putArray("outputs");
      cell.put("source", c.source());
    }
    try {
      Path file = dir.resolve(name);
      Files.writeString(file, json.writerWithDefaultPrettyPrinter().writeValueAsString(nb));
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
