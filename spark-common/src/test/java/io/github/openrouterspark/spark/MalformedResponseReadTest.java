package io.github.openrouterspark.spark;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.apache.spark.sql.DataFrameReader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A Spark read of each dataset against a stub server whose response breaks the contract: the query
 * fails, naming the request and what was wrong, after one request (the body is not retried).
 */
class MalformedResponseReadTest {
  private static final String KEY = "sk-or-v1-malformed-response-test-key";
  private static final String DATASET_META =
      "{\"as_of\":\"2026-03-29T02:00:00.000Z\",\"version\":\"v1\",\"start_date\":\"2026-03-01\",\"end_date\":\"2026-03-28\"}";
  private static final String ANALYTICS_META =
      "{\"data\":{"
          + "\"metrics\":[{\"name\":\"request_count\",\"display_label\":\"Request Count\",\"is_rate\":false,"
          + "\"display_format\":\"number\"}],"
          + "\"dimensions\":[{\"name\":\"model\",\"display_label\":\"Model\"}],"
          + "\"operators\":[{\"name\":\"eq\",\"value_type\":\"scalar\"},{\"name\":\"in\",\"value_type\":\"array\"}],"
          + "\"granularities\":[{\"name\":\"day\",\"display_label\":\"Day\"}]}}";

  private MockWebServer server;

  /** Body by path (without the /api/v1 prefix). */
  private final Map<String, String> bodies = new ConcurrentHashMap<>();

  private final List<String> requests = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() throws Exception {
    server = new MockWebServer();
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            String path = request.getUrl().encodedPath().replaceFirst("^/api/v1", "");
            requests.add(request.getMethod() + " " + path);
            String body = bodies.get(path);
            return body == null
                ? new MockResponse.Builder()
                    .code(404)
                    .body("{\"error\":{\"code\":404,\"message\":\"no\"}}")
                    .build()
                : new MockResponse.Builder()
                    .code(200)
                    .addHeader("Content-Type", "application/json")
                    .body(body)
                    .build();
          }
        });
    server.start(InetAddress.getByName("127.0.0.1"), 0);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private DataFrameReader reader() {
    return TestSpark.session()
        .read()
        .format("openrouter")
        .option("baseUrl", server.url("/api/v1").toString())
        .option("apiKey", KEY)
        .option("rateLimitPerMinute", "10000")
        .option("cache", "false");
  }

  private static String failure(Runnable read) {
    Throwable e = assertThrows(Throwable.class, read::run);
    StringBuilder chain = new StringBuilder();
    for (Throwable t = e; t != null; t = t.getCause()) {
      chain.append(t.getMessage()).append('\n');
    }
    String m = chain.toString();
    assertTrue(!m.contains(KEY), "the key never appears: " + m);
    return m;
  }

  private long count(String request) {
    return requests.stream().filter(request::equals).count();
  }

  @Test
  void rankingsDailyWithAModelTwiceOnADateFails() {
    String row = "{\"date\":\"2026-03-02\",\"model_permaslug\":\"a/b\",\"total_tokens\":\"7\"}";
    bodies.put(
        "/datasets/rankings-daily",
        "{\"data\":["
            + row
            + ","
            + row.replace("a/b", "c/d")
            + ","
            + row.replace("\"7\"", "\"9\"")
            + "],\"meta\":"
            + DATASET_META.replace("2026-03-01", "2026-03-02").replace("2026-03-28", "2026-03-02")
            + "}");
    String m =
        failure(
            () ->
                reader()
                    .option("startDate", "2026-03-02")
                    .option("endDate", "2026-03-02")
                    .load("rankings-daily")
                    .collectAsList());
    assertTrue(
        m.contains(
            "OpenRouter API request GET /datasets/rankings-daily?start_date=2026-03-02&end_date=2026-03-02"),
        m);
    assertTrue(
        m.contains(
            "data[2]: repeats the date and model_permaslug ('2026-03-02', 'a/b') of data[0]"),
        m);
    assertEquals(1, count("GET /datasets/rankings-daily"), "not retried: " + requests);
  }

  @Test
  void appRankingsWithAnAppTwiceFails() {
    String row =
        "{\"rank\":1,\"app_id\":42,\"app_name\":\"Cline\",\"total_tokens\":\"100\",\"total_requests\":5.0}";
    bodies.put(
        "/datasets/app-rankings",
        "{\"data\":["
            + row
            + ","
            + row.replace("\"rank\":1", "\"rank\":2.0").replace("\"100\"", "\"90\"")
            + "],\"meta\":"
            + DATASET_META
            + "}");
    String m =
        failure(
            () ->
                reader()
                    .option("startDate", "2026-03-01")
                    .option("endDate", "2026-03-28")
                    .load("app-rankings")
                    .collectAsList());
    assertTrue(
        m.contains(
            "OpenRouter API request GET /datasets/app-rankings?start_date=2026-03-01&end_date=2026-03-28"),
        m);
    assertTrue(
        m.contains(
            "data[1]: repeats the app_id ('42') of data[0]; a response has one row per app_id"),
        m);
    assertEquals(1, count("GET /datasets/app-rankings"), "not retried: " + requests);
  }

  private DataFrameReader analytics() {
    bodies.put("/analytics/meta", ANALYTICS_META);
    return reader()
        .option("dataset", "analytics")
        .option("granularity", "day")
        .option("metrics", "request_count")
        .option("dimensions", "model")
        .option("startTime", "2026-03-01T00:00:00Z")
        .option("endTime", "2026-03-03T00:00:00Z");
  }

  private static String analyticsBody(String... rows) {
    return "{\"data\":{\"data\":["
        + String.join(",", rows)
        + "],\"metadata\":{\"query_time_ms\":3,\"row_count\":"
        + rows.length
        + ",\"truncated\":false}}}";
  }

  @Test
  void analyticsRowsOutsideThePushedFilterFail() {
    bodies.put(
        "/analytics/query",
        analyticsBody(
            "{\"date__day\":\"2026-03-01T00:00:00.000Z\",\"model\":\"a/b\",\"request_count\":\"3\"}",
            "{\"date__day\":\"2026-03-02T00:00:00.000Z\",\"model\":\"c/d\",\"request_count\":\"4\"}"));
    String m = failure(() -> analytics().load().where(col("model").equalTo("a/b")).collectAsList());
    assertTrue(
        m.contains(
            "OpenRouter API request POST /analytics/query {\"metrics\":[\"request_count\"],"
                + "\"dimensions\":[\"model\"],\"filters\":[{\"field\":\"model\",\"operator\":\"eq\",\"value\":\"a/b\"}]"),
        m);
    assertTrue(
        m.contains(
            "data.data[1]: field 'model' is 'c/d', which the request's filter model eq 'a/b' excludes"),
        m);
    assertEquals(1, count("POST /analytics/query"), "not retried: " + requests);
  }

  @Test
  void analyticsRowsOutsideTheTimeRangeOrWithoutTheirKeysFail() {
    bodies.put(
        "/analytics/query",
        analyticsBody(
            "{\"date__day\":\"2026-03-03T00:00:00.000Z\",\"model\":\"a/b\",\"request_count\":\"3\"}"));
    String m = failure(() -> analytics().load().collectAsList());
    assertTrue(
        m.contains("OpenRouter API request POST /analytics/query {\"metrics\":[\"request_count\"]"),
        m);
    assertTrue(
        m.contains(
            "data.data[0]: time bucket date__day '2026-03-03T00:00:00.000Z' lies outside the requested"
                + " time_range 2026-03-01T00:00:00Z .. 2026-03-03T00:00:00Z"),
        m);

    bodies.put("/analytics/query", analyticsBody("{}"));
    m = failure(() -> analytics().load().collectAsList());
    assertTrue(m.contains("data.data[0]: required field 'request_count' is missing"), m);
  }
}
