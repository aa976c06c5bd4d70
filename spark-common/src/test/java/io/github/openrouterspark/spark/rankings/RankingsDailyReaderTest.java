package io.github.openrouterspark.spark.rankings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.openrouterspark.api.ApiKey;
import io.github.openrouterspark.api.ClientSettings;
import io.github.openrouterspark.api.OpenRouterClient;
import io.github.openrouterspark.plan.DateSet;
import io.github.openrouterspark.plan.Window;
import java.net.InetAddress;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.apache.spark.sql.catalyst.InternalRow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The reader of one window of one parameter set, against canned responses: it sends the parameter
 * set, fills the key columns, keeps only wanted bucket starts, and refuses rows that cannot belong
 * to the window's buckets (for week and month, a row may carry the start of the window's first
 * bucket, which can precede the window).
 */
class RankingsDailyReaderTest {
  private MockWebServer server;

  @BeforeEach
  void start() throws Exception {
    server = new MockWebServer();
    server.start(InetAddress.getByName("127.0.0.1"), 0);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private static String body(String start, String end, String... dates) {
    StringBuilder data = new StringBuilder();
    for (String d : dates) {
      if (data.length() > 0) {
        data.append(',');
      }
      data.append("{\"date\":\"")
          .append(d)
          .append("\",\"model_permaslug\":\"a/b\",\"total_tokens\":\"7\"}");
    }
    return "{\"data\":["
        + data
        + "],\"meta\":{\"as_of\":\"2026-05-12T02:00:00.000Z\",\"version\":\"v1\","
        + "\"start_date\":\""
        + start
        + "\",\"end_date\":\""
        + end
        + "\"}}";
  }

  private void respond(String body) {
    server.enqueue(
        new MockResponse.Builder()
            .code(200)
            .addHeader("Content-Type", "application/json")
            .body(body)
            .build());
  }

  private List<InternalRow> read(Window window, RankingsDailySlice slice, DateSet starts)
      throws Exception {
    OpenRouterClient client =
        new OpenRouterClient(
            ClientSettings.defaults(server.url("/api/v1").toString())
                .withRetries(0, Duration.ofMillis(1)),
            ApiKey.of("or-reader-test-key"));
    RankingsDailyLayout layout = RankingsDailyLayout.of(RankingsDailyColumns.SCHEMA);
    List<InternalRow> rows = new ArrayList<>();
    try (RankingsDailyPartitionReader reader =
        new RankingsDailyPartitionReader(
            client, new WindowPartition(0, window, slice, starts), layout)) {
      while (reader.next()) {
        rows.add(reader.get().copy());
      }
    }
    return rows;
  }

  private static Window w(String a, String b) {
    return new Window(LocalDate.parse(a), LocalDate.parse(b));
  }

  private static final RankingsDailySlice WEEK =
      new RankingsDailySlice("week", null, null, null, null);
  private static final RankingsDailySlice PROGRAMMING =
      new RankingsDailySlice(null, null, null, "programming", null);

  @Test
  void sendsTheParameterSetAndFillsTheKeyColumns() throws Exception {
    respond(body("2025-03-03", "2025-03-16", "2025-03-03", "2025-03-10"));
    List<InternalRow> rows = read(w("2025-03-03", "2025-03-16"), PROGRAMMING, DateSet.ALL);
    RecordedRequest r = server.takeRequest(5, TimeUnit.SECONDS);
    assertEquals("programming", r.getUrl().queryParameter("category"));
    assertEquals(null, r.getUrl().queryParameter("period"), "an unsent period stays unsent");
    assertEquals(2, rows.size());
    InternalRow row = rows.get(0);
    assertEquals((int) LocalDate.parse("2025-03-03").toEpochDay(), row.getInt(0));
    assertEquals("week", row.getUTF8String(3).toString(), "the effective period");
    assertTrue(row.isNullAt(4) && row.isNullAt(5) && row.isNullAt(7));
    assertEquals("programming", row.getUTF8String(6).toString());
  }

  @Test
  void dropsBucketsTheDateFilterExcludes() throws Exception {
    respond(body("2025-03-03", "2025-03-23", "2025-03-03", "2025-03-10", "2025-03-17"));
    DateSet wanted =
        DateSet.ofDates(List.of(LocalDate.parse("2025-03-03"), LocalDate.parse("2025-03-17")));
    List<InternalRow> rows = read(w("2025-03-03", "2025-03-23"), WEEK, wanted);
    assertEquals(
        List.of(
            (int) LocalDate.parse("2025-03-03").toEpochDay(),
            (int) LocalDate.parse("2025-03-17").toEpochDay()),
        rows.stream().map(r -> r.getInt(0)).toList());
  }

  @Test
  void acceptsTheFirstBucketStartingBeforeTheWindow() throws Exception {
    respond(body("2025-01-01", "2025-01-12", "2024-12-30", "2025-01-06"));
    assertEquals(2, read(w("2025-01-01", "2025-01-12"), WEEK, DateSet.ALL).size());
    respond(body("2025-01-01", "2025-02-02", "2024-12-01", "2025-01-01"));
    RankingsDailySlice month = new RankingsDailySlice("month", null, null, "programming", null);
    assertEquals(2, read(w("2025-01-01", "2025-02-02"), month, DateSet.ALL).size());
  }

  @Test
  void refusesRowsOutsideTheWindowsBuckets() {
    for (String bad : List.of("2025-02-24", "2025-03-24", "2025-03-04")) {
      respond(body("2025-03-03", "2025-03-16", "2025-03-03", bad));
      IllegalStateException e =
          assertThrows(
              IllegalStateException.class,
              () -> read(w("2025-03-03", "2025-03-16"), WEEK, DateSet.ALL),
              bad);
      assertTrue(
          e.getMessage()
              .contains(
                  "a row dated "
                      + bad
                      + ", outside the requested window 2025-03-03..2025-03-16"
                      + " (whose week buckets start 2025-03-03..2025-03-10)"),
          e.getMessage());
    }
  }

  @Test
  void refusesAResponseCoveringLessThanTheWindow() {
    respond(body("2025-03-03", "2025-03-09", "2025-03-03"));
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () -> read(w("2025-03-03", "2025-03-16"), WEEK, DateSet.ALL));
    assertTrue(e.getMessage().contains("narrower than the requested window"), e.getMessage());
  }
}
