package io.github.openrouterspark.options;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Direct checks of the value parsers; ReadOptionsTest covers them through parse(). */
class OptionValuesTest {
  @Test
  void badValueMessageShape() {
    InvalidOptionException e =
        InvalidOptionException.badValue("windowDays", "0", "expected a whole number from 1 to 366");
    assertEquals(
        "Invalid value '0' for option 'windowDays' of format 'openrouter': expected a whole number from 1 to 366.",
        e.getMessage());
  }

  @Test
  void durations() {
    ReaderOption o = ReaderOption.CONNECT_TIMEOUT;
    assertEquals(Duration.ofMillis(500), OptionValues.duration(o, "500ms"));
    assertEquals(Duration.ofSeconds(30), OptionValues.duration(o, "30s"));
    assertEquals(Duration.ofMinutes(2), OptionValues.duration(o, "2m"));
    assertEquals(Duration.ofSeconds(45), OptionValues.duration(o, "45"));
    assertEquals(Duration.ofMinutes(3), OptionValues.duration(o, "3min"));
    assertEquals(Duration.ofMillis(250), OptionValues.duration(o, "250MS"));
    assertEquals(Duration.ofMinutes(10), OptionValues.duration(o, "10m"));
    InvalidOptionException e =
        assertThrows(InvalidOptionException.class, () -> OptionValues.duration(o, "11m"));
    assertTrue(
        e.getMessage().contains("'connectTimeout'") && e.getMessage().contains("'11m'"),
        e.getMessage());
  }

  @Test
  void dates() {
    assertEquals(
        LocalDate.of(2025, 3, 1), OptionValues.date(ReaderOption.START_DATE, "2025-03-01"));
    assertThrows(
        InvalidOptionException.class,
        () -> OptionValues.date(ReaderOption.START_DATE, "2025-02-30"));
    assertThrows(
        InvalidOptionException.class,
        () -> OptionValues.date(ReaderOption.START_DATE, "+2025-03-01"));
    assertThrows(
        InvalidOptionException.class,
        () -> OptionValues.date(ReaderOption.START_DATE, "12025-03-01"));
  }

  @Test
  void ints() {
    assertEquals(1, OptionValues.intInRange(ReaderOption.WINDOW_DAYS, "1", 1, 366));
    assertEquals(366, OptionValues.intInRange(ReaderOption.WINDOW_DAYS, "366", 1, 366));
    assertThrows(
        InvalidOptionException.class,
        () -> OptionValues.intInRange(ReaderOption.WINDOW_DAYS, "+0", 1, 366));
    assertEquals(5, OptionValues.intInRange(ReaderOption.WINDOW_DAYS, "+5", 1, 366));
  }

  @Test
  void urls() {
    assertEquals(
        "https://openrouter.ai/api/v1",
        OptionValues.httpUrl(ReaderOption.BASE_URL, "https://openrouter.ai/api/v1/"));
    assertEquals(
        "http://[::1]:8080/api",
        OptionValues.httpUrl(ReaderOption.BASE_URL, "http://[::1]:8080/api"));
  }

  @Test
  void categories() {
    assertEquals("a,b", OptionValues.categories(ReaderOption.APP_CATEGORIES, "a , b"));
    assertThrows(
        InvalidOptionException.class,
        () -> OptionValues.categories(ReaderOption.APP_CATEGORIES, "a,b,c"));
  }

  @Test
  void headerText() {
    assertEquals("x", OptionValues.headerText(ReaderOption.APP_TITLE, " x "));
    assertThrows(
        InvalidOptionException.class,
        () -> OptionValues.headerText(ReaderOption.APP_TITLE, "a\nb"));
  }
}
