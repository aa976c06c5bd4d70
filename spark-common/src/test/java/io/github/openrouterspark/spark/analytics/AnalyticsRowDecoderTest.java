package io.github.openrouterspark.spark.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.github.openrouterspark.api.MalformedResponseException;
import io.github.openrouterspark.spark.read.SparkValues;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.junit.jupiter.api.Test;

/** The untyped analytics row values (docs/api-contract.md §5, §9.5) become typed Spark values. */
class AnalyticsRowDecoderTest {
  private static final AnalyticsRowLayout LAYOUT =
      new AnalyticsRowLayout(
          List.of(
              new AnalyticsColumn("date", AnalyticsColumn.Kind.DATE, false),
              new AnalyticsColumn("model", AnalyticsColumn.Kind.DIMENSION, false),
              new AnalyticsColumn("request_count", AnalyticsColumn.Kind.COUNT, true),
              new AnalyticsColumn("total_usage", AnalyticsColumn.Kind.MEASURE, true),
              new AnalyticsColumn("total_usage", AnalyticsColumn.Kind.MEASURE, true)));

  private static GenericInternalRow decode(String json) throws IOException {
    AnalyticsRowDecoder decoder = new AnalyticsRowDecoder(LAYOUT);
    try (JsonParser p = new JsonFactory().createParser(json)) {
      p.nextToken();
      decoder.startRow();
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        p.nextToken();
        if (!decoder.field(name, p)) {
          p.skipChildren();
        }
      }
      decoder.endRow();
    }
    return decoder.last();
  }

  private static long micros(String instant) {
    return SparkValues.timestamp(Instant.parse(instant));
  }

  @Test
  void countsAsStringsOrNumbersAndMeasuresAsNumbersOrStrings() throws IOException {
    GenericInternalRow row =
        decode(
            "{\"date__day\":\"2026-05-10T00:00:00.000Z\",\"model\":\"openai/gpt-5.4\","
                + "\"request_count\":\"1523\",\"total_usage\":0.125,\"unknown\":{\"x\":[1]}}");
    assertEquals(micros("2026-05-10T00:00:00Z"), row.getLong(0));
    assertEquals("openai/gpt-5.4", row.getUTF8String(1).toString());
    assertEquals(1523L, row.getLong(2));
    assertEquals(0.125, row.getDouble(3));
    assertEquals(0.125, row.getDouble(4), "a metric summed twice fills both positions");

    row =
        decode(
            "{\"created_at__week\":\"2026-06-07\",\"model\":null,\"request_count\":42,\"total_usage\":\"3.5\"}");
    assertEquals(
        micros("2026-06-07T00:00:00Z"), row.getLong(0), "YYYY-MM-DD time keys, created_at__ names");
    assertTrue(row.isNullAt(1));
    assertEquals(42L, row.getLong(2));
    assertEquals(3.5, row.getDouble(3));

    row =
        decode(
            "{\"date__hour\":\"2026-05-10T13:00:00+00:00\",\"request_count\":\"7\",\"total_usage\":null}");
    assertEquals(micros("2026-05-10T13:00:00Z"), row.getLong(0));
    assertTrue(row.isNullAt(3), "null stays null");
    assertNull(
        row.get(1, org.apache.spark.sql.types.DataTypes.StringType), "absent dimension is null");
  }

  @Test
  void malformedValuesFailNamingTheField() {
    MalformedResponseException e =
        assertThrows(
            MalformedResponseException.class,
            () -> decode("{\"date__day\":\"2026-05-10\",\"request_count\":\"12.5\"}"));
    assertTrue(
        e.getMessage().contains("request_count") && e.getMessage().contains("12.5"),
        e.getMessage());
    e =
        assertThrows(
            MalformedResponseException.class, () -> decode("{\"date__day\":\"yesterday\"}"));
    assertTrue(e.getMessage().contains("date__day"), e.getMessage());
    e =
        assertThrows(
            MalformedResponseException.class,
            () -> decode("{\"model\":\"x\",\"request_count\":\"1\"}"));
    assertTrue(e.getMessage().contains("time bucket"), e.getMessage());
  }

  @Test
  void wholeCountsWrittenWithAFractionAreCountsButFractionsAreNot() throws IOException {
    GenericInternalRow row =
        decode("{\"date__day\":\"2026-05-10\",\"request_count\":5.0,\"total_usage\":1}");
    assertEquals(5L, row.getLong(2));
    assertEquals(5L, decode("{\"date__day\":\"2026-05-10\",\"request_count\":\"5.0\"}").getLong(2));
    MalformedResponseException e =
        assertThrows(
            MalformedResponseException.class,
            () -> decode("{\"date__day\":\"2026-05-10\",\"request_count\":5.5}"));
    assertEquals("field 'request_count' must be a whole number but was 5.5", e.getMessage());
  }

  @Test
  void measuresMustBeFiniteDecimals() {
    for (String bad :
        List.of("\"NaN\"", "\"Infinity\"", "\"0x1p4\"", "\"1e400\"", "1e400", "\" 3.5\"")) {
      MalformedResponseException e =
          assertThrows(
              MalformedResponseException.class,
              () -> decode("{\"date__day\":\"2026-05-10\",\"total_usage\":" + bad + "}"),
              bad);
      assertTrue(e.getMessage().startsWith("field 'total_usage' "), e.getMessage());
      assertTrue(e.getMessage().contains(bad.replace("\"", "")), e.getMessage());
    }
  }
}
