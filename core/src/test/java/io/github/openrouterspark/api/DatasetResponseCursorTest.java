package io.github.openrouterspark.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DatasetResponseCursorTest {
  private static final ApiRequest REQUEST =
      new RankingsDailyQuery(LocalDate.parse("2026-05-10"), LocalDate.parse("2026-05-11"))
          .toRequest();
  private static final String META =
      "{\"as_of\":\"2026-05-12T02:00:00.000Z\",\"version\":\"v1\",\"start_date\":\"2026-05-10\",\"end_date\":\"2026-05-11\"}";

  private static DatasetResponseCursor<RankingsDailyItem> cursor(String json) {
    return new DatasetResponseCursor<>(
        REQUEST,
        new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)),
        new RankingsDailyItem());
  }

  private static List<String> drain(DatasetResponseCursor<RankingsDailyItem> c) {
    List<String> rows = new ArrayList<>();
    while (c.next()) {
      RankingsDailyItem i = c.item();
      rows.add(i.date() + "|" + i.modelPermaslug() + "|" + i.totalTokens());
    }
    return rows;
  }

  @Test
  void readsItemsInOrderAndMetaAfterData() {
    var c =
        cursor(
            "{\"data\":[{\"date\":\"2026-05-11\",\"model_permaslug\":\"openai/gpt-4o-2024-05-13\","
                + "\"total_tokens\":\"12345678\"},{\"date\":\"2026-05-11\",\"model_permaslug\":\"other\","
                + "\"total_tokens\":\"4321098\"}],\"meta\":"
                + META
                + "}");
    assertNull(c.meta());
    assertEquals(
        List.of("2026-05-11|openai/gpt-4o-2024-05-13|12345678", "2026-05-11|other|4321098"),
        drain(c));
    DatasetMeta meta = c.meta();
    assertEquals(Instant.parse("2026-05-12T02:00:00Z"), meta.asOf());
    assertEquals(LocalDate.parse("2026-05-10"), meta.startDate());
    assertEquals(LocalDate.parse("2026-05-11"), meta.endDate());
  }

  @Test
  void metaFirstIsAvailableBeforeTheFirstItem() {
    var c =
        cursor(
            "{\"meta\":"
                + META.replace(".000Z", "Z")
                + ",\"data\":[{\"date\":\"2026-05-10\","
                + "\"model_permaslug\":\"a/b\",\"total_tokens\":\"1\"}]}");
    assertTrue(c.next());
    assertNotNull(c.meta());
    assertEquals(Instant.parse("2026-05-12T02:00:00Z"), c.meta().asOf());
    assertFalse(c.next());
  }

  @Test
  void ignoresUnknownFieldsAtEveryLevel() {
    var c =
        cursor(
            "{\"extra\":{\"nested\":[1,2,{\"x\":null}]},\"data\":[{\"rank_hint\":[1],\"date\":\"2026-05-10\","
                + "\"model_permaslug\":\"a/b\",\"new_field\":{\"y\":1},\"total_tokens\":\"7\"}],"
                + "\"meta\":"
                + META.replace("}", ",\"license\":\"CC BY 4.0\"}")
                + ",\"more\":true}");
    assertEquals(List.of("2026-05-10|a/b|7"), drain(c));
  }

  @Test
  void keepsTokenTotalsWiderThan64Bits() {
    String huge = "123456789012345678901234567890";
    var c =
        cursor(
            "{\"data\":[{\"date\":\"2026-05-10\",\"model_permaslug\":\"other\",\"total_tokens\":\""
                + huge
                + "\"}],\"meta\":"
                + META
                + "}");
    assertEquals(List.of("2026-05-10|other|" + huge), drain(c));
  }

  @Test
  void toleratesIntegerTokenTotals() {
    var c =
        cursor(
            "{\"data\":[{\"date\":\"2026-05-10\",\"model_permaslug\":\"a\",\"total_tokens\":42}],\"meta\":"
                + META
                + "}");
    assertEquals(List.of("2026-05-10|a|42"), drain(c));
  }

  @Test
  void emptyDataIsFine() {
    var c = cursor("{\"data\":[],\"meta\":" + META + "}");
    assertEquals(List.of(), drain(c));
    assertNotNull(c.meta());
  }

  @Test
  void missingRequiredFieldNamesFieldIndexAndRequest() {
    var c =
        cursor(
            "{\"data\":[{\"date\":\"2026-05-10\",\"model_permaslug\":\"a\",\"total_tokens\":\"1\"},"
                + "{\"date\":\"2026-05-10\",\"model_permaslug\":\"b\"}],\"meta\":"
                + META
                + "}");
    assertTrue(c.next());
    ApiException e = assertThrows(ApiException.class, c::next);
    assertTrue(e.getMessage().contains("data[1]"), e.getMessage());
    assertTrue(e.getMessage().contains("'total_tokens'"), e.getMessage());
    assertTrue(
        e.getMessage().contains("start_date=2026-05-10&end_date=2026-05-11"), e.getMessage());
  }

  @Test
  void nullRequiredFieldIsReportedAsMissing() {
    var c =
        cursor(
            "{\"data\":[{\"date\":\"2026-05-10\",\"model_permaslug\":null,\"total_tokens\":\"1\"}],\"meta\":"
                + META
                + "}");
    ApiException e = assertThrows(ApiException.class, c::next);
    assertTrue(e.getMessage().contains("'model_permaslug' is missing or null"), e.getMessage());
  }

  @Test
  void rejectsMalformedValues() {
    for (String bad : List.of("\"12.5\"", "\"-3\"", "\"\"", "\"1e9\"", "12.5", "true", "{}")) {
      var c =
          cursor(
              "{\"data\":[{\"date\":\"2026-05-10\",\"model_permaslug\":\"a\",\"total_tokens\":"
                  + bad
                  + "}],\"meta\":"
                  + META
                  + "}");
      ApiException e = assertThrows(ApiException.class, c::next, bad);
      assertTrue(e.getMessage().contains("total_tokens"), e.getMessage());
    }
    var badDate =
        cursor(
            "{\"data\":[{\"date\":\"2026-02-30\",\"model_permaslug\":\"a\",\"total_tokens\":\"1\"}],\"meta\":"
                + META
                + "}");
    assertTrue(assertThrows(ApiException.class, badDate::next).getMessage().contains("'date'"));
  }

  @Test
  void truncatedBodyFailsLoudly() {
    var c =
        cursor(
            "{\"data\":[{\"date\":\"2026-05-10\",\"model_permaslug\":\"a\",\"total_tokens\":\"1\"},{\"date\":\"2026-");
    assertTrue(c.next());
    ApiException e = assertThrows(ApiException.class, c::next);
    assertTrue(e.getMessage().contains("truncated or not valid JSON"), e.getMessage());
    assertEquals(200, e.status());
  }

  @Test
  void bodyEndingAfterDataWithoutMetaFails() {
    var c = cursor("{\"data\":[]}");
    ApiException e = assertThrows(ApiException.class, c::next);
    assertTrue(e.getMessage().contains("'meta' is missing"), e.getMessage());
  }

  @Test
  void missingDataFails() {
    var c = cursor("{\"meta\":" + META + "}");
    assertTrue(
        assertThrows(ApiException.class, c::next).getMessage().contains("'data' is missing"));
  }

  @Test
  void unknownVersionFails() {
    var c = cursor("{\"meta\":" + META.replace("\"v1\"", "\"v2\"") + ",\"data\":[]}");
    ApiException e = assertThrows(ApiException.class, c::next);
    assertTrue(e.getMessage().contains("meta.version is 'v2'"), e.getMessage());
  }

  @Test
  void wrongShapesFail() {
    assertThrows(ApiException.class, () -> cursor("[]").next());
    assertThrows(ApiException.class, () -> cursor("{\"data\":{}}").next());
    assertThrows(ApiException.class, () -> cursor("{\"data\":[1]}").next());
    assertThrows(ApiException.class, () -> cursor("").next());
    var trailing = cursor("{\"data\":[],\"meta\":" + META + "} {}");
    assertThrows(ApiException.class, trailing::next);
  }

  @Test
  void aModelTwiceOnOneDateFailsNamingBothRowsAndTheRequest() {
    var c =
        cursor(
            "{\"data\":[{\"date\":\"2026-05-10\",\"model_permaslug\":\"a/b\",\"total_tokens\":\"7\"},"
                + "{\"date\":\"2026-05-10\",\"model_permaslug\":\"c/d\",\"total_tokens\":\"5\"},"
                + "{\"date\":\"2026-05-11\",\"model_permaslug\":\"a/b\",\"total_tokens\":\"3\"},"
                + "{\"date\":\"2026-05-10\",\"model_permaslug\":\"a/b\",\"total_tokens\":\"7\"}],\"meta\":"
                + META
                + "}");
    assertTrue(c.next());
    assertTrue(c.next());
    assertTrue(c.next(), "the same model on another date is another row");
    ApiException e = assertThrows(ApiException.class, c::next);
    assertTrue(
        e.getMessage()
            .contains("GET /datasets/rankings-daily?start_date=2026-05-10&end_date=2026-05-11"),
        e.getMessage());
    assertTrue(
        e.getMessage()
            .contains(
                "data[3]: repeats the date and model_permaslug ('2026-05-10', 'a/b') of"
                    + " data[0]; a response has one row per date and model_permaslug"),
        e.getMessage());
    assertTrue(e.getMessage().contains("report it"), e.getMessage());
    assertTrue(e.getCause() instanceof MalformedResponseException, "not a transport fault");
    assertFalse(e.isTransient(), "a wrong body is not retried");
  }
}
