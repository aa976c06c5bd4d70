package io.github.openrouterspark.options;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.function.BiFunction;

/**
 * What one option's value must look like: its Java type and the check that turns the text into it,
 * failing with a message that names the option, the value and what is allowed.
 *
 * @param <T> the type of the parsed value
 */
final class OptionType<T> {
  /**
   * Taken as given; the dataset's own parser checks it (its vocabulary may depend on the dataset).
   */
  static final OptionType<String> TEXT = new OptionType<>(String.class, (option, value) -> value);

  static final OptionType<String> HTTP_URL = new OptionType<>(String.class, OptionValues::httpUrl);
  static final OptionType<String> HEADER_TEXT =
      new OptionType<>(String.class, OptionValues::headerText);
  static final OptionType<String> CATEGORIES =
      new OptionType<>(String.class, OptionValues::categories);
  static final OptionType<String> STORE_DIRECTORY =
      new OptionType<>(String.class, OptionValues::storeDirectory);
  static final OptionType<Boolean> FLAG = new OptionType<>(Boolean.class, OptionValues::bool);
  static final OptionType<LocalDate> DATE = new OptionType<>(LocalDate.class, OptionValues::date);

  /** A timeout, at most 10 minutes. */
  static final OptionType<Duration> TIMEOUT = duration(Duration.ofMinutes(10));

  private final Class<T> javaType;
  private final BiFunction<ReaderOption, String, T> parser;

  private OptionType(Class<T> javaType, BiFunction<ReaderOption, String, T> parser) {
    this.javaType = javaType;
    this.parser = parser;
  }

  static OptionType<Integer> wholeNumber(int min, int max) {
    return new OptionType<>(
        Integer.class, (option, value) -> OptionValues.intInRange(option, value, min, max));
  }

  /** From 1 ms to {@code max}. */
  static OptionType<Duration> duration(Duration max) {
    String maxText = format(max);
    return new OptionType<>(
        Duration.class, (option, value) -> OptionValues.duration(option, value, max, maxText));
  }

  /** An instant; a date means its 00:00 UTC, or for an end the next day's (the day included). */
  static OptionType<Instant> instant(boolean endOfDay) {
    return new OptionType<>(
        Instant.class, (option, value) -> OptionValues.instant(option, value, endOfDay));
  }

  /** One of {@code allowed}, after stripping blanks around it. */
  static OptionType<String> oneOf(List<String> allowed) {
    return new OptionType<>(
        String.class, (option, value) -> OptionValues.oneOf(option, value, allowed));
  }

  Class<T> javaType() {
    return javaType;
  }

  T parse(ReaderOption option, String value) {
    return parser.apply(option, value);
  }

  /** A value as a user writes it in the option, e.g. 10s, 2m or true. */
  static String format(Object value) {
    if (value instanceof Duration d) {
      long ms = d.toMillis();
      if (ms % 3_600_000 == 0) {
        return ms / 3_600_000 + "h";
      }
      if (ms % 60_000 == 0 && ms > 60_000) {
        return ms / 60_000 + "m";
      }
      return ms % 1000 == 0 ? ms / 1000 + "s" : ms + "ms";
    }
    return String.valueOf(value);
  }
}
