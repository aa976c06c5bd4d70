package io.github.openrouterspark.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.openrouterspark.api.AnalyticsResponseReaderTest.RecordingSink;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * An analytics response is checked against the query that asked for it: rows the server should not
 * have sent fail with the request, the row, the field and the value, never silently.
 */
class AnalyticsRowCheckTest {
  private static final Instant START = Instant.parse("2026-05-01T00:00:00Z");
  private static final Instant END = Instant.parse("2026-05-03T00:00:00Z");
  private static final AnalyticsQueryBody DAILY = query(List.of(), "day", START, END);

  private static AnalyticsQueryBody query(
      List<AnalyticsQueryBody.Filter> filters, String granularity, Instant start, Instant end) {
    return new AnalyticsQueryBody(
        List.of("request_count", "total_usage"),
        List.of("model", "provider"),
        filters,
        granularity,
        start,
        end,
        null,
        10_000,
        null);
  }

  private static AnalyticsQueryBody filtered(AnalyticsQueryBody.Filter... filters) {
    return query(List.of(filters), "day", START, END);
  }

  private static String row(String date, String model, String provider) {
    return "{\"date__day\":\""
        + date
        + "\",\"model\":"
        + quoted(model)
        + ",\"provider\":"
        + quoted(provider)
        + ",\"request_count\":\"3\",\"total_usage\":0.5}";
  }

  private static String quoted(String s) {
    return s == null ? "null" : "\"" + s + "\"";
  }

  private static String body(long rowCount, String... rows) {
    return "{\"data\":{\"data\":["
        + String.join(",", rows)
        + "],\"metadata\":{\"query_time_ms\":4,\"row_count\":"
        + rowCount
        + ",\"truncated\":false}}}";
  }

  private static String body(String... rows) {
    return body(rows.length, rows);
  }

  private static RecordingSink read(AnalyticsQueryBody query, String body) {
    RecordingSink sink =
        new RecordingSink(Set.of("date__day", "model", "provider", "request_count", "total_usage"));
    AnalyticsResponseReader.read(
        query, new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)), sink);
    return sink;
  }

  /** The failure, checked to name the request (never the key) and to say what to do. */
  private static String failure(AnalyticsQueryBody query, String body) {
    ApiException e = assertThrows(ApiException.class, () -> read(query, body));
    String m = e.getMessage();
    assertTrue(
        m.startsWith(
            "OpenRouter API request POST /analytics/query {\"metrics\":[\"request_count\""),
        m);
    assertTrue(m.contains("\"time_range\":{\"start\":\"" + query.start() + "\""), m);
    assertTrue(m.contains("if it persists, report it with this message"), m);
    assertTrue(e.getCause() instanceof MalformedResponseException, m);
    assertFalse(e.isTransient(), "a response that breaks the contract is not worth retrying: " + m);
    assertEquals(200, e.status());
    return m;
  }

  private static void assertContains(String message, String part) {
    assertTrue(message.contains(part), message);
  }

  @Test
  void rowsThatKeepTheContractPass() {
    RecordingSink sink =
        read(
            DAILY,
            body(
                row("2026-05-01T00:00:00.000Z", "a/b", "openai"),
                row("2026-05-01", "a/b", null),
                row("2026-05-02T00:00:00Z", "a/b", "openai"),
                "{\"date__day\":\"2026-05-02T00:00:00.000Z\",\"model\":null,\"provider\":\"x\",\"request_count\":7,"
                    + "\"total_usage\":null,\"usage_web\":null,\"user_email\":\"u@example.com\"}"));
    assertEquals(4, sink.rows.size());
  }

  // Time range

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2026-04-30T00:00:00.000Z",
        "2026-05-03T00:00:00.000Z",
        "2026-05-03",
        "2027-01-01"
      })
  void aBucketOutsideTheRangeFails(String bucket) {
    String m = failure(DAILY, body(row("2026-05-01", "a", "p"), row(bucket, "a", "p")));
    assertContains(
        m,
        "data.data[1]: time bucket date__day '"
            + bucket
            + "' lies outside the requested time_range "
            + START
            + " .. "
            + END
            + " (end exclusive)");
  }

  @Test
  void theFirstBucketMayStartBeforeARangeThatStartsMidBucket() {
    Instant start = Instant.parse("2026-05-01T12:00:00Z");
    assertEquals(
        2,
        read(
                query(List.of(), "day", start, END),
                body(row("2026-05-01", "a", "p"), row("2026-05-02", "a", "p")))
            .rows
            .size());
    String m = failure(query(List.of(), "day", start, END), body(row("2026-04-30", "a", "p")));
    assertContains(m, "data.data[0]: time bucket date__day '2026-04-30' lies outside");
  }

  @Test
  void aBucketThatIsNoBucketStartFails() {
    String m = failure(DAILY, body(row("2026-05-01T06:00:00.000Z", "a", "p")));
    assertContains(
        m,
        "data.data[0]: time bucket date__day '2026-05-01T06:00:00.000Z' is not the start of a day");
  }

  @Test
  void weekAndMonthBucketsOverlapTheRange() {
    AnalyticsQueryBody weeks =
        new AnalyticsQueryBody(
            List.of("request_count"),
            List.of(),
            List.of(),
            "week",
            Instant.parse("2026-05-06T00:00:00Z"),
            Instant.parse("2026-05-20T00:00:00Z"),
            null,
            null,
            null);
    String ok =
        "{\"data\":{\"data\":[{\"date__week\":\"2026-05-03\",\"request_count\":\"1\"},"
            + "{\"date__week\":\"2026-05-17\",\"request_count\":\"1\"}],\"metadata\":{\"row_count\":2,\"truncated\":false}}}";
    assertEquals(2, read(weeks, ok).rows.size());
    ApiException e =
        assertThrows(ApiException.class, () -> read(weeks, ok.replace("2026-05-03", "2026-04-26")));
    assertContains(
        e.getMessage(), "data.data[0]: time bucket date__week '2026-04-26' lies outside");

    AnalyticsQueryBody months =
        new AnalyticsQueryBody(
            List.of("request_count"),
            List.of(),
            List.of(),
            "month",
            Instant.parse("2026-02-15T00:00:00Z"),
            Instant.parse("2026-04-01T00:00:00Z"),
            null,
            null,
            null);
    String monthly =
        "{\"data\":{\"data\":[{\"created_at__month\":\"2026-02-01T00:00:00.000Z\",\"request_count\":1},"
            + "{\"created_at__month\":\"2026-03-01T00:00:00.000Z\",\"request_count\":1}],"
            + "\"metadata\":{\"row_count\":2,\"truncated\":false}}}";
    assertEquals(2, read(months, monthly).rows.size());
    for (String bad : List.of("2026-01-01", "2026-04-01", "2026-03-02")) {
      e =
          assertThrows(
              ApiException.class,
              () -> read(months, monthly.replace("2026-03-01T00:00:00.000Z", bad)));
      assertContains(e.getMessage(), "data.data[1]: time bucket created_at__month '" + bad + "'");
    }
  }

  @Test
  void aTimeKeyOfAnotherGranularityOrOfTotalsFails() {
    String m = failure(DAILY, body(row("2026-05-01", "a", "p").replace("date__day", "date__hour")));
    assertContains(
        m,
        "data.data[0]: field 'date__hour' is a time bucket of another granularity than the requested"
            + " date__day (or created_at__day)");
    AnalyticsQueryBody totals = query(List.of(), null, START, END);
    m = failure(totals, body(row("2026-05-01", "a", "p")));
    assertContains(
        m,
        "data.data[0]: field 'date__day' is a time bucket although the request asked for totals");
  }

  // Pushed filters

  private static AnalyticsQueryBody.Filter filter(String field, String op, Object value) {
    return new AnalyticsQueryBody.Filter(field, op, value);
  }

  @Test
  void rowsOutsideAnEqFilterFail() {
    AnalyticsQueryBody q = filtered(filter("model", "eq", "a/b"));
    assertEquals(1, read(q, body(row("2026-05-01", "a/b", "p"))).rows.size());
    String m = failure(q, body(row("2026-05-01", "a/b", "p"), row("2026-05-01", "c/d", "p")));
    assertContains(
        m,
        "data.data[1]: field 'model' is 'c/d', which the request's filter model eq 'a/b' excludes");
    m = failure(q, body(row("2026-05-01", null, "p")));
    assertContains(
        m,
        "data.data[0]: field 'model' is null (unset), which the request's filter model eq 'a/b' excludes");
  }

  @Test
  void rowsOutsideNeqInAndNotInFiltersFail() {
    AnalyticsQueryBody neq = filtered(filter("provider", "neq", "openai"));
    assertEquals(1, read(neq, body(row("2026-05-01", "a", "azure"))).rows.size());
    assertContains(
        failure(neq, body(row("2026-05-01", "a", "openai"))),
        "data.data[0]: field 'provider' is 'openai', which the request's filter provider neq 'openai' excludes");
    assertContains(
        failure(neq, body(row("2026-05-01", "a", null))), "field 'provider' is null (unset)");

    AnalyticsQueryBody in = filtered(filter("model", "in", List.of("a", "b")));
    assertEquals(
        2, read(in, body(row("2026-05-01", "a", "p"), row("2026-05-01", "b", "p"))).rows.size());
    assertContains(
        failure(in, body(row("2026-05-01", "a", "p"), row("2026-05-02", "z", "p"))),
        "data.data[1]: field 'model' is 'z', which the request's filter model in ['a', 'b'] excludes");

    AnalyticsQueryBody notIn =
        filtered(filter("model", "not_in", List.of("a", "b")), filter("provider", "eq", "p"));
    assertEquals(1, read(notIn, body(row("2026-05-01", "c", "p"))).rows.size());
    assertContains(
        failure(notIn, body(row("2026-05-01", "b", "p"))),
        "field 'model' is 'b', which the request's filter model not_in ['a', 'b'] excludes");
    assertContains(
        failure(notIn, body(row("2026-05-01", "c", "q"))),
        "field 'provider' is 'q', which the request's filter provider eq 'p' excludes");
  }

  @Test
  void filtersARowCannotShowAreNotChecked() {
    // A dimension not grouped by (no key in the row), a labelled one (rows show names, filters take
    // ids, and
    // the query does not group by it either), and an order comparison (the API's string order is
    // undocumented).
    AnalyticsQueryBody q =
        filtered(
            filter("country", "eq", "DE"),
            filter("app", "eq", "42"),
            filter("model", "gt", "zzz"),
            filter("provider", "lte", "a"));
    assertEquals(1, read(q, body(row("2026-05-01", "a/b", "openai"))).rows.size());
    AnalyticsQueryBody byApp =
        new AnalyticsQueryBody(
            List.of("request_count"),
            List.of("app"),
            List.of(filter("app", "eq", "42")),
            null,
            START,
            END,
            null,
            null,
            null);
    String named =
        "{\"data\":{\"data\":[{\"app\":\"Cline\",\"request_count\":\"1\"}],"
            + "\"metadata\":{\"row_count\":1,\"truncated\":false}}}";
    assertEquals(1, read(byApp, named).rows.size());
  }

  // Requested keys

  @Test
  void aRowWithoutARequestedMetricFails() {
    String m =
        failure(
            DAILY,
            body(
                "{\"date__day\":\"2026-05-01\",\"model\":\"a\",\"provider\":\"p\","
                    + "\"request_count\":\"3\"}"));
    assertContains(
        m,
        "data.data[0]: required field 'total_usage' is missing: each row has a key for every requested"
            + " metric [request_count, total_usage]");
  }

  @Test
  void aRowWithoutARequestedDimensionFails() {
    String m =
        failure(
            DAILY,
            body(
                row("2026-05-01", "a", "p"),
                "{\"date__day\":\"2026-05-01\",\"model\":\"b\","
                    + "\"request_count\":\"3\",\"total_usage\":1}"));
    assertContains(
        m,
        "data.data[1]: required field 'provider' is missing: each row has a key for every requested"
            + " dimension [model, provider]");
  }

  @Test
  void aRowWithoutItsTimeBucketFails() {
    String m =
        failure(
            DAILY,
            body("{\"model\":\"a\",\"provider\":\"p\",\"request_count\":\"3\",\"total_usage\":1}"));
    assertContains(
        m, "data.data[0]: required time bucket date__day (or created_at__day) is missing");
    m = failure(DAILY, body(row("2026-05-01", "a", "p").replace("\"2026-05-01\"", "null")));
    assertContains(m, "data.data[0]: field 'date__day' must be a string but was null");
  }

  @Test
  void anEmptyRowFailsInsteadOfBecomingARowOfNulls() {
    String m = failure(DAILY, body("{}"));
    assertContains(m, "data.data[0]: required field 'request_count' is missing");
    m = failure(query(List.of(), null, START, END), body("{\"unknown\":1}"));
    assertContains(m, "data.data[0]: required field 'request_count' is missing");
  }

  @Test
  void aFieldTwiceInOneRowFails() {
    String m =
        failure(
            DAILY,
            body(
                row("2026-05-01", "a", "p")
                    .replace("\"model\":\"a\"", "\"model\":\"a\",\"model\":\"b\"")));
    assertContains(m, "data.data[0]: the row has field 'model' twice");
  }

  // metadata.row_count

  @Test
  void aRowCountLargerThanTheRowsSentFails() {
    String m = failure(DAILY, body(3, row("2026-05-01", "a", "p"), row("2026-05-02", "a", "p")));
    assertContains(
        m,
        "data.metadata.row_count is 3 but 'data.data' has 2 rows: rows are missing from the response");
    m = failure(DAILY, body(1, row("2026-05-01", "a", "p"), row("2026-05-02", "a", "p")));
    assertContains(
        m, "data.metadata.row_count is 1 but 'data.data' has 2 rows: more than it counted");
  }

  @Test
  void aMissingOrNonIntegerRowCountFails() {
    String rows = row("2026-05-01", "a", "p");
    assertContains(
        failure(DAILY, "{\"data\":{\"data\":[" + rows + "],\"metadata\":{\"truncated\":false}}}"),
        "required field 'data.metadata.row_count' is missing");
    assertContains(
        failure(DAILY, body(rows).replace("\"row_count\":1", "\"row_count\":null")),
        "required field 'data.metadata.row_count' is missing");
    assertContains(
        failure(DAILY, body(rows).replace("\"row_count\":1", "\"row_count\":1.5")),
        "field 'data.metadata.row_count' must be a whole number but was 1.5");
    assertContains(
        failure(DAILY, body(rows).replace("\"row_count\":1", "\"row_count\":\"1\"")),
        "field 'data.metadata.row_count' must be an integer");
  }

  @Test
  void anIntegralRowCountWrittenWithAFractionIsAnInteger() {
    String rows = row("2026-05-01", "a", "p") + "," + row("2026-05-02", "a", "p");
    AnalyticsResult r =
        AnalyticsResponseReader.read(
            DAILY,
            new ByteArrayInputStream(
                body(2, rows)
                    .replace("\"row_count\":2", "\"row_count\":2.0")
                    .getBytes(StandardCharsets.UTF_8)),
            new RecordingSink());
    assertEquals(2, r.rowCount());
  }

  // Numbers

  @ParameterizedTest
  @ValueSource(
      strings = {
        "\"NaN\"",
        "\"Infinity\"",
        "\"-Infinity\"",
        "\"0x1p4\"",
        "\"1e400\"",
        "1e400",
        "-1e400",
        "\"\"",
        "\" 5\"",
        "\"+5\"",
        "\"5.\"",
        "\".5\"",
        "\"05\"",
        "\"1,5\"",
        "true",
        "[1]",
        "{\"v\":1}"
      })
  void aMetricValueThatIsNoFiniteDecimalFails(String bad) {
    for (String metric : List.of("request_count", "total_usage")) {
      String r =
          row("2026-05-01", "a", "p")
              .replaceAll("\"" + metric + "\":[^,}]+", "\"" + metric + "\":" + bad);
      String m = failure(DAILY, body(r));
      assertContains(m, "data.data[0]: field '" + metric + "' ");
    }
  }

  @Test
  void numberMessagesShowTheValue() {
    String m = failure(DAILY, body(row("2026-05-01", "a", "p").replace("0.5", "\"0x1p4\"")));
    assertContains(
        m, "data.data[0]: field 'total_usage' must be a finite decimal number but was '0x1p4'");
    m = failure(DAILY, body(row("2026-05-01", "a", "p").replace("0.5", "1e400")));
    assertContains(m, "data.data[0]: field 'total_usage' is out of range: 1e400");
  }

  @ParameterizedTest
  @ValueSource(strings = {"NaN", "Infinity", "-Infinity", "0x1p4"})
  void nonJsonNumbersAreNotJson(String bad) {
    String body = body(row("2026-05-01", "a", "p").replace("0.5", bad));
    ApiException e = assertThrows(ApiException.class, () -> read(DAILY, body));
    assertContains(e.getMessage(), "POST /analytics/query {\"metrics\":[\"request_count\"");
    assertContains(e.getMessage(), "truncated or not valid JSON");
  }

  @Test
  void decimalFormsOfJsonArePassed() {
    String rows =
        row("2026-05-01", "a", "p").replace("0.5", "\"-1.25E-4\"")
            + ","
            + row("2026-05-02", "a", "p").replace("\"3\"", "3.0").replace("0.5", "1e-400");
    assertEquals(2, read(DAILY, body(2, rows)).rows.size());
  }

  // One row per group

  @Test
  void aGroupTwiceFailsNamingBothRows() {
    String m =
        failure(
            DAILY,
            body(
                row("2026-05-01", "a", "p"),
                row("2026-05-01", "a", "q"),
                row("2026-05-02", "a", "p"),
                row("2026-05-01T00:00:00.000Z", "a", "p")));
    assertContains(
        m,
        "data.data[3]: repeats the group [date__day (or created_at__day), model, provider]"
            + " ('2026-05-01T00:00:00Z', 'a', 'p') of data.data[0]");
    m = failure(DAILY, body(row("2026-05-01", null, "p"), row("2026-05-01", null, "p")));
    assertContains(
        m,
        "data.data[1]: repeats the group [date__day (or created_at__day), model, provider]"
            + " ('2026-05-01T00:00:00Z', null, 'p') of data.data[0]");
  }

  @Test
  void aGroupTwiceWithoutATimeSeriesFails() {
    AnalyticsQueryBody byModel =
        new AnalyticsQueryBody(
            List.of("request_count"),
            List.of("model"),
            List.of(),
            null,
            START,
            END,
            null,
            null,
            null);
    String rows =
        "{\"model\":\"a\",\"request_count\":\"1\"},{\"model\":\"b\",\"request_count\":\"1\"},"
            + "{\"model\":\"a\",\"request_count\":\"2\"}";
    String m = failure(byModel, body(3, rows));
    assertContains(m, "data.data[2]: repeats the group [model] ('a') of data.data[0]");
    AnalyticsQueryBody totals =
        new AnalyticsQueryBody(
            List.of("request_count"), List.of(), List.of(), null, START, END, null, null, null);
    m = failure(totals, body(2, "{\"request_count\":\"1\"},{\"request_count\":\"1\"}"));
    assertContains(
        m, "data.data[1]: is a second row, but a query for totals without dimensions has one");
  }

  @Test
  void rowsOfALabelledDimensionMayShareALabel() {
    // Rows show app titles, which are not unique: two apps named alike are two groups.
    AnalyticsQueryBody byApp =
        new AnalyticsQueryBody(
            List.of("request_count"),
            List.of("app", "model"),
            List.of(),
            "day",
            START,
            END,
            null,
            null,
            null);
    String rows =
        "{\"date__day\":\"2026-05-01\",\"app\":\"Chat\",\"model\":\"a\",\"request_count\":\"1\"},"
            + "{\"date__day\":\"2026-05-01\",\"app\":\"Chat\",\"model\":\"a\",\"request_count\":\"2\"}";
    assertEquals(2, read(byApp, body(2, rows)).rows.size());
  }
}
