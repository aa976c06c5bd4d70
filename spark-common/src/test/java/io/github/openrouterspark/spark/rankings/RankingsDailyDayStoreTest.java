package io.github.openrouterspark.spark.rankings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.openrouterspark.api.ApiKey;
import io.github.openrouterspark.api.CacheSettings;
import io.github.openrouterspark.api.ClientSettings;
import io.github.openrouterspark.api.DayCache;
import io.github.openrouterspark.api.OpenRouterClient;
import io.github.openrouterspark.api.RequestMetrics;
import io.github.openrouterspark.plan.DateSet;
import io.github.openrouterspark.plan.Window;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.apache.spark.sql.catalyst.InternalRow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * How readers of daily rows fill and use the day cache, against canned responses: only a window
 * read to its end with a valid meta is stored, only its completed days, exactly as returned; a
 * partition of cached days reads memory and fetches only what this JVM lacks.
 */
class RankingsDailyDayStoreTest {
  private static final RankingsDailySlice DAY =
      new RankingsDailySlice(null, null, null, null, null);
  private static final Instant AS_OF = Instant.parse("2025-03-05T10:00:00Z");
  private static final Clock LATER =
      Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

  private MockWebServer server;
  private DayCache.Scope scope;
  private OpenRouterClient client;

  @BeforeEach
  void start() throws Exception {
    server = new MockWebServer();
    server.start(InetAddress.getByName("127.0.0.1"), 0);
    ClientSettings settings =
        ClientSettings.defaults(server.url("/api/v1").toString())
            .withRetries(0, Duration.ofMillis(1));
    // A key of its own: no other test's days or responses can be found.
    ApiKey key = ApiKey.of("or-day-store-" + UUID.randomUUID());
    client = new OpenRouterClient(settings, key);
    scope = DAY.dayCacheScope(settings, key, new CacheSettings(true, Duration.ofMinutes(10)));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  /** A response whose rows are "date:permaslug:tokens". */
  private static String body(String start, String end, Instant asOf, String... rows) {
    StringBuilder data = new StringBuilder();
    for (String r : rows) {
      String[] p = r.split(":");
      if (data.length() > 0) {
        data.append(',');
      }
      data.append("{\"date\":\"")
          .append(p[0])
          .append("\",\"model_permaslug\":\"")
          .append(p[1])
          .append("\",\"total_tokens\":\"")
          .append(p[2])
          .append("\"}");
    }
    return "{\"data\":["
        + data
        + "],\"meta\":{\"as_of\":\""
        + asOf
        + "\",\"version\":\"v1\","
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

  private static Window w(String a, String b) {
    return new Window(LocalDate.parse(a), LocalDate.parse(b));
  }

  private RankingsDailyPartitionReader reader(
      Window window, DateSet wanted, RankingsDailyLayout layout) {
    return new RankingsDailyPartitionReader(
        client,
        new WindowPartition(0, window, DAY, wanted),
        layout,
        scope,
        new RequestMetrics(),
        LATER);
  }

  private static List<InternalRow> drain(
      org.apache.spark.sql.connector.read.PartitionReader<InternalRow> reader) throws Exception {
    List<InternalRow> rows = new ArrayList<>();
    try (reader) {
      while (reader.next()) {
        rows.add(reader.get().copy());
      }
    }
    return rows;
  }

  private Optional<DayCache.Day> cached(String date) {
    return scope.get(LocalDate.parse(date));
  }

  private static DayCache.Row row(String permaslug, String tokens) {
    return new DayCache.Row(permaslug, tokens);
  }

  @Test
  void storesEveryCompletedDayOfTheWindowAsReturned() throws Exception {
    respond(
        body(
            "2025-03-01",
            "2025-03-06",
            AS_OF,
            "2025-03-01:b/y:9",
            "2025-03-01:a/x:9",
            "2025-03-01:other:3",
            "2025-03-02:a/x:8",
            "2025-03-04:a/x:123456789012345678901234567890",
            "2025-03-05:a/x:1"));
    // Only 03-02 is wanted: the others are dropped from the rows but still stored.
    List<InternalRow> rows =
        drain(
            reader(
                w("2025-03-01", "2025-03-06"),
                DateSet.of(LocalDate.parse("2025-03-02"), LocalDate.parse("2025-03-02")),
                RankingsDailyLayout.of(RankingsDailyColumns.SCHEMA)));
    assertEquals(1, rows.size());
    assertEquals(
        new DayCache.Day(List.of(row("b/y", "9"), row("a/x", "9"), row("other", "3")), AS_OF),
        cached("2025-03-01").orElseThrow(),
        "the API's order, other included");
    assertEquals(
        new DayCache.Day(List.of(row("a/x", "8")), AS_OF), cached("2025-03-02").orElseThrow());
    assertEquals(
        new DayCache.Day(List.of(), AS_OF),
        cached("2025-03-03").orElseThrow(),
        "a day the API returned no rows for is stored empty");
    assertEquals(
        List.of(row("a/x", "123456789012345678901234567890")),
        cached("2025-03-04").orElseThrow().rows());
    assertTrue(cached("2025-03-05").isEmpty(), "the as_of day was live when the response was made");
    assertTrue(cached("2025-03-06").isEmpty());
  }

  @Test
  void aWindowReadEarlyIsReadToItsEndAndStoredOnClose() throws Exception {
    respond(
        body(
            "2025-02-01",
            "2025-02-03",
            AS_OF,
            "2025-02-01:a/x:1",
            "2025-02-02:a/x:2",
            "2025-02-03:a/x:3"));
    try (RankingsDailyPartitionReader reader =
        reader(
            w("2025-02-01", "2025-02-03"),
            DateSet.ALL,
            RankingsDailyLayout.of(RankingsDailyColumns.SCHEMA))) {
      assertTrue(reader.next()); // a LIMIT 1: Spark stops here and closes the reader
    }
    assertEquals(List.of(row("a/x", "3")), cached("2025-02-03").orElseThrow().rows());
  }

  @Test
  void aWindowWhoseMetaIsNarrowerStoresNothing() {
    respond(body("2025-02-02", "2025-02-03", AS_OF, "2025-02-02:a/x:2", "2025-02-03:a/x:3"));
    assertThrows(
        IllegalStateException.class,
        () ->
            drain(
                reader(
                    w("2025-02-01", "2025-02-03"),
                    DateSet.ALL,
                    RankingsDailyLayout.of(RankingsDailyColumns.SCHEMA))));
    assertTrue(cached("2025-02-02").isEmpty());
    assertTrue(cached("2025-02-03").isEmpty());
  }

  @Test
  void aWindowThatFailsMidwayStoresNothing() {
    // A row outside the window fails the read after 02-01 was complete.
    respond(body("2025-02-01", "2025-02-03", AS_OF, "2025-02-01:a/x:1", "2025-02-09:a/x:2"));
    assertThrows(
        IllegalStateException.class,
        () ->
            drain(
                reader(
                    w("2025-02-01", "2025-02-03"),
                    DateSet.ALL,
                    RankingsDailyLayout.of(RankingsDailyColumns.SCHEMA))));
    assertTrue(cached("2025-02-01").isEmpty());
  }

  @Test
  void nothingIsKeptForWeeksMonthsOrWithTheCacheOff() {
    ClientSettings settings = ClientSettings.defaults("http://127.0.0.1:1/api/v1");
    ApiKey key = ApiKey.of("or-k");
    CacheSettings on = new CacheSettings(true, Duration.ofMinutes(1));
    assertNull(
        new RankingsDailySlice("week", null, null, null, null).dayCacheScope(settings, key, on));
    assertNull(
        new RankingsDailySlice(null, null, null, "programming", null)
            .dayCacheScope(settings, key, on));
    assertNull(DAY.dayCacheScope(settings, key, CacheSettings.disabled()));
    assertEquals("", DAY.dayCacheScope(settings, key, on).parameters());
    assertEquals(
        "period=day&modality=text&context_bucket=1K",
        new RankingsDailySlice("day", "text", "1K", null, null)
            .dayCacheScope(settings, key, on)
            .parameters());
    assertEquals(key.fingerprint(), DAY.dayCacheScope(settings, key, on).keyFingerprint());
  }

  @Test
  void cachedDaysAreReadFromMemoryAndOnlyMissingDaysFetched() throws Exception {
    Instant older = Instant.parse("2025-04-01T00:00:00Z");
    scope.put(
        LocalDate.parse("2025-03-01"),
        new DayCache.Day(List.of(row("a/x", "5"), row("other", "1")), older));
    scope.put(LocalDate.parse("2025-03-04"), new DayCache.Day(List.of(row("b/y", "7")), older));
    // 03-02..03-03 are not in this JVM: one window fetches them.
    respond(body("2025-03-02", "2025-03-03", AS_OF, "2025-03-02:c/z:2", "2025-03-03:c/z:3"));
    RankingsDailyLayout layout =
        RankingsDailyLayout.of(RankingsDailyColumns.SCHEMA.add(RankingsDailyColumns.AS_OF.field()));
    CachedDaysPartition partition =
        new CachedDaysPartition(
            0, DAY, DateSet.of(LocalDate.parse("2025-03-01"), LocalDate.parse("2025-03-04")), 366);
    List<InternalRow> rows =
        drain(new CachedDaysPartitionReader(client, partition, layout, scope, LATER));
    RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
    assertEquals("2025-03-02", request.getUrl().queryParameter("start_date"));
    assertEquals("2025-03-03", request.getUrl().queryParameter("end_date"));
    assertEquals(1, server.getRequestCount());
    assertEquals(
        List.of(
            "2025-03-01 a/x 5",
            "2025-03-01 other 1",
            "2025-03-02 c/z 2",
            "2025-03-03 c/z 3",
            "2025-03-04 b/y 7"),
        rows.stream()
            .map(
                r ->
                    LocalDate.ofEpochDay(r.getInt(0))
                        + " "
                        + r.getUTF8String(1)
                        + " "
                        + r.getDecimal(2, 38, 0))
            .toList(),
        "date order");
    int asOf = layout.width() - 1;
    assertEquals(
        older.toEpochMilli() * 1000, rows.get(0).getLong(asOf), "the as_of of the stored response");
    assertEquals(AS_OF.toEpochMilli() * 1000, rows.get(2).getLong(asOf));
    assertEquals("day", rows.get(0).getUTF8String(3).toString(), "key columns as for fetched rows");
    assertTrue(cached("2025-03-02").isPresent(), "the fetched days are stored in turn");
  }

  @Test
  void aDayOlderThanTheReadersTtlIsNotUsed() throws Exception {
    scope.put(LocalDate.parse("2025-03-01"), new DayCache.Day(List.of(row("a/x", "5")), AS_OF));
    Thread.sleep(5);
    DayCache.Scope strict =
        new DayCache.Scope(
            scope.baseUrl(), scope.keyFingerprint(), scope.parameters(), Duration.ofMillis(1));
    assertTrue(strict.get(LocalDate.parse("2025-03-01")).isEmpty());
    assertTrue(scope.get(LocalDate.parse("2025-03-01")).isPresent());
  }
}
