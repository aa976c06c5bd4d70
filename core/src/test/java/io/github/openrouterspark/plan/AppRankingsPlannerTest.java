package io.github.openrouterspark.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.openrouterspark.api.AppRankingsQuery;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class AppRankingsPlannerTest {
  static final Window W1 = new Window(LocalDate.parse("2025-06-01"), LocalDate.parse("2025-06-30"));
  static final Window W2 = new Window(LocalDate.parse("2025-07-01"), LocalDate.parse("2025-07-31"));
  static final RankRange TOP50 = new RankRange(1, 50);

  static List<String> values(String... v) {
    return Arrays.asList(v);
  }

  static final List<String> NOT_SENT = values((String) null);

  static String key(AppRankingsTask t) {
    return t.window() + "|" + t.sort() + "|" + t.category() + "|" + t.subcategory();
  }

  @Test
  void oneRankingOnePage() {
    List<AppRankingsTask> tasks =
        AppRankingsPlanner.plan(List.of(W1), List.of("popular"), NOT_SENT, NOT_SENT, TOP50);
    assertEquals(1, tasks.size());
    AppRankingsTask t = tasks.get(0);
    assertEquals(W1, t.window());
    assertEquals("popular", t.sort());
    assertEquals(null, t.category());
    assertEquals(null, t.subcategory());
    assertEquals(TOP50, t.ranks());
    assertEquals(List.of(new RankPage(0, 50)), t.pages());
    assertEquals(1, AppRankingsPlanner.requestCount(tasks));
  }

  @Test
  void crossProductInWindowSortCategorySubcategoryOrder() {
    List<AppRankingsTask> tasks =
        AppRankingsPlanner.plan(
            List.of(W1, W2),
            List.of("popular", "trending"),
            values(null, "coding"),
            NOT_SENT,
            new RankRange(1, 150));
    List<String> expected = new ArrayList<>();
    for (Window w : List.of(W1, W2)) {
      for (String s : List.of("popular", "trending")) {
        for (String c : values(null, "coding")) {
          expected.add(w + "|" + s + "|" + c + "|null");
        }
      }
    }
    assertEquals(expected, tasks.stream().map(AppRankingsPlannerTest::key).toList());
    for (AppRankingsTask t : tasks) {
      assertEquals(List.of(new RankPage(0, 50), new RankPage(50, 100)), t.pages());
      assertEquals(new RankRange(1, 150), t.ranks());
    }
    assertEquals(16, AppRankingsPlanner.requestCount(tasks));
  }

  @Test
  void inconsistentCategorySubcategoryPairsArePruned() {
    List<AppRankingsTask> tasks =
        AppRankingsPlanner.plan(
            List.of(W1),
            List.of("popular"),
            values(null, "coding", "creative"),
            values(null, "cli-agent", "video-gen"),
            TOP50);
    assertEquals(
        List.of(
            W1 + "|popular|null|null",
            W1 + "|popular|null|cli-agent",
            W1 + "|popular|null|video-gen",
            W1 + "|popular|coding|null",
            W1 + "|popular|coding|cli-agent",
            W1 + "|popular|creative|null",
            W1 + "|popular|creative|video-gen"),
        tasks.stream().map(AppRankingsPlannerTest::key).toList());
    assertEquals(7, AppRankingsPlanner.requestCount(tasks));
  }

  @Test
  void everyPairOfTheVocabulary() {
    List<String> categories = new ArrayList<>(AppRankingsQuery.CATEGORIES);
    categories.add(0, null);
    List<String> subcategories = new ArrayList<>(AppRankingsQuery.SUBCATEGORIES);
    subcategories.add(0, null);
    List<AppRankingsTask> tasks =
        AppRankingsPlanner.plan(
            List.of(W1), AppRankingsQuery.SORTS, categories, subcategories, RankRange.ALL);
    // Per sort: (null,null) + 15 (null,sub) + 4 (cat,null) + 15 matching (cat,sub).
    assertEquals(2 * 35, tasks.size());
    for (AppRankingsTask t : tasks) {
      assertTrue(AppRankingsQuery.consistent(t.category(), t.subcategory()), key(t));
      assertEquals(2, t.pages().size());
    }
    assertEquals(2 * 35 * 2, AppRankingsPlanner.requestCount(tasks));
  }

  @Test
  void noTasksWhenNoPageIsNeeded() {
    List<Window> windows = List.of(W1, W2);
    assertEquals(
        List.of(),
        AppRankingsPlanner.plan(
            windows, AppRankingsQuery.SORTS, NOT_SENT, NOT_SENT, RankRange.atLeast(201)));
    assertEquals(
        List.of(),
        AppRankingsPlanner.plan(
            windows, AppRankingsQuery.SORTS, NOT_SENT, NOT_SENT, RankRange.NONE));
    assertEquals(0, AppRankingsPlanner.requestCount(List.of()));
  }

  @Test
  void noTasksWhenAnyDimensionIsEmpty() {
    assertEquals(
        List.of(),
        AppRankingsPlanner.plan(List.of(), List.of("popular"), NOT_SENT, NOT_SENT, TOP50));
    assertEquals(
        List.of(), AppRankingsPlanner.plan(List.of(W1), List.of(), NOT_SENT, NOT_SENT, TOP50));
    assertEquals(
        List.of(),
        AppRankingsPlanner.plan(List.of(W1), List.of("popular"), List.of(), NOT_SENT, TOP50));
    assertEquals(
        List.of(),
        AppRankingsPlanner.plan(List.of(W1), List.of("popular"), NOT_SENT, List.of(), TOP50));
    // Only inconsistent pairs: nothing to read.
    assertEquals(
        List.of(),
        AppRankingsPlanner.plan(
            List.of(W1),
            List.of("popular"),
            List.of("coding"),
            List.of("roleplay", "legal"),
            TOP50));
  }

  @Test
  void deepRangesUseAPageFromOffset100() {
    List<AppRankingsTask> tasks =
        AppRankingsPlanner.plan(
            List.of(W1), List.of("trending"), NOT_SENT, NOT_SENT, new RankRange(120, 180));
    assertEquals(List.of(new RankPage(100, 80)), tasks.get(0).pages());
    assertEquals(new RankRange(120, 180), tasks.get(0).ranks()); // readers drop ranks 101..119
  }

  @Test
  void planIsImmutable() {
    List<AppRankingsTask> tasks =
        AppRankingsPlanner.plan(List.of(W1), List.of("popular"), NOT_SENT, NOT_SENT, TOP50);
    assertThrows(UnsupportedOperationException.class, () -> tasks.remove(0));
    assertThrows(UnsupportedOperationException.class, () -> tasks.get(0).pages().clear());
  }

  @Test
  void taskCopiesItsPages() {
    List<RankPage> pages = new ArrayList<>(List.of(new RankPage(0, 10)));
    AppRankingsTask t = new AppRankingsTask(W1, "popular", null, null, new RankRange(1, 10), pages);
    pages.add(new RankPage(10, 10));
    assertEquals(List.of(new RankPage(0, 10)), t.pages());
  }

  @Test
  void taskText() {
    AppRankingsTask plain =
        new AppRankingsTask(
            W1, "popular", null, null, RankRange.ALL, RankPage.cover(RankRange.ALL));
    assertEquals(
        "2025-06-01..2025-06-30 sort=popular ranks 1..200 [ranks 1..100, ranks 101..200]",
        plain.toString());
    AppRankingsTask filtered =
        new AppRankingsTask(
            W1,
            "trending",
            "coding",
            "cli-agent",
            new RankRange(7, 7),
            List.of(new RankPage(6, 1)));
    assertEquals(
        "2025-06-01..2025-06-30 sort=trending category=coding subcategory=cli-agent ranks 7..7"
            + " [ranks 7..7]",
        filtered.toString());
  }

  @Test
  void taskIsSerializable() throws Exception {
    AppRankingsTask t =
        new AppRankingsTask(
            W1,
            "trending",
            "coding",
            null,
            new RankRange(1, 150),
            RankPage.cover(new RankRange(1, 150)));
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(t);
    }
    try (ObjectInputStream in =
        new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      assertEquals(t, in.readObject());
    }
  }
}
