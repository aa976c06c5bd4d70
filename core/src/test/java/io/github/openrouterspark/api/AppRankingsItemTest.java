package io.github.openrouterspark.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link AppRankingsItem} decoded through {@link DatasetResponseCursor}. */
class AppRankingsItemTest {
  private static final ApiRequest REQUEST =
      new AppRankingsQuery(
              LocalDate.parse("2025-06-01"),
              LocalDate.parse("2025-06-30"),
              "popular",
              "coding",
              null,
              0,
              50)
          .toRequest();
  private static final String META =
      "{\"as_of\":\"2025-07-01T02:00:00.000Z\",\"version\":\"v1\",\"start_date\":\"2025-06-01\",\"end_date\":\"2025-06-30\"}";
  private static final String FULL =
      "\"rank\":1,\"app_id\":42,\"app_name\":\"Cline\",\"total_tokens\":\"123456789\",\"total_requests\":9876";

  private static DatasetResponseCursor<AppRankingsItem> cursor(String json) {
    return new DatasetResponseCursor<>(
        REQUEST,
        new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)),
        new AppRankingsItem());
  }

  private static DatasetResponseCursor<AppRankingsItem> items(String... items) {
    StringBuilder sb = new StringBuilder("{\"data\":[");
    for (int k = 0; k < items.length; k++) {
      sb.append(k == 0 ? "" : ",").append('{').append(items[k]).append('}');
    }
    return cursor(sb.append("],\"meta\":").append(META).append('}').toString());
  }

  private static String row(AppRankingsItem i) {
    return i.rank()
        + "|"
        + i.appId()
        + "|"
        + i.appName()
        + "|"
        + i.totalTokens()
        + "|"
        + i.totalRequests();
  }

  private static List<String> drain(DatasetResponseCursor<AppRankingsItem> c) {
    List<String> rows = new ArrayList<>();
    while (c.next()) {
      rows.add(row(c.item()));
    }
    return rows;
  }

  private static ApiException failure(String item) {
    var c = items(item);
    return assertThrows(ApiException.class, c::next);
  }

  @Test
  void readsEveryField() {
    var c =
        items(
            FULL,
            "\"rank\":2,\"app_id\":7,\"app_name\":\"Roo Code\",\"total_tokens\":\"5\",\"total_requests\":0");
    assertEquals(List.of("1|42|Cline|123456789|9876", "2|7|Roo Code|5|0"), drain(c));
    assertEquals(LocalDate.parse("2025-06-01"), c.meta().startDate());
  }

  @Test
  void fieldOrderDoesNotMatterAndUnknownFieldsAreIgnored() {
    var c =
        items(
            "\"total_requests\":3,\"extra\":{\"a\":[1,2]},\"total_tokens\":\"4\",\"app_name\":\"x\","
                + "\"app_id\":2,\"rank\":1,\"slug\":null");
    assertEquals(List.of("1|2|x|4|3"), drain(c));
  }

  @Test
  void emptyDataIsFine() {
    assertEquals(List.of(), drain(items()));
  }

  @ParameterizedTest
  @ValueSource(strings = {"rank", "app_id", "app_name", "total_tokens", "total_requests"})
  void missingFieldIsNamed(String field) {
    String item = FULL.replaceAll("\"" + field + "\":(\"[^\"]*\"|\\d+),?", "").replaceAll(",$", "");
    ApiException e = failure(item);
    assertTrue(e.getMessage().contains("'" + field + "'"), e.getMessage());
    assertTrue(e.getMessage().contains("missing"), e.getMessage());
    assertTrue(e.getMessage().contains("data[0]"), e.getMessage());
    assertTrue(e.getMessage().contains("/datasets/app-rankings?"), e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"rank", "app_id", "app_name", "total_tokens", "total_requests"})
  void nullFieldIsReportedAsMissing(String field) {
    String item = FULL.replaceAll("\"" + field + "\":(\"[^\"]*\"|\\d+)", "\"" + field + "\":null");
    ApiException e = failure(item);
    assertTrue(e.getMessage().contains("'" + field + "' is missing or null"), e.getMessage());
  }

  @Test
  void emptyItemNamesTheFirstMissingField() {
    assertTrue(failure("").getMessage().contains("'rank'"));
  }

  @Test
  void fieldsOfThePreviousItemDoNotCarryOver() {
    var c = items(FULL, "\"rank\":2,\"app_id\":7,\"app_name\":\"y\",\"total_tokens\":\"5\"");
    assertTrue(c.next());
    ApiException e = assertThrows(ApiException.class, c::next);
    assertTrue(e.getMessage().contains("'total_requests'"), e.getMessage());
    assertTrue(e.getMessage().contains("data[1]"), e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"1.5", "5.5", "1.0000001", "\"1\"", "true", "1e-2", "[1]", "{}"})
  void nonIntegerRankIsRejected(String bad) {
    ApiException e = failure(FULL.replace("\"rank\":1", "\"rank\":" + bad));
    assertTrue(e.getMessage().contains("'rank'"), e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"4.5", "\"42\"", "false", "\"4.0\""})
  void nonIntegerAppIdAndRequestsAreRejected(String bad) {
    ApiException e = failure(FULL.replace("\"app_id\":42", "\"app_id\":" + bad));
    assertTrue(e.getMessage().contains("'app_id'"), e.getMessage());
    e = failure(FULL.replace("\"total_requests\":9876", "\"total_requests\":" + bad));
    assertTrue(e.getMessage().contains("'total_requests'"), e.getMessage());
  }

  /** OpenAPI 3.1 (JSON Schema) counts a number with a zero fraction as an integer. */
  @Test
  void integralNumbersWrittenWithAFractionAreIntegers() {
    var c =
        items(
            "\"rank\":5.0,\"app_id\":42.0,\"app_name\":\"x\",\"total_tokens\":\"1\",\"total_requests\":1e2",
            "\"rank\":6,\"app_id\":4.2E1,\"app_name\":\"y\",\"total_tokens\":\"1\",\"total_requests\":9876.000");
    assertTrue(c.next());
    assertEquals("5|42|x|1|100", row(c.item()));
    ApiException e = assertThrows(ApiException.class, c::next);
    assertTrue(
        e.getMessage().contains("data[1]: repeats the app_id ('42') of data[0]"), e.getMessage());
  }

  @Test
  void aFractionalIntegerNamesRowFieldAndValue() {
    ApiException e = failure(FULL.replace("\"total_requests\":9876", "\"total_requests\":5.5"));
    assertTrue(
        e.getMessage().contains("GET /datasets/app-rankings?start_date=2025-06-01"),
        e.getMessage());
    assertTrue(
        e.getMessage()
            .contains("data[0]: field 'total_requests' must be a whole number but was 5.5"),
        e.getMessage());
    e = failure(FULL.replace("\"rank\":1", "\"rank\":1e400"));
    assertTrue(
        e.getMessage().contains("field 'rank' must be a whole number within 64 bits but was 1e400"),
        e.getMessage());
  }

  @Test
  void aRankTwiceInOnePageFails() {
    var c = items(FULL, FULL.replace("\"app_id\":42", "\"app_id\":43"));
    assertTrue(c.next());
    ApiException e = assertThrows(ApiException.class, c::next);
    assertTrue(
        e.getMessage().contains("/datasets/app-rankings?start_date=2025-06-01"), e.getMessage());
    assertTrue(
        e.getMessage()
            .contains(
                "data[1]: repeats the rank ('1') of data[0]; a response has one row per rank"),
        e.getMessage());
    assertTrue(e.getMessage().contains("if it persists, report it"), e.getMessage());
  }

  @Test
  void anAppTwiceInOnePageFails() {
    var c =
        items(
            FULL,
            FULL.replace("\"rank\":1", "\"rank\":2"),
            FULL.replace("\"rank\":1", "\"rank\":3"));
    assertTrue(c.next());
    ApiException e = assertThrows(ApiException.class, c::next);
    assertTrue(
        e.getMessage().contains("data[1]: repeats the app_id ('42') of data[0]"), e.getMessage());
  }

  @Test
  void appIdAbove2To31IsKept() {
    long big = (1L << 31) + 5;
    var c = items(FULL.replace("\"app_id\":42", "\"app_id\":" + big));
    assertTrue(c.next());
    assertEquals(big, c.item().appId());
    long huge = Long.MAX_VALUE;
    c = items(FULL.replace("\"app_id\":42", "\"app_id\":" + huge));
    assertTrue(c.next());
    assertEquals(huge, c.item().appId());
  }

  @Test
  void integersBeyond64BitsAreRejected() {
    ApiException e = failure(FULL.replace("\"app_id\":42", "\"app_id\":9223372036854775808"));
    assertTrue(
        e.getMessage().contains("'app_id'") && e.getMessage().contains("64 bits"), e.getMessage());
    e =
        failure(
            FULL.replace(
                "\"total_requests\":9876", "\"total_requests\":123456789012345678901234567890"));
    assertTrue(e.getMessage().contains("'total_requests'"), e.getMessage());
  }

  @Test
  void totalTokensWiderThan64BitsAndAsInteger() {
    String huge = "123456789012345678901234567890";
    var c =
        items(
            FULL.replace("\"123456789\"", "\"" + huge + "\""),
            FULL.replace("\"123456789\"", "77")
                .replace("\"rank\":1", "\"rank\":2")
                .replace("42", "43"));
    assertEquals(List.of("1|42|Cline|" + huge + "|9876", "2|43|Cline|77|9876"), drain(c));
  }

  @ParameterizedTest
  @ValueSource(strings = {"\"-3\"", "\"1.5\"", "\"\"", "\"abc\"", "1.5", "true"})
  void malformedTotalTokensAreRejected(String bad) {
    ApiException e = failure(FULL.replace("\"123456789\"", bad));
    assertTrue(e.getMessage().contains("total_tokens"), e.getMessage());
  }

  @Test
  void nonStringAppNameIsRejected() {
    ApiException e = failure(FULL.replace("\"Cline\"", "123"));
    assertTrue(e.getMessage().contains("'app_name'"), e.getMessage());
  }

  @Test
  void unicodeEmojiAndQuotesInNamesRoundTrip() {
    String[][] cases = {
      // JSON text, expected Java string
      {"\"Caf\\u00e9 \\u65e5\\u672c\"", "Café 日本"},
      {"\"Café 日本語 Ünïcödé\"", "Café 日本語 Ünïcödé"},
      {"\"\\ud83d\\ude80 Rocket\"", "\uD83D\uDE80 Rocket"},
      {"\"🚀🤖 Bots\"", "🚀🤖 Bots"},
      {"\"The \\\"Best\\\" App\"", "The \"Best\" App"},
      {"\"it's \\\\ back\\/slash\"", "it's \\ back/slash"},
      {"\"tab\\there\\nnewline\"", "tab\there\nnewline"},
      {"\"\"", ""},
    };
    for (String[] tc : cases) {
      var c = items(FULL.replace("\"Cline\"", tc[0]));
      assertTrue(c.next(), tc[0]);
      assertEquals(tc[1], c.item().appName(), tc[0]);
      assertFalse(c.next());
    }
  }

  @Test
  void rankAndCountsKeepTheirValues() {
    var c =
        items(
            "\"rank\":200,\"app_id\":0,\"app_name\":\"z\",\"total_tokens\":\"0\",\"total_requests\":"
                + Long.MAX_VALUE);
    assertTrue(c.next());
    assertEquals(200, c.item().rank());
    assertEquals(0, c.item().appId());
    assertEquals("0", c.item().totalTokens());
    assertEquals(Long.MAX_VALUE, c.item().totalRequests());
  }
}
