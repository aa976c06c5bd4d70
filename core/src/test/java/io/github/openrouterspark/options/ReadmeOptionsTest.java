package io.github.openrouterspark.options;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The README's options table and the option registry must name the same options and defaults. */
class ReadmeOptionsTest {
  private static final Pattern ROW = Pattern.compile("^\\| `([A-Za-z]+)` \\|", Pattern.MULTILINE);

  @Test
  void readmeDocumentsExactlyTheRegisteredOptions() throws IOException {
    Matcher m = ROW.matcher(optionsSection());
    List<String> documented = new java.util.ArrayList<>();
    while (m.find()) {
      documented.add(m.group(1));
    }
    List<String> registered =
        Arrays.stream(ReaderOption.values())
            .filter(o -> o != ReaderOption.PATH)
            .map(ReaderOption::key)
            .toList();
    assertEquals(
        registered.stream().sorted().toList(),
        documented.stream().sorted().toList(),
        "README options table vs ReaderOption");
  }

  private static String optionsSection() throws IOException {
    String readme = Files.readString(Path.of("README.md"));
    int start = readme.indexOf("## Options");
    int end = readme.indexOf("\n## ", start + 1);
    assertTrue(start >= 0 && end > start, "README has an Options section");
    return readme.substring(start, end);
  }

  /**
   * Where the registry's default is one plain value (a number, a duration, a word), the README's
   * default cell names it: the table is prose, but it must not drift from the registry.
   */
  @Test
  void readmeDefaultsAgreeWithTheRegistry() throws IOException {
    String readme = optionsSection();
    List<String> drifted = new java.util.ArrayList<>();
    for (ReaderOption o : ReaderOption.values()) {
      String value = o.defaultValue();
      if (o == ReaderOption.PATH || value == null || !value.matches("[A-Za-z0-9_.-]+")) {
        continue;
      }
      Matcher row =
          Pattern.compile("^\\| `" + o.key() + "` \\| ([^|]*)\\|", Pattern.MULTILINE)
              .matcher(readme);
      if (!row.find() || !row.group(1).contains(value)) {
        drifted.add(
            o.key()
                + " (registry: "
                + value
                + ", README: "
                + (row.find(0) ? row.group(1).trim() : "no row")
                + ")");
      }
    }
    assertEquals(
        List.of(),
        drifted,
        "README options whose default cell does not name the registry's default");
  }
}
