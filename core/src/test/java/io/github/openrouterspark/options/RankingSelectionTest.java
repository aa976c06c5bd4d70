package io.github.openrouterspark.options;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.openrouterspark.api.AppRankingsQuery;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link RankingSelection} and the pushdown switches, through {@link ReadOptions#parse}. */
class RankingSelectionTest {
  static final String APP = "app-rankings";
  static final String DAILY = "rankings-daily";

  static Map<String, String> options(String dataset, String... kv) {
    Map<String, String> m = new HashMap<>();
    m.put("dataset", dataset);
    for (int k = 0; k < kv.length; k += 2) {
      m.put(kv[k], kv[k + 1]);
    }
    return m;
  }

  static ReadOptions parse(String dataset, String... kv) {
    return ReadOptions.parse(options(dataset, kv), key -> null, Map.of());
  }

  static RankingSelection app(String... kv) {
    return parse(APP, kv).selection();
  }

  static RankingSelection daily(String... kv) {
    return parse(DAILY, kv).selection();
  }

  static InvalidOptionException invalid(String dataset, String... kv) {
    return assertThrows(InvalidOptionException.class, () -> parse(dataset, kv));
  }

  static void assertMentions(Exception e, String... parts) {
    for (String part : parts) {
      assertTrue(
          e.getMessage().contains(part),
          "message should contain '" + part + "': " + e.getMessage());
    }
  }

  @Nested
  class AppRankings {
    @Test
    void defaults() {
      RankingSelection s = app();
      assertEquals(new RankingSelection("popular", null, null, 50, null, null, null, null), s);
      assertEquals(50, RankingSelection.DEFAULT_MAX_RANK);
      assertEquals(DatasetName.APP_RANKINGS, parse(APP).dataset());
    }

    @Test
    void everyValueOfTheVocabulary() {
      for (String sort : AppRankingsQuery.SORTS) {
        assertEquals(sort, app("sort", sort).sort());
      }
      for (String category : AppRankingsQuery.CATEGORIES) {
        assertEquals(category, app("category", category).category());
        for (String sub : AppRankingsQuery.SUBCATEGORY_GROUPS.get(category)) {
          RankingSelection s = app("category", category, "subcategory", sub);
          assertEquals(category, s.category());
          assertEquals(sub, s.subcategory());
        }
      }
      for (String sub : AppRankingsQuery.SUBCATEGORIES) {
        RankingSelection s = app("subcategory", sub);
        assertNull(s.category());
        assertEquals(sub, s.subcategory());
      }
    }

    @Test
    void valuesAreStripped() {
      RankingSelection s =
          app(
              "sort",
              " trending ",
              "category",
              "\tcoding",
              "subcategory",
              "cli-agent ",
              "maxRank",
              " 120 ");
      assertEquals(
          new RankingSelection("trending", "coding", "cli-agent", 120, null, null, null, null), s);
    }

    @Test
    void optionNamesAreCaseInsensitive() {
      RankingSelection s =
          app(
              "SORT",
              "trending",
              "Category",
              "creative",
              "SubCategory",
              "video-gen",
              "MAXRANK",
              "7");
      assertEquals(
          new RankingSelection("trending", "creative", "video-gen", 7, null, null, null, null), s);
    }

    @ParameterizedTest
    @ValueSource(strings = {"hot", "", "popular,trending", "top"})
    void badSort(String value) {
      assertMentions(invalid(APP, "sort", value), "'sort'", "'" + value + "'", "popular, trending");
    }

    @ParameterizedTest
    @ValueSource(strings = {"programming", "", "coding,creative", "cli-agent"})
    void badCategory(String value) {
      assertMentions(
          invalid(APP, "category", value),
          "'category'",
          "'" + value + "'",
          "coding, creative, productivity, entertainment");
    }

    @ParameterizedTest
    @ValueSource(strings = {"cli_agent", "coding", ""})
    void badSubcategory(String value) {
      InvalidOptionException e = invalid(APP, "subcategory", value);
      assertMentions(
          e, "'subcategory'", "'" + value + "'", String.join(", ", AppRankingsQuery.SUBCATEGORIES));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1", "50", "101", "200"})
    void maxRankInRange(String value) {
      assertEquals(Integer.parseInt(value), app("maxRank", value).maxRank());
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "201", "-1", "abc", "1.5", "", "1e2", "99999999999"})
    void badMaxRank(String value) {
      assertMentions(invalid(APP, "maxRank", value), "'maxRank'", "'" + value + "'", "1 to 200");
    }

    @ParameterizedTest
    @CsvSource({
      "coding,video-gen",
      "creative,cli-agent",
      "productivity,roleplay",
      "entertainment,legal"
    })
    void mismatchedCategoryAndSubcategory(String category, String subcategory) {
      InvalidOptionException e = invalid(APP, "category", category, "subcategory", subcategory);
      assertMentions(
          e,
          "'subcategory'",
          "'" + subcategory + "'",
          "'category'",
          "'" + category + "'",
          AppRankingsQuery.SUBCATEGORY_GROUPS.get(category).toString());
    }

    @Test
    void mismatchListsEverySubcategoryOfTheCategory() {
      InvalidOptionException e = invalid(APP, "category", "coding", "subcategory", "game");
      for (String sub : AppRankingsQuery.SUBCATEGORY_GROUPS.get("coding")) {
        assertMentions(e, sub);
      }
      assertFalse(e.getMessage().contains("roleplay"), e.getMessage());
    }

    @ParameterizedTest
    @CsvSource({"period,week", "modality,text", "contextBucket,1K", "languageType,natural"})
    void rankingsDailyOptionsDoNotApply(String option, String value) {
      assertMentions(
          invalid(APP, option, value), "'" + option + "'", "does not apply", "'app-rankings'");
    }

    @Test
    void rankingsDailyOptionInAnyCaseDoesNotApply() {
      assertMentions(invalid(APP, "PERIOD", "day"), "'period'", "'app-rankings'");
    }
  }

  @Nested
  class RankingsDaily {
    @Test
    void defaults() {
      assertEquals(new RankingSelection(null, null, null, 0, null, null, null, null), daily());
    }

    @Test
    void sliceOptions() {
      assertEquals(
          new RankingSelection(null, null, null, 0, "month", "image", "10K", null),
          daily("period", "month", "modality", "image", "contextBucket", "10K"));
      assertEquals(
          new RankingSelection(null, "programming", null, 0, "week", null, null, null),
          daily("period", "week", "category", "programming"));
      assertEquals(
          new RankingSelection(null, null, null, 0, "month", null, null, "natural"),
          daily("period", "month", "languageType", "natural"));
      assertEquals("marketing/seo", daily("category", "marketing/seo").category());
      assertEquals("day", daily("period", "day", "modality", "tool_calling").period());
    }

    @ParameterizedTest
    @CsvSource({"sort,popular", "subcategory,cli-agent", "maxRank,10"})
    void appRankingsOptionsDoNotApply(String option, String value) {
      assertMentions(
          invalid(DAILY, option, value), "'" + option + "'", "does not apply", "'rankings-daily'");
    }

    @Test
    void appRankingsCategoryIsNotADailyCategory() {
      assertMentions(invalid(DAILY, "category", "coding"), "'category'", "'coding'", "programming");
    }

    @Test
    void badSliceValues() {
      assertMentions(invalid(DAILY, "period", "year"), "'period'", "'year'", "day, week, month");
      assertMentions(invalid(DAILY, "modality", "video"), "'modality'", "'video'", "text, image");
      assertMentions(invalid(DAILY, "contextBucket", "1k"), "'contextBucket'", "'1k'", "1K, 10K");
      assertMentions(
          invalid(DAILY, "languageType", "english"),
          "'languageType'",
          "'english'",
          "natural, programming");
    }

    @ParameterizedTest
    @CsvSource({
      "category,programming,modality,text,category,modality",
      "category,programming,contextBucket,1M,category,context_bucket",
      "languageType,natural,modality,image,language_type,modality",
      "languageType,programming,contextBucket,10K,language_type,context_bucket",
      "category,roleplay,languageType,natural,category,language_type",
      "category,finance,period,day,period=day,category",
      "languageType,natural,period,day,period=day,language_type",
    })
    void incompatibleCombinations(
        String o1, String v1, String o2, String v2, String m1, String m2) {
      InvalidOptionException e = invalid(DAILY, o1, v1, o2, v2);
      assertMentions(e, "conflict", m1, m2);
    }
  }

  @Nested
  class PushDownSwitches {
    @Test
    void defaultsAreTrue() {
      for (String dataset : List.of(APP, DAILY)) {
        ReadOptions o = parse(dataset);
        assertTrue(o.pushDownFilters());
        assertTrue(o.pushDownLimit());
      }
    }

    @ParameterizedTest
    @CsvSource({
      "true,true",
      "TRUE,true",
      "True,true",
      "' tRuE ',true",
      "false,false",
      "FALSE,false",
      "False,false",
      "' false',false"
    })
    void acceptTrueAndFalseInAnyCase(String value, boolean expected) {
      for (String dataset : List.of(APP, DAILY)) {
        assertEquals(expected, parse(dataset, "pushDownFilters", value).pushDownFilters());
        assertEquals(expected, parse(dataset, "pushDownLimit", value).pushDownLimit());
      }
    }

    @Test
    void switchesAreIndependent() {
      ReadOptions o = parse(APP, "pushDownFilters", "false", "PUSHDOWNLIMIT", "true");
      assertFalse(o.pushDownFilters());
      assertTrue(o.pushDownLimit());
      o = parse(APP, "pushdownfilters", "true", "pushDownLimit", "false");
      assertTrue(o.pushDownFilters());
      assertFalse(o.pushDownLimit());
    }

    @ParameterizedTest
    @ValueSource(strings = {"yes", "no", "1", "0", "", "t", "truee", "on"})
    void rejectOtherValues(String value) {
      assertMentions(
          invalid(APP, "pushDownFilters", value),
          "'pushDownFilters'",
          "'" + value + "'",
          "true or false");
      assertMentions(
          invalid(DAILY, "pushDownLimit", value),
          "'pushDownLimit'",
          "'" + value + "'",
          "true or false");
    }
  }
}
