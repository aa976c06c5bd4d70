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

/** The README's options table and the option registry must name the same options. */
class ReadmeOptionsTest {
  private static final Pattern ROW = Pattern.compile("^\\| `([A-Za-z]+)` \\|", Pattern.MULTILINE);

  @Test
  void readmeDocumentsExactlyTheRegisteredOptions() throws IOException {
    String readme = Files.readString(Path.of("README.md"));
    int start = readme.indexOf("## Options");
    int end = readme.indexOf("\n## ", start + 1);
    assertTrue(start >= 0 && end > start, "README has an Options section");
    Matcher m = ROW.matcher(readme.substring(start, end));
    List<String> documented = new java.util.ArrayList<>();
    while (m.find()) {
      documented.add(m.group(1));
    }
    List<String> registered = Arrays.stream(ReaderOption.values())
        .filter(o -> o != ReaderOption.PATH)
        .map(ReaderOption::key)
        .toList();
    assertEquals(registered.stream().sorted().toList(), documented.stream().sorted().toList(),
        "README options table vs ReaderOption");
  }
}
