package io.github.openrouterspark.api;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Streams a {@code POST /analytics/query} response, {@code {"data":{"data":[rows],"metadata":
 * {...},"warnings":[...]}}} with its members in any order, into an {@link AnalyticsRowSink}. {@code
 * metadata.truncated} usually comes after the rows, so a caller that must not return a short result
 * holds the rows of one response (at most {@code limit}) until this returns.
 *
 * <p>Nothing is taken on trust: each row is checked against the query ({@link AnalyticsRowCheck})
 * before the sink sees its fields, and {@code metadata.row_count} must equal the rows sent. Any
 * deviation fails with an {@link ApiException} naming the request, the row and the value; it is not
 * a transient fault, so it is not worth retrying.
 */
final class AnalyticsResponseReader {
  private static final JsonFactory JSON = new JsonFactory();

  private AnalyticsResponseReader() {}

  static AnalyticsResult read(AnalyticsQueryBody query, InputStream body, AnalyticsRowSink sink) {
    ApiRequest request = query.toRequest();
    AnalyticsRowCheck check = new AnalyticsRowCheck(query);
    long[] rowIndex = {-1};
    try (body;
        JsonParser p = JSON.createParser(body)) {
      AnalyticsMeta.expect(p.nextToken(), JsonToken.START_OBJECT, "the response");
      AnalyticsResult result = null;
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        JsonToken value = p.nextToken();
        if (field.equals("data")) {
          AnalyticsMeta.expect(value, JsonToken.START_OBJECT, "field 'data'");
          result = readData(p, sink, check, rowIndex);
        } else {
          p.skipChildren();
        }
      }
      if (result == null) {
        throw new MalformedResponseException("required field 'data' is missing");
      }
      if (p.nextToken() != null) {
        throw new MalformedResponseException("unexpected content after the JSON document");
      }
      return result;
    } catch (MalformedResponseException e) {
      String at = rowIndex[0] >= 0 ? "data.data[" + rowIndex[0] + "]: " : "";
      throw AnalyticsMeta.malformed(request, "is malformed: " + at + e.getMessage(), e);
    } catch (IOException e) {
      throw AnalyticsMeta.malformed(
          request,
          "is truncated or not valid JSON ("
              + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())
              + ")",
          e);
    }
  }

  private static AnalyticsResult readData(
      JsonParser p, AnalyticsRowSink sink, AnalyticsRowCheck check, long[] rowIndex)
      throws IOException {
    boolean sawRows = false;
    long rows = 0;
    Boolean truncated = null;
    long rowCount = -1;
    List<String> warnings = new ArrayList<>();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      JsonToken value = p.nextToken();
      switch (field) {
        case "data" -> {
          AnalyticsMeta.expect(value, JsonToken.START_ARRAY, "field 'data.data'");
          sawRows = true;
          JsonToken t;
          while ((t = p.nextToken()) == JsonToken.START_OBJECT) {
            rowIndex[0]++;
            check.startRow();
            sink.startRow();
            while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
              String name = p.currentName();
              p.nextToken();
              check.field(name, p);
              if (!sink.field(name, p)) {
                p.skipChildren();
              }
            }
            AnalyticsMeta.expect(t, JsonToken.END_OBJECT, "the end of a row");
            check.endRow();
            sink.endRow();
            rows++;
          }
          AnalyticsMeta.expect(t, JsonToken.END_ARRAY, "the end of 'data.data'");
          rowIndex[0] = -1;
        }
        case "metadata" -> {
          AnalyticsMeta.expect(value, JsonToken.START_OBJECT, "field 'data.metadata'");
          while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken v = p.nextToken();
            if (name.equals("truncated")
                && (v == JsonToken.VALUE_TRUE || v == JsonToken.VALUE_FALSE)) {
              truncated = p.getBooleanValue();
            } else if (name.equals("row_count") && v != JsonToken.VALUE_NULL) {
              rowCount = JsonValues.integer("data.metadata.row_count", p);
            } else {
              p.skipChildren();
            }
          }
        }
        case "warnings" -> {
          if (value == JsonToken.START_ARRAY) {
            JsonToken t;
            while ((t = p.nextToken()) != JsonToken.END_ARRAY && t != null) {
              if (t == JsonToken.VALUE_STRING) {
                warnings.add(p.getText());
              } else {
                p.skipChildren();
              }
            }
          } else {
            p.skipChildren();
          }
        }
        default -> p.skipChildren();
      }
    }
    if (!sawRows) {
      throw new MalformedResponseException("required field 'data.data' is missing");
    }
    if (truncated == null) {
      // Without it, a short result could not be told from a complete one (docs/api-contract.md §5).
      throw new MalformedResponseException("required field 'data.metadata.truncated' is missing");
    }
    if (rowCount < 0) {
      // Without it, rows lost on the way could not be told from rows never sent.
      throw new MalformedResponseException(
          "required field 'data.metadata.row_count' is missing, null or negative");
    }
    if (rowCount != rows) {
      throw new MalformedResponseException(
          "data.metadata.row_count is "
              + rowCount
              + " but 'data.data' has "
              + rows
              + (rowCount > rows
                  ? " rows: rows are missing from the response"
                  : " rows: more than it counted"));
    }
    return new AnalyticsResult(truncated, rowCount, warnings);
  }
}
