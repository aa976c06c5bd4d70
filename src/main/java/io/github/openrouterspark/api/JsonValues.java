package io.github.openrouterspark.api;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/** Strict readers for the scalar shapes the API uses; each failure names the field. */
public final class JsonValues {
  private JsonValues() {}

  public static String string(String field, JsonParser p) throws IOException {
    if (p.currentToken() != JsonToken.VALUE_STRING) {
      throw new MalformedResponseException("field '" + field + "' must be a string but was " + describe(p));
    }
    return p.getText();
  }

  public static LocalDate date(String field, String text) {
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      throw new MalformedResponseException("field '" + field + "' is not a YYYY-MM-DD date: '" + text + "'");
    }
  }

  public static Instant instant(String field, String text) {
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      throw new MalformedResponseException("field '" + field + "' is not an ISO-8601 date-time: '" + text + "'");
    }
  }

  /**
   * A non-negative integer sent as a decimal string of any width (the API's form for token
   * totals); a bare JSON integer is tolerated. Returns the digits.
   */
  public static String unsignedDecimal(String field, JsonParser p) throws IOException {
    JsonToken t = p.currentToken();
    if (t != JsonToken.VALUE_STRING && t != JsonToken.VALUE_NUMBER_INT) {
      throw new MalformedResponseException(
          "field '" + field + "' must be a decimal string but was " + describe(p));
    }
    String text = p.getText();
    if (text.isEmpty() || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw new MalformedResponseException(
          "field '" + field + "' must be a non-negative integer but was '" + text + "'");
    }
    return text;
  }

  private static String describe(JsonParser p) throws IOException {
    JsonToken t = p.currentToken();
    return switch (t) {
      case VALUE_NULL -> "null";
      case START_OBJECT -> "an object";
      case START_ARRAY -> "an array";
      default -> t.name().toLowerCase().replace("value_", "a ") + " (" + p.getText() + ")";
    };
  }
}
