package io.github.openrouterspark.spark.analytics;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.github.openrouterspark.api.AnalyticsRowSink;
import io.github.openrouterspark.api.JsonValues;
import io.github.openrouterspark.api.MalformedResponseException;
import io.github.openrouterspark.spark.read.SparkValues;
import java.io.IOException;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.unsafe.types.UTF8String;

/**
 * Decodes analytics rows field by field straight into Spark rows. The API's row values are untyped
 * (docs/api-contract.md §5, §9.5): counts come as JSON strings or numbers, whole (5.0 is 5), real
 * numbers as finite numbers (a numeric string is accepted too), time keys as ISO date-times or
 * {@code YYYY-MM-DD}; null stays null. What the row must hold for its query (keys, range, filters,
 * no duplicates) is checked in the api layer before a field gets here. It keeps only the row
 * decoded last: a response's rows are converted once to check them and once more, from its kept
 * body, to return them one at a time (see {@link AnalyticsPartitionReader}).
 */
final class AnalyticsRowDecoder implements AnalyticsRowSink {
  private final AnalyticsRowLayout layout;
  private GenericInternalRow last;
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
        throw new MalformedResponseException(
            "an analytics row has no time bucket (date__<granularity>)"
                + (sawDate ? " value" : " field")
                + ", so it cannot be placed in time");
      }
    }
    last = new GenericInternalRow(values);
  }

  /** The row decoded last. */
  GenericInternalRow last() {
    return last;
  }

  private static Object convert(String field, AnalyticsColumn.Kind kind, JsonParser p)
      throws IOException {
    JsonToken t = p.currentToken();
    if (t == JsonToken.VALUE_NULL) {
      return null;
    }
    if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
      throw bad(field, "a scalar", p);
    }
    return switch (kind) {
      case DIMENSION, USER_EMAIL -> UTF8String.fromString(p.getText());
      case COUNT -> JsonValues.wholeNumber(field, p);
      case MEASURE -> JsonValues.finiteNumber(field, p);
      case DATE -> SparkValues.timestamp(JsonValues.bucketStart(field, p.getText()));
    };
  }

  private static MalformedResponseException bad(String field, String expected, JsonParser p)
      throws IOException {
    String shown =
        p.currentToken().isScalarValue() ? "'" + p.getText() + "'" : p.currentToken().toString();
    return new MalformedResponseException(
        "analytics field '" + field + "' should be " + expected + " but was " + shown);
  }
}
