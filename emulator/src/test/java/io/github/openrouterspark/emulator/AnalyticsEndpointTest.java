package io.github.openrouterspark.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.openrouterspark.emulator.TestHttp.Response;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code GET /analytics/meta} and {@code POST /analytics/query} over HTTP, against {@link
 * AnalyticsLog}.
 */
class AnalyticsEndpointTest {
  private static final Instant NOW = Instant.parse("2026-05-12T02:00:00Z");
  private static final String MGMT = OpenRouterEmulator.DEFAULT_MANAGEMENT_KEY;
  private static final String INFERENCE = OpenRouterEmulator.DEFAULT_API_KEY;
  private static final String FORBIDDEN =
      "{\"error\":{\"code\":403,\"message\":\"Only management keys can perform this operation\",\"metadata\":null}}";

  private final ManualClock clock = new ManualClock(NOW);
  private final List<OpenRouterEmulator> started = new ArrayList<>();

  @AfterEach
  void stopEmulators() {
    started.forEach(OpenRouterEmulator::close);
  }

  private OpenRouterEmulator start(OpenRouterEmulator.Builder builder) {
    OpenRouterEmulator emulator = builder.clock(clock).start();
    started.add(emulator);
    return emulator;
  }

  private OpenRouterEmulator start() {
    return start(OpenRouterEmulator.builder().analyticsRateLimitPerMinute(10_000));
  }

  private static Response meta(OpenRouterEmulator emulator, String key) {
    return TestHttp.get(emulator.baseUrl() + "/analytics/meta", key);
  }

  private static Response query(OpenRouterEmulator emulator, String key, String body) {
    return TestHttp.post(emulator.baseUrl() + "/analytics/query", key, body);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> data(Response response) {
    assertEquals(200, response.status(), response.body());
    return (Map<String, Object>) response.json().get("data");
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> rows(Response response) {
    return (List<Map<String, Object>>) data(response).get("data");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> metadata(Response response) {
    return (Map<String, Object>) data(response).get("metadata");
  }

  @Test
  void managementKeyIsUnlikeARealKey() {
    assertFalse(MGMT.matches("sk-or-v1-[0-9a-f]+"));
    assertFalse(MGMT.equals(INFERENCE));
  }

  @Test
  void metaListsMetricsDimensionsOperatorsAndGranularities() {
    OpenRouterEmulator emulator = start();

    Map<String, Object> data = data(meta(emulator, MGMT));

    List<Map<String, Object>> metrics = list(data.get("metrics"));
    assertEquals(AnalyticsLog.metricNames(), metrics.stream().map(m -> m.get("name")).toList());
    assertEquals(
        List.of(
            "request_count",
            "tokens_total",
            "tokens_prompt",
            "tokens_completion",
            "reasoning_tokens",
            "cached_tokens",
            "byok_request_count",
            "guardrail_invoked_count",
            "response_cached_count",
            "total_usage",
            "byok_usage",
            "credits_usage",
            "openrouter_usage",
            "byok_fees",
            "usage_upstream",
            "usage_cache",
            "usage_data",
            "usage_web",
            "usage_upstream_web",
            "usage_file",
            "usage_upstream_file",
            "usage_web_fetch",
            "usage_upstream_web_fetch",
            "avg_latency",
            "p50_latency",
            "p90_latency",
            "p99_latency",
            "avg_throughput",
            "p50_throughput",
            "p90_throughput",
            "p99_throughput",
            "cache_hit_rate",
            "guardrail_invoked_rate",
            "response_cached_rate"),
        AnalyticsLog.metricNames());
    for (Map<String, Object> metric : metrics) {
      assertEquals(
          List.of("name", "display_label", "is_rate", "display_format"),
          List.copyOf(metric.keySet()));
      String name = (String) metric.get("name");
      String expectedFormat =
          name.contains("latency")
              ? "latency"
              : name.contains("throughput")
                  ? "throughput"
                  : name.endsWith("_rate")
                      ? "percent"
                      : name.contains("usage") || name.equals("byok_fees") ? "currency" : "number";
      assertEquals(expectedFormat, metric.get("display_format"), name);
      boolean averaged =
          expectedFormat.equals("latency")
              || expectedFormat.equals("throughput")
              || expectedFormat.equals("percent");
      assertEquals(averaged, metric.get("is_rate"), name);
    }
    assertEquals(
        Map.of(
            "name",
            "request_count",
            "display_label",
            "Request Count",
            "is_rate",
            false,
            "display_format",
            "number"),
        metrics.get(0));

    List<Map<String, Object>> dimensions = list(data.get("dimensions"));
    assertEquals(
        List.of(
            "model",
            "variant",
            "api_key_id",
            "user",
            "workspace",
            "app",
            "generation_id",
            "provider",
            "origin",
            "country",
            "finish_reason",
            "external_user",
            "context_length_bucket"),
        dimensions.stream().map(d -> d.get("name")).toList());
    assertEquals(Map.of("name", "model", "display_label", "Model"), dimensions.get(0));

    assertEquals(
        List.of(
            op("eq", "scalar"),
            op("neq", "scalar"),
            op("in", "array"),
            op("not_in", "array"),
            op("gt", "scalar"),
            op("gte", "scalar"),
            op("lt", "scalar"),
            op("lte", "scalar")),
        data.get("operators"));
    assertEquals(
        List.of("minute", "hour", "day", "week", "month"),
        list(data.get("granularities")).stream().map(g -> g.get("name")).toList());
    assertEquals(
        Map.of("name", "day", "display_label", "Day"), list(data.get("granularities")).get(2));
  }

  private static Map<String, Object> op(String name, String valueType) {
    Map<String, Object> op = new LinkedHashMap<>();
    op.put("name", name);
    op.put("value_type", valueType);
    return op;
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> list(Object value) {
    return (List<Map<String, Object>>) value;
  }

  @Test
  void inferenceKeysGet403AndMissingOrUnknownKeys401() {
    OpenRouterEmulator emulator = start();
    String body = "{\"metrics\":[\"request_count\"]}";

    for (Response response : List.of(meta(emulator, INFERENCE), query(emulator, INFERENCE, body))) {
      assertEquals(403, response.status());
      assertEquals(FORBIDDEN, response.body());
    }
    assertEquals(401, meta(emulator, null).status());
    assertEquals(
        "Missing Authentication header", query(emulator, null, body).error().get("message"));
    assertEquals(401, query(emulator, "sk-or-v1-unknown", body).status());
    assertEquals(405, TestHttp.get(emulator.baseUrl() + "/analytics/query", MGMT).status());
    assertEquals(405, TestHttp.post(emulator.baseUrl() + "/analytics/meta", MGMT, body).status());
  }

  /** The emulator's documented choice for an unpublished rule (docs/api-contract.md §9.3). */
  @Test
  void managementKeysAlsoReadTheDatasets() {
    OpenRouterEmulator emulator = start();

    Response response =
        TestHttp.get(emulator.baseUrl() + "/datasets/rankings-daily?start_date=2026-05-11", MGMT);

    assertEquals(200, response.status(), response.body());
  }

  @Test
  void configuredManagementKeysReplaceTheDefaultAndReadTheirAccount() {
    OpenRouterEmulator emulator =
        start(
            OpenRouterEmulator.builder()
                .apiKey("inf-a", "acme")
                .managementKey("mgmt-a", "acme")
                .managementKey("mgmt-b", "globex"));
    String body =
        "{\"metrics\":[\"request_count\",\"total_usage\"],\"dimensions\":[\"api_key_id\"]}";

    assertEquals(401, meta(emulator, MGMT).status());
    assertEquals(403, meta(emulator, "inf-a").status());
    List<Map<String, Object>> acme = rows(query(emulator, "mgmt-a", body));
    List<Map<String, Object>> globex = rows(query(emulator, "mgmt-b", body));

    AnalyticsQuery truth =
        AnalyticsQuery.of("request_count", "total_usage").withDimensions("api_key_id");
    assertSameRows(emulator.analytics("acme").query(truth).rows(), acme);
    assertSameRows(emulator.analytics("globex").query(truth).rows(), globex);
    assertFalse(normalized(acme).equals(normalized(globex)), "accounts have different logs");
  }

  @Test
  void rowsAreExactlyTheLogsAnswer() {
    OpenRouterEmulator emulator = start();
    AnalyticsLog log = emulator.analytics(OpenRouterEmulator.DEFAULT_ACCOUNT);
    String body =
        "{\"metrics\":[\"request_count\",\"tokens_total\",\"total_usage\",\"usage_data\",\"usage_file\","
            + "\"p90_latency\",\"avg_throughput\",\"cache_hit_rate\"],"
            + "\"dimensions\":[\"model\",\"provider\"],\"granularity\":\"day\","
            + "\"time_range\":{\"start\":\"2026-05-01T00:00:00Z\",\"end\":\"2026-05-08T00:00:00Z\"},"
            + "\"filters\":[{\"field\":\"finish_reason\",\"operator\":\"neq\",\"value\":\"error\"}],"
            + "\"order_by\":{\"field\":\"total_usage\",\"direction\":\"desc\"},\"limit\":500}";

    Response response = query(emulator, MGMT, body);

    AnalyticsResult truth =
        log.query(
            AnalyticsQuery.of(
                    "request_count",
                    "tokens_total",
                    "total_usage",
                    "usage_data",
                    "usage_file",
                    "p90_latency",
                    "avg_throughput",
                    "cache_hit_rate")
                .withDimensions("model", "provider")
                .withGranularity("day")
                .withTimeRange(
                    Instant.parse("2026-05-01T00:00:00Z"), Instant.parse("2026-05-08T00:00:00Z"))
                .withFilters(new AnalyticsQuery.Filter("finish_reason", "neq", "error"))
                .withOrderBy("total_usage", "desc")
                .withLimit(500));
    List<Map<String, Object>> rows = rows(response);
    assertSameRows(truth.rows(), rows);
    assertEquals(500, rows.size());
    assertEquals(true, metadata(response).get("truncated"));
    assertEquals(500L, metadata(response).get("row_count"));
    assertTrue(metadata(response).get("query_time_ms") instanceof Long, "whole milliseconds");
    assertFalse(data(response).containsKey("warnings"), "warnings only when there are some");
  }

  /** Counts as JSON strings, money and rates as numbers, unused usage parts as null. */
  @Test
  void valueTypesOnTheWire() {
    OpenRouterEmulator emulator = start();
    String body =
        "{\"metrics\":[\"request_count\",\"tokens_prompt\",\"total_usage\",\"usage_file\",\"avg_latency\","
            + "\"p50_latency\",\"cache_hit_rate\"],\"dimensions\":[\"generation_id\"],"
            + "\"time_range\":{\"start\":\"2026-05-11T10:00:00Z\",\"end\":\"2026-05-11T11:00:00Z\"}}";

    Response response = query(emulator, MGMT, body);

    assertTrue(response.body().matches("(?s).*\"request_count\":\"1\".*"), response.body());
    List<Map<String, Object>> rows = rows(response);
    assertFalse(rows.isEmpty());
    boolean sawNullFile = false;
    for (Map<String, Object> row : rows) {
      assertEquals(
          List.of(
              "generation_id",
              "request_count",
              "tokens_prompt",
              "total_usage",
              "usage_file",
              "avg_latency",
              "p50_latency",
              "cache_hit_rate"),
          List.copyOf(row.keySet()));
      assertEquals("1", row.get("request_count"));
      assertTrue(((String) row.get("tokens_prompt")).matches("[1-9][0-9]*"));
      assertInstanceOf(Number.class, row.get("total_usage"));
      assertInstanceOf(Number.class, row.get("avg_latency"));
      assertInstanceOf(Long.class, row.get("p50_latency"));
      sawNullFile |= row.get("usage_file") == null;
      assertTrue(((String) row.get("generation_id")).matches("gen-\\d{10}-[0-9A-Za-z]{20}"));
    }
    assertTrue(sawNullFile, "most generations parse no files");
    assertFalse(response.body().contains("E-"), "no exponent notation for small amounts");
  }

  @Test
  void defaultWindowIsTheLastSevenDaysAndTimeBucketsAreIsoWithMilliseconds() {
    OpenRouterEmulator emulator = start();

    List<Map<String, Object>> rows =
        rows(query(emulator, MGMT, "{\"metrics\":[\"request_count\"],\"granularity\":\"day\"}"));

    // 2026-05-05T02:00 .. 2026-05-12T02:00 touches 8 days, newest first by default.
    assertEquals(8, rows.size());
    assertEquals("2026-05-12T00:00:00.000Z", rows.get(0).get("date__day"));
    assertEquals("2026-05-05T00:00:00.000Z", rows.get(7).get("date__day"));
    long total =
        rows.stream().mapToLong(r -> Long.parseLong((String) r.get("request_count"))).sum();
    assertEquals(
        emulator
            .analytics(OpenRouterEmulator.DEFAULT_ACCOUNT)
            .generations(NOW.minus(Duration.ofDays(7)), NOW)
            .size(),
        total);
  }

  @Test
  void unresolvableKeyHashIsAWarning() {
    OpenRouterEmulator emulator = start();
    String hash = "ab".repeat(32);
    String body =
        "{\"metrics\":[\"request_count\"],\"filters\":[{\"field\":\"api_key_id\",\"operator\":\"in\",\"value\":[\""
            + hash
            + "\"]}]}";

    Response response = query(emulator, MGMT, body);

    assertEquals(List.of(), rows(response));
    assertEquals(
        List.of("Could not resolve api_key_id hash: abababababab..."),
        data(response).get("warnings"));
  }

  @Test
  void requestBodyIsLogged() {
    OpenRouterEmulator emulator = start();
    String body = "{\"metrics\":[\"request_count\"]}";

    query(emulator, MGMT, body);
    meta(emulator, MGMT);

    List<LoggedRequest> log = emulator.requestLog().all();
    assertEquals(body, log.get(0).body());
    assertEquals("POST", log.get(0).method());
    assertNull(log.get(1).body());
  }

  static Stream<Arguments> invalidBodies() {
    String m = "\"metrics\":[\"request_count\"]";
    String month =
        "\"time_range\":{\"start\":\"2026-04-01T00:00:00Z\",\"end\":\"2026-05-02T00:00:01Z\"}";
    return Stream.of(
        Arguments.of("", "Invalid input: expected object, received undefined"),
        Arguments.of("{", "Invalid JSON body"),
        Arguments.of("[]", "Invalid input: expected object, received array"),
        Arguments.of("{}", "metrics: Invalid input: expected array, received undefined"),
        Arguments.of("{\"metrics\":null}", "metrics: Invalid input: expected array, received null"),
        Arguments.of("{\"metrics\":[]}", "metrics: Too small: expected array to have >=1 items"),
        Arguments.of(
            "{\"metrics\":[1]}", "metrics.0: Invalid input: expected string, received number"),
        Arguments.of(
            "{\"metrics\":[\"requests\"]}",
            "metrics.0: Unknown metric 'requests'; see /analytics/meta"),
        Arguments.of(
            "{\"metrics\":[\"request_count\",\"request_count\"]}",
            "metrics.1: Duplicate metric 'request_count'"),
        Arguments.of(
            "{" + m + ",\"dimensions\":[\"model\",\"provider\",\"app\"]}",
            "dimensions: Too big: expected array to have <=2 items"),
        Arguments.of(
            "{" + m + ",\"dimensions\":[\"region\"]}",
            "dimensions.0: Unknown dimension 'region'; see /analytics/meta"),
        Arguments.of(
            "{"
                + m
                + ",\"filters\":["
                + "{\"field\":\"model\",\"operator\":\"eq\",\"value\":\"x\"},".repeat(20)
                + "{\"field\":\"model\",\"operator\":\"eq\",\"value\":\"x\"}]}",
            "filters: Too big: expected array to have <=20 items"),
        Arguments.of(
            "{" + m + ",\"filters\":[{\"operator\":\"eq\",\"value\":\"x\"}]}",
            "filters.0.field: Invalid input: expected string, received undefined"),
        Arguments.of(
            "{" + m + ",\"filters\":[{\"field\":\"total_usage\",\"operator\":\"gt\",\"value\":1}]}",
            "filters.0.field: Unknown dimension 'total_usage'; filters apply to dimensions"),
        Arguments.of(
            "{" + m + ",\"filters\":[{\"field\":\"model\",\"operator\":\"like\",\"value\":\"x\"}]}",
            "filters.0.operator: Invalid option: expected one of \"eq\"|\"neq\"|\"in\"|\"not_in\"|\"gt\"|\"gte\"|\"lt\"|\"lte\""),
        Arguments.of(
            "{" + m + ",\"filters\":[{\"field\":\"model\",\"operator\":\"in\",\"value\":\"x\"}]}",
            "filters.0.value: Operator 'in' takes an array of values"),
        Arguments.of(
            "{" + m + ",\"filters\":[{\"field\":\"model\",\"operator\":\"eq\",\"value\":[\"x\"]}]}",
            "filters.0.value: Operator 'eq' takes a single value, not an array"),
        Arguments.of(
            "{" + m + ",\"filters\":[{\"field\":\"model\",\"operator\":\"eq\",\"value\":true}]}",
            "filters.0.value: Invalid input: expected string, number or array, received boolean"),
        Arguments.of(
            "{" + m + ",\"filters\":[{\"field\":\"model\",\"operator\":\"in\",\"value\":[null]}]}",
            "filters.0.value.0: Invalid input: expected string or number, received null"),
        Arguments.of(
            "{"
                + m
                + ",\"filters\":[{\"field\":\"app\",\"operator\":\"eq\",\"value\":\"AI Chat\"}]}",
            "filters.0.value: app filters take numeric IDs, not labels: got 'AI Chat'"),
        Arguments.of(
            "{"
                + m
                + ",\"filters\":[{\"field\":\"api_key_id\",\"operator\":\"eq\",\"value\":\"prod-chatbot\"}]}",
            "filters.0.value: api_key_id filters take numeric IDs or 64-character key hashes, not labels: got 'prod-chatbot'"),
        Arguments.of(
            "{" + m + ",\"granularity\":\"year\"}",
            "granularity: Invalid option: expected one of \"minute\"|\"hour\"|\"day\"|\"week\"|\"month\""),
        Arguments.of(
            "{"
                + m
                + ",\"time_range\":{\"start\":\"2026-05-01\",\"end\":\"2026-05-02T00:00:00Z\"}}",
            "time_range.start: Invalid ISO datetime"),
        Arguments.of(
            "{" + m + ",\"time_range\":{\"start\":\"2026-05-01T00:00:00Z\"}}",
            "time_range.end: Invalid input: expected string, received undefined"),
        Arguments.of(
            "{"
                + m
                + ",\"time_range\":{\"start\":\"2026-05-02T00:00:00Z\",\"end\":\"2026-05-02T00:00:00Z\"}}",
            "time_range: start must be before end"),
        Arguments.of(
            "{"
                + m
                + ",\"time_range\":{\"start\":\"2025-05-01T00:00:00Z\",\"end\":\"2026-05-02T00:00:00Z\"}}",
            "time_range: Time range cannot exceed 365 days"),
        Arguments.of(
            "{\"metrics\":[\"request_count\",\"p99_latency\"]," + month + "}",
            "time_range: metric p99_latency allows a time range of at most 31 days"),
        Arguments.of(
            "{\"metrics\":[\"usage_file\"]," + month + "}",
            "time_range: metric usage_file allows a time range of at most 31 days"),
        Arguments.of(
            "{" + m + ",\"dimensions\":[\"model\",\"country\"]," + month + "}",
            "time_range: dimension country allows a time range of at most 31 days"),
        Arguments.of(
            "{"
                + m
                + ",\"filters\":[{\"field\":\"provider\",\"operator\":\"eq\",\"value\":\"Groq\"}],"
                + month
                + "}",
            "time_range: a filter on provider allows a time range of at most 31 days"),
        Arguments.of(
            "{"
                + m
                + ",\"granularity\":\"minute\",\"time_range\":{\"start\":\"2026-05-11T00:00:00Z\",\"end\":\"2026-05-11T03:00:01Z\"}}",
            "granularity: minute granularity needs a time range of at most 3 hours"),
        Arguments.of(
            "{" + m + ",\"granularity\":\"minute\"}",
            "granularity: minute granularity needs a time range of at most 3 hours"),
        Arguments.of("{" + m + ",\"limit\":0}", "limit: Too small: expected number to be >=1"),
        Arguments.of(
            "{" + m + ",\"limit\":10001}", "limit: Too big: expected number to be <=10000"),
        Arguments.of(
            "{" + m + ",\"limit\":2.5}", "limit: Invalid input: expected int, received number"),
        Arguments.of(
            "{" + m + ",\"limit\":\"10\"}",
            "limit: Invalid input: expected number, received string"),
        Arguments.of(
            "{" + m + ",\"group_limit\":0}", "group_limit: Too small: expected number to be >=1"),
        Arguments.of(
            "{" + m + ",\"order_by\":{\"field\":\"total_usage\",\"direction\":\"desc\"}}",
            "order_by.field: 'total_usage' is not a requested metric, request_count, a requested dimension or date"),
        Arguments.of(
            "{" + m + ",\"order_by\":{\"field\":\"model\",\"direction\":\"desc\"}}",
            "order_by.field: 'model' is not a requested metric, request_count, a requested dimension or date"),
        Arguments.of(
            "{" + m + ",\"order_by\":{\"field\":\"date\",\"direction\":\"desc\"}}",
            "order_by.field: 'date' needs a granularity"),
        Arguments.of(
            "{" + m + ",\"order_by\":{\"field\":\"request_count\",\"direction\":\"down\"}}",
            "order_by.direction: Invalid option: expected one of \"asc\"|\"desc\""),
        Arguments.of(
            "{"
                + m
                + ",\"classifier_dimensions\":{\"classifier_id\":\"550e8400-e29b-41d4-a716-446655440000\"}}",
            "classifier_dimensions.classifier_id: Classifier '550e8400-e29b-41d4-a716-446655440000' not found for this account"));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("invalidBodies")
  void invalidBodiesGet400WithTheFirstProblem(String body, String message) {
    OpenRouterEmulator emulator = start();

    Response response = query(emulator, MGMT, body);

    assertEquals(400, response.status(), response.body());
    assertEquals(400L, response.error().get("code"));
    assertEquals(message, response.error().get("message"));
  }

  @Test
  void capsAreInclusive() {
    OpenRouterEmulator emulator = start();

    assertEquals(
        200,
        query(
                emulator,
                MGMT,
                "{\"metrics\":[\"p99_latency\"],\"dimensions\":[\"provider\"],"
                    + "\"time_range\":{\"start\":\"2026-04-01T00:00:00Z\",\"end\":\"2026-05-02T00:00:00Z\"}}")
            .status());
    assertEquals(
        200,
        query(
                emulator,
                MGMT,
                "{\"metrics\":[\"request_count\"],\"granularity\":\"minute\","
                    + "\"time_range\":{\"start\":\"2026-05-11T00:00:00Z\",\"end\":\"2026-05-11T03:00:00Z\"}}")
            .status());
    assertEquals(
        200,
        query(
                emulator,
                MGMT,
                "{\"metrics\":[\"request_count\",\"total_usage\"],\"dimensions\":[\"model\"],"
                    + "\"time_range\":{\"start\":\"2025-05-12T00:00:00Z\",\"end\":\"2026-05-12T00:00:00Z\"}}")
            .status());
  }

  @Test
  void lenientWhereTheSchemaIs() {
    OpenRouterEmulator emulator = start();
    // Unknown members are stripped, integral floats are integers, offsets are RFC 3339.
    String body =
        "{\"metrics\":[\"request_count\"],\"extra\":{\"a\":[1,2]},\"limit\":10.0,"
            + "\"time_range\":{\"start\":\"2026-05-11T02:00:00+02:00\",\"end\":\"2026-05-11T01:00:00.5Z\"}}";

    List<Map<String, Object>> rows = rows(query(emulator, MGMT, body));

    long expected =
        emulator
            .analytics(OpenRouterEmulator.DEFAULT_ACCOUNT)
            .generations(
                Instant.parse("2026-05-11T00:00:00Z"), Instant.parse("2026-05-11T01:00:00.5Z"))
            .size();
    assertEquals(List.of(Map.of("request_count", Long.toString(expected))), rows);
  }

  @Test
  void analyticsHasItsOwn64PerMinuteLimit() {
    OpenRouterEmulator emulator =
        start(OpenRouterEmulator.builder().retryAfter(RetryAfterFlavour.SECONDS));
    String body =
        "{\"metrics\":[\"request_count\"],\"time_range\":{\"start\":\"2026-05-11T00:00:00Z\",\"end\":\"2026-05-11T00:10:00Z\"}}";

    // Refused requests of an inference key cost the key no analytics quota.
    assertEquals(403, meta(emulator, INFERENCE).status());
    for (int i = 0; i < 64; i++) {
      Response response = i % 2 == 0 ? meta(emulator, MGMT) : query(emulator, MGMT, body);
      assertEquals(200, response.status(), "request " + i + ": " + response.body());
    }
    clock.advance(Duration.ofSeconds(15));
    Response limited = query(emulator, MGMT, body);

    assertEquals(429, limited.status());
    assertEquals("Rate limit exceeded", limited.error().get("message"));
    assertEquals(List.of("45"), limited.headers().get("retry-after"));
    assertEquals(List.of("64"), limited.headers().get("x-ratelimit-limit"));
    // The datasets' 30/minute is another quota, for the same key as for any other.
    assertEquals(
        200,
        TestHttp.get(emulator.baseUrl() + "/datasets/rankings-daily?start_date=2026-05-11", MGMT)
            .status());
    clock.advance(Duration.ofSeconds(45));
    assertEquals(200, meta(emulator, MGMT).status());
  }

  @Test
  void datasetQuotaDoesNotSpendTheAnalyticsQuota() {
    OpenRouterEmulator emulator =
        start(OpenRouterEmulator.builder().rateLimitPerMinute(2).analyticsRateLimitPerMinute(3));
    String rankings = emulator.baseUrl() + "/datasets/rankings-daily?start_date=2026-05-11";

    assertEquals(200, TestHttp.get(rankings, MGMT).status());
    assertEquals(200, TestHttp.get(rankings, MGMT).status());
    assertEquals(429, TestHttp.get(rankings, MGMT).status());
    for (int i = 0; i < 3; i++) {
      assertEquals(200, meta(emulator, MGMT).status());
    }
    assertEquals(429, meta(emulator, MGMT).status());
    emulator.setAnalyticsRateLimitPerMinute(4);
    assertEquals(200, meta(emulator, MGMT).status());
  }

  /** Faults hit analytics like the datasets; a truncated body costs no analytics quota. */
  @Test
  void faultsApplyToAnalytics() {
    OpenRouterEmulator emulator =
        start(OpenRouterEmulator.builder().analyticsRateLimitPerMinute(1));
    String body = "{\"metrics\":[\"request_count\"]}";

    emulator.faults().failNext(1, Fault.status(408));
    Response timeout = query(emulator, MGMT, body);
    assertEquals(408, timeout.status());
    assertEquals("Operation timed out. Please try again later.", timeout.error().get("message"));
    emulator.faults().failNext(1, Fault.truncatedBody());
    assertThrows(UncheckedIOException.class, () -> query(emulator, MGMT, body));

    assertEquals(200, query(emulator, MGMT, body).status());
    assertEquals(429, query(emulator, MGMT, body).status());
  }

  @Test
  void liveTodayGrowsWithTheClock() {
    OpenRouterEmulator emulator = start();
    String body =
        "{\"metrics\":[\"request_count\"],\"time_range\":{\"start\":\"2026-05-12T00:00:00Z\",\"end\":\"2026-05-13T00:00:00Z\"}}";

    long early = count(rows(query(emulator, MGMT, body)));
    clock.advance(Duration.ofHours(6));
    long later = count(rows(query(emulator, MGMT, body)));

    assertTrue(early > 0 && later > early, early + " then " + later);
    assertEquals(
        later,
        emulator
            .analytics(OpenRouterEmulator.DEFAULT_ACCOUNT)
            .generations(
                Instant.parse("2026-05-12T00:00:00Z"), Instant.parse("2026-05-13T00:00:00Z"))
            .size());
  }

  private static long count(List<Map<String, Object>> rows) {
    assertEquals(1, rows.size());
    return Long.parseLong((String) rows.get(0).get("request_count"));
  }

  /** The HTTP rows equal the truth rows, numbers compared by value. */
  static void assertSameRows(List<Map<String, Object>> expected, List<Map<String, Object>> actual) {
    assertEquals(normalized(expected), normalized(actual));
  }

  static List<Map<String, Object>> normalized(List<Map<String, Object>> rows) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (Map<String, Object> row : rows) {
      Map<String, Object> copy = new LinkedHashMap<>();
      row.forEach(
          (k, v) ->
              copy.put(
                  k,
                  v instanceof Number n ? new BigDecimal(n.toString()).stripTrailingZeros() : v));
      out.add(copy);
    }
    assertNotNull(out);
    return out;
  }
}
