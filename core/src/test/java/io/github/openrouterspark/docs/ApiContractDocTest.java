package io.github.openrouterspark.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The repository stands alone: every citation of docs/api-contract.md names a section that exists,
 * and nothing refers to documents outside the clone.
 */
class ApiContractDocTest {
  private static final Path DOC = Path.of("docs/api-contract.md");
  private static final Pattern CITATION =
      Pattern.compile("api-contract\\.md §(\\d+)(?:\\.(\\d+))?((?:, §\\d+(?:\\.\\d+)?)*)");
  private static final Pattern MORE = Pattern.compile("§(\\d+)(?:\\.(\\d+))?");

  /** Build output and version control are not sources. */
  private static final Pattern NOT_SOURCE =
      Pattern.compile("(^|.*/)(target|\\.git|\\.venv|node_modules)(/.*|$)");

  @Test
  void everyCitedSectionExists() throws IOException {
    String doc = Files.readString(DOC);
    List<String> missing = new ArrayList<>();
    int citations = 0;
    for (Path file : sourceFiles()) {
      Matcher m = CITATION.matcher(read(file));
      while (m.find()) {
        Matcher each = MORE.matcher(m.group());
        while (each.find()) {
          citations++;
          String section = each.group(1);
          String item = each.group(2);
          if (!doc.contains("\n## " + section + ". ")
              || item != null && !sectionText(doc, section).contains("\n" + item + ". ")) {
            missing.add(file + ": " + each.group());
          }
        }
      }
    }
    assertTrue(citations > 10, "the code cites the contract: " + citations);
    assertEquals(List.of(), missing, "citations of sections docs/api-contract.md does not have");
  }

  @Test
  void nothingRefersToDocumentsOutsideTheRepository() {
    Pattern outside = Pattern.compile("API" + "-NOTES|\\.\\./shared|shared/openrouter-api");
    List<String> found = new ArrayList<>();
    for (Path file : sourceFiles()) {
      if (!file.endsWith("ApiContractDocTest.java") && outside.matcher(read(file)).find()) {
        found.add(file.toString());
      }
    }
    assertEquals(List.of(), found);
  }

  private static String sectionText(String doc, String section) {
    int start = doc.indexOf("\n## " + section + ". ");
    int end = doc.indexOf("\n## ", start + 1);
    return doc.substring(start, end < 0 ? doc.length() : end);
  }

  private static List<Path> sourceFiles() {
    List<Path> files = new ArrayList<>();
    // Every module's folder, the docs and the build files: the whole clone.
    try (Stream<Path> walk = Files.walk(Path.of("."))) {
      walk.map(p -> Path.of(".").relativize(p))
          .filter(p -> !NOT_SOURCE.matcher(p.toString()).matches())
          .filter(Files::isRegularFile)
          .filter(p -> p.toString().matches(".*\\.(java|md|xml|py|ipynb|sh|properties|yaml)$"))
          .forEach(files::add);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return files;
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
