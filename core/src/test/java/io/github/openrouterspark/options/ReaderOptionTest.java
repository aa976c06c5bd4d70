package io.github.openrouterspark.options;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class ReaderOptionTest {
  @ParameterizedTest
  @EnumSource(ReaderOption.class)
  void byKeyIsCaseInsensitive(ReaderOption option) {
    assertEquals(Optional.of(option), ReaderOption.byKey(option.key()));
    assertEquals(Optional.of(option), ReaderOption.byKey(option.key().toLowerCase(Locale.ROOT)));
    assertEquals(Optional.of(option), ReaderOption.byKey(option.key().toUpperCase(Locale.ROOT)));
  }

  @Test
  void byKeyExamples() {
    assertEquals(Optional.of(ReaderOption.START_DATE), ReaderOption.byKey("startdate"));
    assertEquals(Optional.of(ReaderOption.START_DATE), ReaderOption.byKey("STARTDATE"));
    assertEquals(Optional.of(ReaderOption.WINDOW_DAYS), ReaderOption.byKey("windowdays"));
    assertEquals(Optional.of(ReaderOption.API_KEY), ReaderOption.byKey("ApiKey"));
    assertEquals(Optional.of(ReaderOption.PATH), ReaderOption.byKey("path"));
  }

  @Test
  void byKeyUnknown() {
    assertEquals(Optional.empty(), ReaderOption.byKey("windowDay"));
    assertEquals(Optional.empty(), ReaderOption.byKey("paths"));
    assertEquals(Optional.empty(), ReaderOption.byKey(""));
    assertEquals(Optional.empty(), ReaderOption.byKey("start_date"));
  }

  @Test
  void byKeyIsLocaleIndependent() {
    Locale saved = Locale.getDefault();
    try {
      Locale.setDefault(Locale.forLanguageTag("tr-TR"));
      assertEquals(Optional.of(ReaderOption.WINDOW_DAYS), ReaderOption.byKey("WINDOWDAYS"));
      assertEquals(Optional.of(ReaderOption.HTTP_REFERER), ReaderOption.byKey("HTTPREFERER"));
    } finally {
      Locale.setDefault(saved);
    }
  }

  @Test
  void keysAreUniqueIgnoringCaseAndCamelCase() {
    Set<String> seen = new HashSet<>();
    for (ReaderOption o : ReaderOption.values()) {
      assertTrue(seen.add(o.key().toLowerCase(Locale.ROOT)), "duplicate key " + o.key());
      assertTrue(Character.isLowerCase(o.key().charAt(0)), o.key());
      assertFalse(o.description().isBlank(), o.key());
      assertFalse(o.defaultValue().isBlank(), o.key());
    }
  }

  /**
   * The reference shows each typed default as a user writes it: parsing that text gives the default
   * back.
   */
  @ParameterizedTest
  @EnumSource(ReaderOption.class)
  void documentedDefaultParsesToTheTypedDefault(ReaderOption option) {
    for (DatasetName dataset : option.datasets()) {
      Optional<Object> typed = option.defaultFor(dataset, Object.class);
      if (typed.isPresent()) {
        String written = option.defaultValue().split(" ")[0];
        if (dataset.isAnalytics() && option.defaultValue().contains(" for analytics)")) {
          written = option.defaultValue().replaceAll(".*\\((\\S+) for analytics\\).*", "$1");
        }
        assertEquals(
            typed.get(), option.parse(written, Object.class), option.key() + " on " + dataset);
      }
    }
  }

  @Test
  void typedDefaults() {
    assertEquals(
        Optional.of(Duration.ofSeconds(10)),
        ReaderOption.CONNECT_TIMEOUT.defaultFor(DatasetName.ANALYTICS, Duration.class));
    assertEquals(
        Optional.of(30),
        ReaderOption.RATE_LIMIT_PER_MINUTE.defaultFor(DatasetName.APP_RANKINGS, Integer.class));
    assertEquals(
        Optional.of(60),
        ReaderOption.RATE_LIMIT_PER_MINUTE.defaultFor(DatasetName.ANALYTICS_META, Integer.class));
    assertEquals(
        Optional.of("popular"),
        ReaderOption.SORT.defaultFor(DatasetName.APP_RANKINGS, String.class));
    assertEquals(
        Optional.empty(),
        ReaderOption.SORT.defaultFor(DatasetName.RANKINGS_DAILY, String.class),
        "no default where the option does not apply");
    assertEquals(
        Optional.empty(),
        ReaderOption.HTTP_REFERER.defaultFor(DatasetName.RANKINGS_DAILY, String.class));
    assertThrows(
        IllegalArgumentException.class,
        () -> ReaderOption.MAX_RETRIES.defaultFor(DatasetName.RANKINGS_DAILY, String.class));
  }

  @Test
  void appliesTo() {
    assertTrue(ReaderOption.BASE_URL.appliesTo(DatasetName.ANALYTICS_META));
    assertTrue(ReaderOption.WINDOW_DAYS.appliesTo(DatasetName.APP_RANKINGS));
    assertFalse(ReaderOption.WINDOW_DAYS.appliesTo(DatasetName.ANALYTICS));
    assertEquals(Set.of(DatasetName.ANALYTICS), ReaderOption.DIMENSIONS.datasets());
  }

  @Test
  void expectedKeys() {
    assertEquals("dataset", ReaderOption.DATASET.key());
    assertEquals("path", ReaderOption.PATH.key());
    assertEquals("apiKey", ReaderOption.API_KEY.key());
    assertEquals("baseUrl", ReaderOption.BASE_URL.key());
    assertEquals("startDate", ReaderOption.START_DATE.key());
    assertEquals("endDate", ReaderOption.END_DATE.key());
    assertEquals("windowDays", ReaderOption.WINDOW_DAYS.key());
    assertEquals("httpReferer", ReaderOption.HTTP_REFERER.key());
    assertEquals("appTitle", ReaderOption.APP_TITLE.key());
    assertEquals("appCategories", ReaderOption.APP_CATEGORIES.key());
    assertEquals("connectTimeout", ReaderOption.CONNECT_TIMEOUT.key());
    assertEquals("readTimeout", ReaderOption.READ_TIMEOUT.key());
  }

  @ParameterizedTest
  @CsvSource({
    "windowDay, WINDOW_DAYS",
    "windowdayz, WINDOW_DAYS",
    "window_days, WINDOW_DAYS",
    "startdat, START_DATE",
    "start-date, START_DATE",
    "enddat, END_DATE",
    "apikey, API_KEY",
    "api_key, API_KEY",
    "baseurl, BASE_URL",
    "base_url, BASE_URL",
    "datset, DATASET",
    "readTimout, READ_TIMEOUT",
    "connecttimeout, CONNECT_TIMEOUT",
    "connectionTimeout, CONNECT_TIMEOUT",
    "appCategory, APP_CATEGORIES",
    "appTitel, APP_TITLE",
    "httpReferrer, HTTP_REFERER",
    "WINDOWDAY, WINDOW_DAYS"
  })
  void nearest(String typo, ReaderOption expected) {
    assertEquals(expected, ReaderOption.nearest(typo));
  }

  @Test
  void pathIsNeverSuggested() {
    // "path" is set by load(); suggesting it for a typo would point users at the wrong thing.
    assertNotEquals(ReaderOption.PATH, ReaderOption.nearest("path"));
    assertNotEquals(ReaderOption.PATH, ReaderOption.nearest("date"));
  }

  @ParameterizedTest
  @EnumSource(value = ReaderOption.class, names = "PATH", mode = EnumSource.Mode.EXCLUDE)
  void nearestOfAnExactKeyIsItself(ReaderOption option) {
    assertEquals(option, ReaderOption.nearest(option.key()));
    assertEquals(option, ReaderOption.nearest(option.key().toUpperCase(Locale.ROOT)));
  }
}
