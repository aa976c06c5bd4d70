package io.github.openrouterspark.options;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

/** docs/options.md is exactly what OptionsDoc generates from the option registry. */
class OptionsDocTest {
  @Test
  void docsOptionsMdIsUpToDate() throws IOException {
    String expected = OptionsDoc.render();
    String actual =
        Files.exists(OptionsDoc.FILE)
            ? Files.readString(OptionsDoc.FILE, StandardCharsets.UTF_8)
            : "";
    if (!expected.equals(actual)) {
      fail(
          OptionsDoc.FILE
              + " is out of date with ReaderOption ("
              + firstDifference(expected, actual)
              + "). Regenerate it with:\n  "
              + OptionsDoc.REGENERATE);
    }
  }

  @Test
  void everyRegisteredOptionHasARow() {
    String doc = OptionsDoc.render();
    for (ReaderOption o : ReaderOption.values()) {
      if (o != ReaderOption.PATH) {
        assertTrue(doc.contains("\n| `" + o.key() + "` |"), o.key());
      }
    }
  }

  @Test
  void appliesToFollowsTheParsers() {
    assertEquals(List.of(DatasetName.values()), OptionsDoc.appliesTo(ReaderOption.BASE_URL));
    assertEquals(List.of(DatasetName.APP_RANKINGS), OptionsDoc.appliesTo(ReaderOption.SORT));
    assertEquals(
        List.of(DatasetName.RANKINGS_DAILY, DatasetName.APP_RANKINGS),
        OptionsDoc.appliesTo(ReaderOption.CATEGORY));
    assertEquals(
        List.of(DatasetName.RANKINGS_DAILY, DatasetName.APP_RANKINGS),
        OptionsDoc.appliesTo(ReaderOption.START_DATE));
    assertEquals(List.of(DatasetName.ANALYTICS), OptionsDoc.appliesTo(ReaderOption.GRANULARITY));
  }

  @Test
  void readsAcceptAnOptionExactlyOnTheDatasetsTheRegistryDeclares() {
    for (ReaderOption o : ReaderOption.values()) {
      if (o != ReaderOption.PATH) {
        assertEquals(List.copyOf(o.datasets()), OptionsDoc.appliesTo(o), o.key());
      }
    }
  }

  private static String firstDifference(String expected, String actual) {
    List<String> e = expected.lines().toList();
    List<String> a = actual.lines().toList();
    for (int i = 0; i < Math.max(e.size(), a.size()); i++) {
      String want = i < e.size() ? e.get(i) : "<end of file>";
      String have = i < a.size() ? a.get(i) : "<end of file>";
      if (!want.equals(have)) {
        return "first difference at line "
            + (i + 1)
            + ": expected \""
            + want
            + "\" but the file has \""
            + have
            + "\"";
      }
    }
    return "line endings differ";
  }
}
