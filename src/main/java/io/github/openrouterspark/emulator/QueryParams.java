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

  static RequestRejected bad(String message) {
    return new RequestRejected(ApiError.badRequest(message));
  }
}
