package io.github.openrouterspark.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AppRankingsQueryTest {
  static final LocalDate START = LocalDate.parse("2025-06-01");
  static final LocalDate END = LocalDate.parse("2025-06-30");

  @Test
  void requestWithEveryParameterInOrder() {
    ApiRequest r =
        new AppRankingsQuery(START, END, "trending", "coding", "cli-agent", 100, 80).toRequest();
    assertEquals("/datasets/app-rankings", r.path());
    assertEquals(
        List.of("start_date", "end_date", "sort", "category", "subcategory", "offset", "limit"),
        List.copyOf(r.params().keySet()));
    assertEquals(
        "/datasets/app-rankings?start_date=2025-06-01&end_date=2025-06-30&sort=trending"
            + "&category=coding&subcategory=cli-agent&offset=100&limit=80",
        r.pathAndQuery());
  }

  @Test
  void nullCategoryAndSubcategoryAreNotSent() {
    ApiRequest r = new AppRankingsQuery(START, END, "popular", null, null, 0, 50).toRequest();
    assertEquals(
        Map.of(
            "start_date",
            "2025-06-01",
            "end_date",
            "2025-06-30",
            "sort",
            "popular",
            "offset",
            "0",
            "limit",
            "50"),
        r.params());
    assertEquals(
        List.of("start_date", "end_date", "sort", "offset", "limit"),
        List.copyOf(r.params().keySet()));
  }

  @Test
  void onlyCategory() {
    ApiRequest r =
        new AppRankingsQuery(START, START, "popular", "creative", null, 0, 1).toRequest();
    assertEquals(
        "/datasets/app-rankings?start_date=2025-06-01&end_date=2025-06-01&sort=popular"
            + "&category=creative&offset=0&limit=1",
        r.pathAndQuery());
  }

  @Test
  void onlySubcategory() {
    ApiRequest r =
        new AppRankingsQuery(START, END, "popular", null, "video-gen", 50, 50).toRequest();
    assertEquals(
        List.of("start_date", "end_date", "sort", "subcategory", "offset", "limit"),
        List.copyOf(r.params().keySet()));
    assertEquals("video-gen", r.params().get("subcategory"));
  }

  @Test
  void vocabulary() {
    assertEquals("/datasets/app-rankings", AppRankingsQuery.PATH);
    assertEquals(List.of("popular", "trending"), AppRankingsQuery.SORTS);
    assertEquals(
        List.of("coding", "creative", "productivity", "entertainment"),
        AppRankingsQuery.CATEGORIES);
    assertEquals(4, AppRankingsQuery.SUBCATEGORY_GROUPS.size());
    assertEquals(15, AppRankingsQuery.SUBCATEGORIES.size());
    assertEquals(
        15, new HashSet<>(AppRankingsQuery.SUBCATEGORIES).size(), "no subcategory in two groups");
    assertEquals(
        List.of(
            "cli-agent", "ide-extension", "cloud-agent", "programming-app", "native-app-builder"),
        AppRankingsQuery.SUBCATEGORY_GROUPS.get("coding"));
    assertEquals(
        List.of("creative-writing", "video-gen", "image-gen", "audio-gen"),
        AppRankingsQuery.SUBCATEGORY_GROUPS.get("creative"));
    assertEquals(
        List.of("writing-assistant", "general-chat", "personal-agent", "legal"),
        AppRankingsQuery.SUBCATEGORY_GROUPS.get("productivity"));
    assertEquals(
        List.of("roleplay", "game"), AppRankingsQuery.SUBCATEGORY_GROUPS.get("entertainment"));
    assertEquals(
        AppRankingsQuery.SUBCATEGORY_GROUPS.values().stream().flatMap(List::stream).toList(),
        AppRankingsQuery.SUBCATEGORIES,
        "subcategories in group order");
  }

  @Test
  void vocabularyIsImmutable() {
    assertThrows(
        UnsupportedOperationException.class,
        () -> AppRankingsQuery.SUBCATEGORY_GROUPS.put("x", List.of()));
    assertThrows(
        UnsupportedOperationException.class,
        () -> AppRankingsQuery.SUBCATEGORY_GROUPS.get("coding").add("x"));
    assertThrows(UnsupportedOperationException.class, () -> AppRankingsQuery.CATEGORIES.add("x"));
    assertThrows(
        UnsupportedOperationException.class, () -> AppRankingsQuery.SUBCATEGORIES.add("x"));
    assertThrows(UnsupportedOperationException.class, () -> AppRankingsQuery.SORTS.add("x"));
  }

  @Test
  void consistent() {
    assertTrue(AppRankingsQuery.consistent(null, null));
    assertTrue(AppRankingsQuery.consistent("coding", null));
    assertTrue(AppRankingsQuery.consistent(null, "roleplay"));
    assertTrue(AppRankingsQuery.consistent("coding", "cli-agent"));
    assertTrue(AppRankingsQuery.consistent("entertainment", "game"));
    assertFalse(AppRankingsQuery.consistent("coding", "roleplay"));
    assertFalse(AppRankingsQuery.consistent("productivity", "video-gen"));
  }

  @Test
  void consistentOverTheWholeVocabulary() {
    int pairs = 0;
    for (String c : AppRankingsQuery.CATEGORIES) {
      for (String s : AppRankingsQuery.SUBCATEGORIES) {
        boolean expected = AppRankingsQuery.SUBCATEGORY_GROUPS.get(c).contains(s);
        assertEquals(expected, AppRankingsQuery.consistent(c, s), c + "/" + s);
        pairs += expected ? 1 : 0;
      }
    }
    assertEquals(15, pairs, "each subcategory belongs to exactly one category");
  }
}
