package io.github.openrouterspark.spark;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.github.openrouterspark.api.AnalyticsRowSink;
import io.github.openrouterspark.api.MalformedResponseException;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.unsafe.types.UTF8String;

/**
 * Decodes analytics rows field by field straight into Spark rows. The API's row values are
 * untyped (API-NOTES §5, §9.5): counts come as JSON strings or numbers, real numbers as numbers
 * (a numeric string is accepted too), time keys as ISO date-times or {@code YYYY-MM-DD}; null
 * stays null. The rows of one response are held until its metadata says whether it is complete.
 */
final class AnalyticsRowDecoder implements AnalyticsRowSink {
  private final AnalyticsRowLayout layout;
  private final List<GenericInternalRow> rows = new ArrayList<>();
  private Object[] values;
  private boolean sawDate;

  AnalyticsRowDecoder(AnalyticsRowLayout layout) {
    this.layout = layout;
  }

  @Override
  public void startRow() {
    values = new Object[layout.width()];
    sawDate = false;
  }

  @Override
  public boolean field(String name, JsonParser p) throws IOException {
    int[] positions = layout.positions(name);
    if (positions.length == 0) {
      return false;
    }
    for (int position : positions) {
      values[position] = convert(name, layout.kind(position), p);
      sawDate |= layout.kind(position) == AnalyticsColumn.Kind.DATE;
    }
    return true;
  }

  @Override
  public void endRow() {
    for (int i = 0; i < values.length; i++) {
      if (layout.required(i) && values[i] == null) {
        throw new MalformedResponseException("an analytics row has no time bucket (date__<granularity>)"
            + (sawDate ? " value" : " field") + ", so it cannot be placed in time");
      }
    }
    rows.add(new GenericInternalRow(values));
  }

  /** The rows decoded so far; the list is handed over, and a new one is started. */
  List<GenericInternalRow> takeRows() {
    List<GenericInternalRow> out = new ArrayList<>(rows);
    rows.clear();
    return out;
  }

  private static Object convert(String field, AnalyticsColumn.Kind kind, JsonParser p) throws IOException {
    JsonToken t = p.currentToken();
    if (t == JsonToken.VALUE_NULL) {
      return null;
    }
    if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
      throw bad(field, "a scalar", p);
    }
    String text = p.getText();
    return switch (kind) {
      case DIMENSION, USER_EMAIL -> UTF8String.fromString(text);
      case COUNT -> {
        try {
          yield new BigDecimal(text.strip()).longValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
          throw bad(field, "a whole number (or its decimal string)", p);
        }
      }
      case MEASURE -> {
        if (t == JsonToken.VALUE_NUMBER_FLOAT || t == JsonToken.VALUE_NUMBER_INT) {
          yield p.getValueAsDouble();
        }
        try {
          yield Double.parseDouble(text.strip());
        } catch (NumberFormatException e) {
          throw bad(field, "a number", p);
        }
      }
      case DATE -> SparkValues.timestamp(instant(field, text, p));
    };
  }

  private static Instant instant(String field, String text, JsonParser p) throws IOException {
    try {
      if (text.length() == 10) {
        return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
      }
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      throw bad(field, "an ISO date-time or YYYY-MM-DD date", p);
    }
  }

  private static MalformedResponseException bad(String field, String expected, JsonParser p) throws IOException {
    String shown = p.currentToken().isScalarValue() ? "'" + p.getText() + "'" : p.currentToken().toString();
    return new MalformedResponseException("analytics field '" + field + "' should be " + expected + " but was " + shown);
  }
}
