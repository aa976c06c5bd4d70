package io.github.openrouterspark.notebooks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes small nbformat 4 notebooks for the check's own tests. */
final class TestNotebooks {
  private TestNotebooks() {}

  /** A notebook with one code cell per source, without outputs, as the check requires. */
  static Path write(Path dir, String name, String... cellSources) {
    ObjectMapper json = new ObjectMapper();
    ObjectNode nb = json.createObjectNode();
    nb.put("nbformat", 4).put("nbformat_minor", 5);
    nb.putObject("metadata").putObject("kernelspec")
        .put("name", "python3").put("display_name", "Python 3").put("language", "python");
    ArrayNode cells = nb.putArray("cells");
    int id = 0;
    for (String source : cellSources) {
      ObjectNode cell = cells.addObject();
      cell.put("cell_type", "code").put("id", "cell-" + id++).putNull("execution_count");
      cell.putObject("metadata");
      cell.putArray("outputs");
      cell.put("source", source);
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
