package io.github.openrouterspark.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AnalyticsResponseReaderTest {
  private static final AnalyticsQueryBody QUERY =
      new AnalyticsQueryBody(
          List.of("request_count"),
          List.of("model"),
          List.of(),
          "day",
          Instant.parse("2026-05-01T00:00:00Z"),
          Instant.parse("2026-05-03T00:00:00Z"),
          null,
          null,
          null);
  private static final ApiRequest REQUEST = QUERY.toRequest();

  private static final String ROWS =
      "["
          + "{\"date__day\":\"2026-05-02T00:00:00.000Z\",\"model\":\"openai/gpt-4o\",\"request_count\":\"12\","
          + "\"total_usage\":0.25},"
          + "{\"date__day\":\"2026-05-01T00:00:00.000Z\",\"model\":null,\"request_count\":\"3\",\"total_usage\":1.5E-4}"
          + "]";

  /**
   * Records the scalar fields it accepts, as text (null for JSON null); everything else is refused.
   */
  static class RecordingSink implements AnalyticsRowSink {
    final List<Map<String, String>> rows = new ArrayList<>();
    final Set<String> accepted;
    final List<String> events = new ArrayList<>();
    private Map<String, String> current;

    RecordingSink(Set<String> accepted) {
      this.accepted = accepted;
    }

    RecordingSink() {
      this(Set.of("date__day", "model", "request_count", "total_usage"));
    }

    @Override
    public void startRow() {
      events.add("start");
      current = new LinkedHashMap<>();
    }

    @Override
    public boolean field(String name, JsonParser value) throws IOException {
      if (!accepted.contains(name)) {
        return false;
      }
      current.put(name, value.currentToken() == JsonToken.VALUE_NULL ? null : value.getText());
      return true;
    }

    @Override
    public void endRow() {
      events.add("end");
      rows.add(current);
      current = null;
    }
  }

  private static final class ClosingStream extends ByteArrayInputStream {
    boolean closed;

    ClosingStream(String body) {
      super(body.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() throws IOException {
      closed = true;
      super.close();
    }
  }

  private static AnalyticsResult read(String body, AnalyticsRowSink sink) {
    return AnalyticsResponseReader.read(QUERY, new ClosingStream(body), sink);
  }

  private static Map<String, String> row(String... kv) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put(kv[i], kv[i + 1]);
    }
    return m;
  }

  private static void assertTwoRows(RecordingSink sink) {
    assertEquals(
        List.of(
            row(
                "date__day",
                "2026-05-02T00:00:00.000Z",
                "model",
                "openai/gpt-4o",
                "request_count",
                "12",
                "total_usage",
                "0.25"),
            row(
                "date__day",
                "2026-05-01T00:00:00.000Z",
                "model",
                null,
                "request_count",
                "3",
                "total_usage",
                "1.5E-4")),
        sink.rows);
    assertEquals(List.of("start", "end", "start", "end"), sink.events);
  }

  @Test
  void rowsThenMetadata() {
    RecordingSink sink = new RecordingSink();
    AnalyticsResult result =
        read(
            "{\"data\":{\"data\":"
                + ROWS
                + ",\"metadata\":{\"truncated\":false,\"row_count\":2},\"warnings\":[]}}",
            sink);
    assertTwoRows(sink);
    assertEquals(new AnalyticsResult(false, 2, List.of()), result);
  }

  @Test
  void metadataAndWarningsBeforeRows() {
    RecordingSink sink = new RecordingSink();
    AnalyticsResult result =
        read(
            "{\"data\":{\"warnings\":[\"Could not resolve api_key_id hash: abab...\",\"w2\"],"
                + "\"metadata\":{\"row_count\":2,\"truncated\":true,\"elapsed_ms\":12,\"extra\":{\"a\":[1]}},"
                + "\"data\":"
                + ROWS
                + "}}",
            sink);
    assertTwoRows(sink);
    assertTrue(result.truncated());
    assertEquals(2, result.rowCount());
    assertEquals(List.of("Could not resolve api_key_id hash: abab...", "w2"), result.warnings());
  }

  @Test
  void metadataBetweenUnknownMembersAndOtherTopLevelMembers() {
    RecordingSink sink = new RecordingSink();
    AnalyticsResult result =
        read(
            "{\"meta\":{\"x\":[1,2,{\"y\":null}]},\"data\":{\"other\":{\"z\":[1]},"
                + "\"data\":"
                + ROWS
                + ",\"metadata\":{\"truncated\":false,\"row_count\":2}},\"trailer\":\"t\"}",
            sink);
    assertTwoRows(sink);
    assertFalse(result.truncated());
    assertEquals(2, result.rowCount());
    assertEquals(List.of(), result.warnings());
  }

  @Test
  void refusedFieldsAreSkippedIncludingNestedValues() {
    RecordingSink sink = new RecordingSink(Set.of("request_count"));
    AnalyticsResult result =
        read(
            "{\"data\":{\"data\":[{\"nested\":{\"a\":[1,{\"b\":2}]},\"request_count\":\"7\","
                + "\"list\":[1,2],\"model\":\"a\",\"date__day\":\"2026-05-01\"},{\"request_count\":\"8\",\"model\":\"b\","
                + "\"date__day\":\"2026-05-01\"}],\"metadata\":{\"truncated\":false,\"row_count\":2}}}",
            sink);
    assertEquals(List.of(row("request_count", "7"), row("request_count", "8")), sink.rows);
    assertEquals(new AnalyticsResult(false, 2, List.of()), result);
  }

  @Test
  void noRowsIsAValidResult() {
    RecordingSink sink = new RecordingSink();
    AnalyticsResult result =
        read("{\"data\":{\"data\":[],\"metadata\":{\"truncated\":false,\"row_count\":0}}}", sink);
    assertEquals(List.of(), sink.rows);
    assertEquals(new AnalyticsResult(false, 0, List.of()), result);
  }

  @Test
  void nonStringWarningsAreIgnoredAndANonArrayIsSkipped() {
    AnalyticsResult result =
        read(
            "{\"data\":{\"data\":[],\"metadata\":{\"truncated\":false,\"row_count\":0},"
                + "\"warnings\":[1,{\"a\":\"b\"},\"kept\",[\"x\"]]}}",
            new RecordingSink());
    assertEquals(List.of("kept"), result.warnings());
    AnalyticsResult other =
        read(
            "{\"data\":{\"warnings\":{\"a\":\"b\"},\"data\":[],"
                + "\"metadata\":{\"truncated\":true,\"row_count\":0}}}",
            new RecordingSink());
    assertEquals(List.of(), other.warnings());
    assertTrue(other.truncated());
  }

  @Test
  void theBodyIsClosed() {
    ClosingStream ok =
        new ClosingStream(
            "{\"data\":{\"data\":[],\"metadata\":{\"truncated\":false,\"row_count\":0}}}");
    AnalyticsResponseReader.read(QUERY, ok, new RecordingSink());
    assertTrue(ok.closed);
    ClosingStream bad = new ClosingStream("{\"data\":{\"data\":[]}}");
    assertThrows(
        ApiException.class, () -> AnalyticsResponseReader.read(QUERY, bad, new RecordingSink()));
    assertTrue(bad.closed);
  }

  private static ApiException malformed(String body) {
    ApiException e = assertThrows(ApiException.class, () -> read(body, new RecordingSink()));
    assertEquals(200, e.status());
    assertEquals(REQUEST, e.request());
    assertTrue(
        e.getMessage().contains("POST /analytics/query {\"metrics\":[\"request_count\"]"),
        e.getMessage());
    return e;
  }

  @Test
  void missingTruncatedFails() {
    ApiException e = malformed("{\"data\":{\"data\":" + ROWS + ",\"metadata\":{\"row_count\":2}}}");
    assertTrue(e.getMessage().contains("data.metadata.truncated"), e.getMessage());
    // A non-boolean truncated does not count.
    ApiException s = malformed("{\"data\":{\"data\":[],\"metadata\":{\"truncated\":\"false\"}}}");
    assertTrue(s.getMessage().contains("data.metadata.truncated"), s.getMessage());
    // Nor does a missing metadata object.
    ApiException m = malformed("{\"data\":{\"data\":[]}}");
    assertTrue(m.getMessage().contains("data.metadata.truncated"), m.getMessage());
  }

  @Test
  void missingRowsFail() {
    ApiException e = malformed("{\"data\":{\"metadata\":{\"truncated\":false}}}");
    assertTrue(e.getMessage().contains("'data.data' is missing"), e.getMessage());
    ApiException d = malformed("{\"meta\":{}}");
    assertTrue(d.getMessage().contains("'data' is missing"), d.getMessage());
  }

  @Test
  void aCutBodyFails() {
    String full =
        "{\"data\":{\"data\":" + ROWS + ",\"metadata\":{\"truncated\":false,\"row_count\":2}}}";
    for (int cut :
        new int[] {
          1, 20, full.indexOf("\"model\":null"), full.indexOf("\"metadata\""), full.length() - 1
        }) {
      ApiException e = malformed(full.substring(0, cut));
      assertTrue(e.getMessage().contains("the response body"), e.getMessage());
    }
    ApiException e = malformed(full.substring(0, full.indexOf("\"total_usage\":0.25")));
    assertTrue(e.getMessage().contains("truncated or not valid JSON"), e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "[]",
        "{\"data\":[]}",
        "{\"data\":{\"data\":{},\"metadata\":{\"truncated\":false}}}",
        "{\"data\":{\"data\":[1],\"metadata\":{\"truncated\":false}}}",
        "{\"data\":{\"data\":[],\"metadata\":[]}}",
        "{\"data\":{\"data\":[],\"metadata\":{\"truncated\":false,\"row_count\":0}}} {}",
        "<html>502</html>"
      })
  void otherShapesFail(String body) {
    malformed(body);
  }

  @Test
  void aRowTheSinkRejectsIsNamedByIndex() {
    AnalyticsRowSink picky =
        new RecordingSink() {
          private int n;

          @Override
          public void endRow() {
            if (n++ == 1) {
              throw new MalformedResponseException("request_count is not a whole number");
            }
          }
        };
    ApiException e =
        assertThrows(
            ApiException.class,
            () ->
                read(
                    "{\"data\":{\"data\":" + ROWS + ",\"metadata\":{\"truncated\":false}}}",
                    picky));
    assertTrue(
        e.getMessage().contains("data.data[1]: request_count is not a whole number"),
        e.getMessage());
  }
}
