package io.github.openrouterspark.api;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/** Strict readers for the scalar shapes the API uses; each failure names the field. */
public final class JsonValues {
  /** JSON's number grammar, which a numeric string must follow too. */
  private static final Pattern JSON_NUMBER =
      Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?");

  /** Longer than any double or 64-bit value needs; bounds the work of parsing a hostile string. */
  private static final int MAX_NUMBER_LENGTH = 100;

  private JsonValues() {}

  public static String string(String field, JsonParser p) throws IOException {
    if (p.currentToken() != JsonToken.VALUE_STRING) {
      throw new MalformedResponseException(
          "field '" + field + "' must be a string but was " + describe(p));
    }
    return p.getText();
  }

  public static LocalDate date(String field, String text) {
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      throw new MalformedResponseException(
          "field '" + field + "' is not a YYYY-MM-DD date: '" + text + "'");
    }
  }

  public static Instant instant(String field, String text) {
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      throw new MalformedResponseException(
          "field '" + field + "' is not an ISO-8601 date-time: '" + text + "'");
    }
  }

  /**
   * A non-negative integer sent as a decimal string of any width (the API's form for token totals);
   * a bare JSON integer is tolerated. Returns the digits.
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

  /**
   * A JSON integer. A number with a zero fraction ({@code 5.0}, {@code 1e2}) is one too, as OpenAPI
   * 3.1 (JSON Schema) counts it; {@code 5.5}, strings and values beyond 64 bits are not.
   */
  public static long integer(String field, JsonParser p) throws IOException {
    JsonToken t = p.currentToken();
    if (t == JsonToken.VALUE_NUMBER_INT) {
      try {
        return p.getLongValue();
      } catch (IOException e) {
        throw new MalformedResponseException(
            "field '" + field + "' does not fit in 64 bits: " + p.getText());
      }
    }
    if (t != JsonToken.VALUE_NUMBER_FLOAT) {
      throw new MalformedResponseException(
          "field '" + field + "' must be an integer but was " + describe(p));
    }
    return wholeNumber(field, p.getText());
  }

  /**
   * A whole-number count sent as a JSON number or as the decimal string of one (the API sends
   * counts either way, docs/api-contract.md §5); {@code "5.0"} is whole, {@code "5.5"} is not.
   */
  public static long wholeNumber(String field, JsonParser p) throws IOException {
    return wholeNumber(field, numberText(field, p));
  }

  /**
   * A real number sent as a JSON number or as the decimal string of one: finite and within the
   * range of a double. NaN, Infinity, hex floats ({@code 0x1p4}) and {@code 1e400} are refused, as
   * text or as numbers; they are not JSON numbers, or not ones a double can hold.
   */
  public static double finiteNumber(String field, JsonParser p) throws IOException {
    String text = numberText(field, p);
    double value = Double.parseDouble(text);
    if (Double.isInfinite(value)) {
      throw new MalformedResponseException("field '" + field + "' is out of range: " + text);
    }
    return value;
  }

  /**
   * A time bucket start: an ISO-8601 date-time, or a {@code YYYY-MM-DD} date meaning its midnight
   * UTC (the API writes both, docs/api-contract.md §5).
   */
  public static Instant bucketStart(String field, String text) {
    try {
      if (text.length() == 10) {
        return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
      }
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      throw new MalformedResponseException(
          "field '" + field + "' is not an ISO-8601 date-time or YYYY-MM-DD date: '" + text + "'");
    }
  }

  /** The text of a JSON number, or of a string in JSON's number form. */
  private static String numberText(String field, JsonParser p) throws IOException {
    JsonToken t = p.currentToken();
    if (t != JsonToken.VALUE_NUMBER_INT
        && t != JsonToken.VALUE_NUMBER_FLOAT
        && t != JsonToken.VALUE_STRING) {
      throw new MalformedResponseException(
          "field '" + field + "' must be a number but was " + describe(p));
    }
    String text = p.getText();
    if (text.length() > MAX_NUMBER_LENGTH || !JSON_NUMBER.matcher(text).matches()) {
      throw new MalformedResponseException(
          "field '"
              + field
              + "' must be a finite decimal number but was '"
              + abbreviate(text)
              + "'");
    }
    return text;
  }

  private static long wholeNumber(String field, String text) {
    try {
      return new BigDecimal(text).longValueExact();
    } catch (ArithmeticException e) {
      boolean fraction = new BigDecimal(text).stripTrailingZeros().scale() > 0;
      throw new MalformedResponseException(
          "field '"
              + field
              + "' must be "
              + (fraction ? "a whole number but was " : "a whole number within 64 bits but was ")
              + text);
    }
  }

  private static String abbreviate(String text) {
    return text.length() <= 40 ? text : text.substring(0, 40) + "…";
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
