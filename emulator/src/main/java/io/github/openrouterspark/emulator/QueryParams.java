package io.github.openrouterspark.emulator;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Typed, validated access to decoded query parameters. A parameter that is present must be valid,
 * even when empty; unknown parameters are simply never asked for. Messages name the parameter
 * first, e.g. {@code "end_date: ..."}.
 */
final class QueryParams {
  /** The spec's pattern; {@code \d} only matches ASCII digits in Java. */
  private static final Pattern DATE = Pattern.compile("^\\d{4}-\\d{2}-\\d{2}$");

  /**
   * A JSON integer's lexical form: no sign but minus, no leading zeros, no fraction or exponent.
   */
  private static final Pattern INTEGER = Pattern.compile("-?(0|[1-9][0-9]*)");

  private final Map<String, String> values;

  QueryParams(Map<String, String> values) {
    this.values = values;
  }

  /** A {@code YYYY-MM-DD} date that must also exist in the calendar (no 2026-02-30). */
  Optional<LocalDate> date(String name) throws RequestRejected {
    String raw = values.get(name);
    if (raw == null) {
      return Optional.empty();
    }
    if (!DATE.matcher(raw).matches()) {
      throw bad(name + ": must be a date in YYYY-MM-DD format, got '" + raw + "'");
    }
    try {
      // ISO_LOCAL_DATE resolves strictly, so day 30 of February is an error, not March 2.
      return Optional.of(LocalDate.parse(raw, DateTimeFormatter.ISO_LOCAL_DATE));
    } catch (DateTimeParseException e) {
      throw bad(name + ": '" + raw + "' is not a valid calendar date");
    }
  }

  /** A value from a closed set, compared exactly (the spec's enums are case-sensitive). */
  Optional<String> oneOf(String name, List<String> allowed) throws RequestRejected {
    String raw = values.get(name);
    if (raw == null) {
      return Optional.empty();
    }
    if (!allowed.contains(raw)) {
      throw bad(name + ": must be one of " + String.join(", ", allowed) + ", got '" + raw + "'");
    }
    return Optional.of(raw);
  }

  /**
   * An integer from {@code min} to {@code max} inclusive, written as a plain decimal integer
   * ({@code 7}, not {@code 07}, {@code +7}, {@code 7.0} or {@code 7e0}); empty is invalid.
   */
  Optional<Integer> integer(String name, int min, int max) throws RequestRejected {
    String raw = values.get(name);
    if (raw == null) {
      return Optional.empty();
    }
    // At most 11 characters fit an int; longer digit strings are out of range anyway.
    if (INTEGER.matcher(raw).matches() && raw.length() <= 11) {
      long value = Long.parseLong(raw);
      if (value >= min && value <= max) {
        return Optional.of((int) value);
      }
    }
    throw bad(name + ": must be an integer from " + min + " to " + max + ", got '" + raw + "'");
  }

  static RequestRejected bad(String message) {
    return new RequestRejected(ApiError.badRequest(message));
  }
}
