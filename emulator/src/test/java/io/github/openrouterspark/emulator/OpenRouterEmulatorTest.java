package io.github.openrouterspark.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.openrouterspark.emulator.TestHttp.Response;
import java.math.BigInteger;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OpenRouterEmulatorTest {
  private static final Instant NOW = Instant.parse("2026-05-12T02:00:00Z");
  private static final String KEY = OpenRouterEmulator.DEFAULT_API_KEY;

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
    return start(OpenRouterEmulator.builder());
  }

  private static Response rankings(OpenRouterEmulator emulator, String query) {
    return rankings(emulator, query, KEY);
  }

  private static Response rankings(OpenRouterEmulator emulator, String query, String key) {
    String url =
        emulator.baseUrl() + "/datasets/rankings-daily" + (query.isEmpty() ? "" : "?" + query);
    return TestHttp.get(url, key);
  }

  @Test
  void servesUnderApiV1OnLoopbackWithAnUnrealisticDefaultKey() {
    OpenRouterEmulator emulator = start();

    assertTrue(
        emulator.baseUrl().matches("http://127\\.0\\.0\\.1:\\d+/api/v1"), emulator.baseUrl());
    assertFalse(KEY.matches("sk-or-v1-[0-9a-f]+"));
  }

  @Test
  void defaultWindowEndsYesterdayAndStartsThirtyDaysEarlier() {
    OpenRouterEmulator emulator = start();

    Response response = rankings(emulator, "");

    assertEquals(200, response.status());
    assertEquals("application/json", response.contentType());
    assertEquals(
        Map.of(
            "as_of",
            "2026-05-12T02:00:00.000Z",
            "version",
            "v1",
            "start_date",
            "2026-04-11",
            "end_date",
            "2026-05-11"),
        response.meta());
    List<RankingRow> rows = response.rows();
    assertEquals(
        emulator.market().rankingsDaily(LocalDate.of(2026, 4, 11), LocalDate.of(2026, 5, 11)),
        rows);
    assertEquals(31 * 51, rows.size());
  }

  @Test
  void asOfIsTheClockTruncatedToMillis() {
    OpenRouterEmulator emulator = start();
    clock.set(Instant.parse("2026-05-12T02:03:04.123456789Z"));

    assertEquals("2026-05-12T02:03:04.123Z", rankings(emulator, "").meta().get("as_of"));
  }

  @Test
  void earlyStartIsClampedAndEchoedInMeta() {
    OpenRouterEmulator emulator = start();

    Response response = rankings(emulator, "start_date=2024-06-01&end_date=2025-01-03");

    assertEquals(200, response.status());
    assertEquals("2025-01-01", response.meta().get("start_date"));
    assertEquals("2025-01-03", response.meta().get("end_date"));
    assertEquals(
        emulator.market().rankingsDaily(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 1, 3)),
        response.rows());
  }

  @Test
  void rowsFollowTheRankingRulesOverHttp() {
    OpenRouterEmulator emulator = start();

    List<RankingRow> rows = rankings(emulator, "start_date=2025-01-01&end_date=2025-12-31").rows();

    assertEquals(
        emulator.market().rankingsDaily(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31)),
        rows);
    Map<LocalDate, List<RankingRow>> byDay = new TreeMap<>();
    rows.forEach(r -> byDay.computeIfAbsent(r.date(), d -> new ArrayList<>()).add(r));
    assertEquals(365, byDay.size());
    // Early January has fewer than 50 models, so no other row; later days have one, last.
    List<RankingRow> newYear = byDay.get(LocalDate.of(2025, 1, 1));
    assertTrue(
        newYear.size() < 50 && newYear.stream().noneMatch(r -> r.modelPermaslug().equals("other")));
    List<RankingRow> december = byDay.get(LocalDate.of(2025, 12, 1));
    assertEquals("other", december.get(50).modelPermaslug());
    int ties = 0;
    for (List<RankingRow> day : byDay.values()) {
      for (int i = 1; i < Math.min(day.size(), 50); i++) {
        int cmp = day.get(i - 1).totalTokens().compareTo(day.get(i).totalTokens());
        assertTrue(
            cmp > 0
                || cmp == 0
                    && day.get(i - 1).modelPermaslug().compareTo(day.get(i).modelPermaslug()) < 0);
        ties += cmp == 0 ? 1 : 0;
      }
    }
    assertTrue(ties > 0, "the year should contain exact ties");
  }

  @Test
  void futureEndDateIsAcceptedAndTodayIsPartial() {
    OpenRouterEmulator emulator = start();

    Response response = rankings(emulator, "start_date=2026-05-10&end_date=2026-05-20");

    assertEquals("2026-05-20", response.meta().get("end_date"));
    List<RankingRow> rows = response.rows();
    LocalDate today = LocalDate.of(2026, 5, 12);
    assertEquals(today, rows.get(rows.size() - 1).date());
    RankingRow topToday =
        rows.stream().filter(r -> r.date().equals(today)).findFirst().orElseThrow();
    RankingRow sameModelYesterday =
        rows.stream()
            .filter(
                r ->
                    r.date().equals(today.minusDays(1))
                        && r.modelPermaslug().equals(topToday.modelPermaslug()))
            .findFirst()
            .orElseThrow();
    // At 02:00 only a twelfth of the day has elapsed.
    assertTrue(
        topToday
                .totalTokens()
                .multiply(BigInteger.valueOf(6))
                .compareTo(sameModelYesterday.totalTokens())
            < 0);
    assertEquals(
        topToday.totalTokens(), emulator.market().tokens(topToday.modelPermaslug(), today));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "start_date=2026-5-01 | start_date: must be a date in YYYY-MM-DD format, got '2026-5-01'",
        "end_date=2026-02-30 | end_date: '2026-02-30' is not a valid calendar date",
        "end_date=2024-12-31 | end_date: must be on or after 2025-01-01, got 2024-12-31",
        "start_date=2026-03-02&end_date=2026-03-01 | start_date: must not be after end_date (2026-03-02 > 2026-03-01)",
        "start_date=2025-03-01&end_date=2026-03-02 | end_date: span between start_date and end_date must not exceed 366 days",
        "category=programming&period=day | period: 'day' is not available with category (weekly sampled dataset); use week or month",
        "modality=video | modality: must be one of text, image, image_output, audio, tool_calling, got 'video'",
      })
  void invalidParametersGive400WithAMessageSayingWhy(String query, String message) {
    Response response = rankings(start(), query);

    assertEquals(400, response.status());
    assertEquals("application/json", response.contentType());
    Map<String, Object> error = new LinkedHashMap<>();
    error.put("code", 400L);
    error.put("message", message);
    error.put("metadata", null);
    assertEquals(Map.of("error", error), response.json());
  }

  @Test
  void spanOf366DaysIsAccepted() {
    Response response = rankings(start(), "start_date=2025-03-01&end_date=2026-03-01");

    assertEquals(200, response.status());
    assertEquals("2025-03-01", response.meta().get("start_date"));
  }

  @Test
  void unknownParametersAreIgnored() {
    OpenRouterEmulator emulator = start();

    assertEquals(rankings(emulator, "").body(), rankings(emulator, "limit=10&foo=bar").body());
  }

  @Test
  void missingOrUnknownKeyGives401() {
    OpenRouterEmulator emulator = start();

    Response missing = rankings(emulator, "", null);
    assertEquals(401, missing.status());
    assertEquals(
        "{\"error\":{\"code\":401,\"message\":\"Missing Authentication header\",\"metadata\":null}}",
        missing.body());
    Response notBearer =
        TestHttp.send(
            emulator.baseUrl() + "/datasets/rankings-daily",
            "GET",
            null,
            Map.of("Authorization", "Basic " + KEY));
    assertEquals("Missing Authentication header", notBearer.error().get("message"));
    Response unknown = rankings(emulator, "", "sk-or-v1-not-a-real-key");
    assertEquals(401, unknown.status());
    assertEquals(401L, unknown.error().get("code"));
    assertEquals("Invalid API key", unknown.error().get("message"));
    assertEquals(
        List.of(401, 401, 401),
        emulator.requestLog().all().stream().map(LoggedRequest::status).toList());
    assertTrue(emulator.requestLog().all().stream().allMatch(r -> r.account() == null));
  }

  @Test
  void configuredKeysReplaceTheDefaultKey() {
    OpenRouterEmulator emulator = start(OpenRouterEmulator.builder().apiKey("team-key", "team"));

    assertEquals(200, rankings(emulator, "", "team-key").status());
    assertEquals(401, rankings(emulator, "", KEY).status());
  }

  @Test
  void perKeyRateLimitGives429AndRecoversWhenTheWindowRolls() {
    OpenRouterEmulator emulator = start(OpenRouterEmulator.builder().rateLimitPerMinute(3));

    assertEquals(200, rankings(emulator, "").status());
    clock.advance(Duration.ofSeconds(10));
    assertEquals(200, rankings(emulator, "").status());
    assertEquals(400, rankings(emulator, "end_date=bad").status()); // validated after the quota
    Response limited = rankings(emulator, "");
    assertEquals(429, limited.status());
    assertEquals(
        "{\"error\":{\"code\":429,\"message\":\"Rate limit exceeded\","
            + "\"metadata\":{\"error_type\":\"rate_limit_exceeded\"}}}",
        limited.body());
    // Default flavour SECONDS: the request of NOW leaves the window at NOW + 60 s, 50 s from now.
    assertEquals(List.of("50"), limited.headers().get("retry-after"));
    clock.advance(Duration.ofSeconds(49)); // 59 s after the first request
    assertEquals(429, rankings(emulator, "").status());
    clock.advance(Duration.ofSeconds(1)); // the first request leaves the window
    assertEquals(200, rankings(emulator, "").status());
    assertEquals(429, rankings(emulator, "").status());
  }

  @Test
  void dailyLimitIsSharedByTheKeysOfAnAccountAndResetsAtUtcMidnight() {
    OpenRouterEmulator emulator =
        start(
            OpenRouterEmulator.builder()
                .apiKey("key-a1", "account-a")
                .apiKey("key-a2", "account-a")
                .apiKey("key-b", "account-b")
                .dailyLimitPerAccount(3));

    assertEquals(200, rankings(emulator, "", "key-a1").status());
    assertEquals(200, rankings(emulator, "", "key-a2").status());
    assertEquals(200, rankings(emulator, "", "key-a1").status());
    assertEquals(429, rankings(emulator, "", "key-a2").status());
    assertEquals(429, rankings(emulator, "", "key-a1").status());
    assertEquals(200, rankings(emulator, "", "key-b").status());
    assertEquals(401, rankings(emulator, "", "key-c").status()); // authentication comes first
    clock.set(Instant.parse("2026-05-13T00:00:00Z"));
    assertEquals(200, rankings(emulator, "", "key-a2").status());
  }

  @Test
  void weeksAreBucketedByIsoMondayAndSumTheDaysInTheWindow() {
    OpenRouterEmulator emulator = start();
    LocalDate start = LocalDate.of(2026, 3, 4); // a Wednesday
    LocalDate end = LocalDate.of(2026, 3, 24); // a Tuesday

    Response response =
        rankings(emulator, "start_date=" + start + "&end_date=" + end + "&period=week");

    assertEquals(start.toString(), response.meta().get("start_date"));
    Map<LocalDate, List<RankingRow>> buckets = byDate(response.rows());
    assertEquals(
        List.of(
            LocalDate.of(2026, 3, 2),
            LocalDate.of(2026, 3, 9),
            LocalDate.of(2026, 3, 16),
            LocalDate.of(2026, 3, 23)),
        List.copyOf(buckets.keySet()));
    assertBucketsMatchDailyData(
        emulator.market(), buckets, start, end, d -> d.with(DayOfWeek.MONDAY));
  }

  @Test
  void monthsAreBucketedByTheirFirstDay() {
    OpenRouterEmulator emulator = start();
    LocalDate start = LocalDate.of(2026, 1, 15);
    LocalDate end = LocalDate.of(2026, 3, 10);

    Map<LocalDate, List<RankingRow>> buckets =
        byDate(
            rankings(emulator, "start_date=" + start + "&end_date=" + end + "&period=month")
                .rows());

    assertEquals(
        List.of(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 2, 1), LocalDate.of(2026, 3, 1)),
        List.copyOf(buckets.keySet()));
    assertBucketsMatchDailyData(emulator.market(), buckets, start, end, d -> d.withDayOfMonth(1));
  }

  private static void assertBucketsMatchDailyData(
      SyntheticMarket market,
      Map<LocalDate, List<RankingRow>> buckets,
      LocalDate start,
      LocalDate end,
      java.util.function.UnaryOperator<LocalDate> bucketOf) {
    Map<LocalDate, BigInteger> dailyTotals = new TreeMap<>();
    market
        .rankingsDaily(start, end)
        .forEach(
            r -> dailyTotals.merge(bucketOf.apply(r.date()), r.totalTokens(), BigInteger::add));
    buckets.forEach(
        (bucket, rows) -> {
          assertEquals(51, rows.size(), bucket.toString());
          assertEquals("other", rows.get(50).modelPermaslug());
          for (int i = 1; i < 50; i++) {
            assertTrue(rows.get(i - 1).totalTokens().compareTo(rows.get(i).totalTokens()) >= 0);
          }
          // All traffic of the bucket is accounted for, whichever models made the top 50.
          assertEquals(
              dailyTotals.get(bucket),
              rows.stream().map(RankingRow::totalTokens).reduce(BigInteger.ZERO, BigInteger::add));
          for (RankingRow row : rows.subList(0, 3)) {
            BigInteger sum = BigInteger.ZERO;
            for (LocalDate d = start; !d.isAfter(end); d = d.plusDays(1)) {
              if (bucketOf.apply(d).equals(bucket)) {
                sum = sum.add(market.tokens(row.modelPermaslug(), d));
              }
            }
            assertEquals(sum, row.totalTokens(), row.toString());
          }
        });
  }

  @Test
  void slicesAreDeterministicTransformationsOfTheBaseData() {
    OpenRouterEmulator emulator = start();
    String window = "start_date=2026-03-01&end_date=2026-03-31";

    Response base = rankings(emulator, window);
    Response exact = rankings(emulator, window + "&modality=tool_calling&context_bucket=100K");
    Response sampled = rankings(emulator, window + "&category=programming");

    assertEquals(200, exact.status());
    assertFalse(base.rows().equals(exact.rows()));
    assertEquals(
        exact.body(),
        rankings(emulator, window + "&modality=tool_calling&context_bucket=100K").body());
    assertEquals(200, sampled.status());
    assertTrue(sampled.rows().stream().allMatch(r -> r.date().getDayOfWeek() == DayOfWeek.MONDAY));
    assertTrue(
        sampled.rows().stream()
            .allMatch(r -> r.totalTokens().mod(BigInteger.valueOf(1000)).signum() == 0));
    assertEquals(LocalDate.of(2026, 3, 30), sampled.rows().get(sampled.rows().size() - 1).date());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "start_date=2026-03-04&end_date=2026-03-24",
        "start_date=2026-03-04&end_date=2026-03-24&period=week&modality=tool_calling",
        "start_date=2025-11-15&end_date=2026-02-10&period=month&context_bucket=1M&modality=image",
        "start_date=2026-03-04&end_date=2026-03-24&category=marketing/seo",
        "start_date=2026-01-10&end_date=2026-03-24&category=legal&period=month",
        "start_date=2026-03-04&end_date=2026-05-20&language_type=programming&period=week",
        "start_date=2024-06-01&end_date=2025-02-01&period=week",
        "end_date=2026-05-12&period=day",
      })
  void sliceTruthIsExactlyWhatTheEndpointReturnsForTheResolvedParameters(String query) {
    OpenRouterEmulator emulator = start(OpenRouterEmulator.builder().rateLimitPerMinute(100));
    Map<String, String> params = QueryString.decode(query);
    Map<String, String> slice = new LinkedHashMap<>(params);
    slice.keySet().removeAll(List.of("start_date", "end_date", "period"));

    Response response = rankings(emulator, query);

    assertEquals(200, response.status(), response.body());
    List<RankingRow> truth =
        emulator
            .market()
            .rankings(
                LocalDate.parse((String) response.meta().get("start_date")),
                LocalDate.parse((String) response.meta().get("end_date")),
                params.get("period"),
                slice);
    assertFalse(truth.isEmpty());
    assertEquals(truth, response.rows());
  }

  @Test
  void unknownPathsGive404AndOtherMethods405() {
    OpenRouterEmulator emulator = start();
    String root = emulator.baseUrl().replace("/api/v1", "");

    Response unknown = TestHttp.get(emulator.baseUrl() + "/datasets/nope", KEY);
    assertEquals(404, unknown.status());
    assertEquals(404L, unknown.error().get("code"));
    assertEquals("application/json", unknown.contentType());
    assertEquals(404, TestHttp.get(root + "/datasets/rankings-daily", KEY).status());
    Response post =
        TestHttp.send(emulator.baseUrl() + "/datasets/rankings-daily", "POST", KEY, Map.of());
    assertEquals(405, post.status());
    assertEquals(405L, post.error().get("code"));
    assertEquals(List.of("GET"), post.headers().get("allow"));
    Response head =
        TestHttp.send(emulator.baseUrl() + "/datasets/rankings-daily", "HEAD", KEY, Map.of());
    assertEquals(405, head.status());
    assertEquals("", head.body());
  }

  @Test
  void everyRequestIsLoggedWithoutItsAuthorizationHeader() {
    OpenRouterEmulator emulator = start();

    TestHttp.send(
        emulator.baseUrl()
            + "/datasets/rankings-daily?end_date=2026-05-01&category=marketing%2Fseo&start_date=2026-04-20",
        "GET",
        KEY,
        Map.of("X-OpenRouter-Title", "My Notebook"));
    clock.advance(Duration.ofSeconds(5));
    rankings(emulator, "", "wrong-key");
    TestHttp.get(emulator.baseUrl() + "/datasets/session-cost", KEY);

    List<LoggedRequest> log = emulator.requestLog().all();
    assertEquals(3, emulator.requestLog().size());
    LoggedRequest first = log.get(0);
    assertEquals(NOW, first.at());
    assertEquals("GET", first.method());
    assertEquals("/api/v1/datasets/rankings-daily", first.path());
    assertEquals(
        List.of("end_date", "category", "start_date"), List.copyOf(first.query().keySet()));
    assertEquals("marketing/seo", first.query().get("category"));
    assertEquals("My Notebook", first.headers().get("x-openrouter-title"));
    assertTrue(first.headers().containsKey("host"));
    assertEquals(OpenRouterEmulator.DEFAULT_ACCOUNT, first.account());
    assertEquals(200, first.status());
    assertEquals(NOW.plusSeconds(5), log.get(1).at());
    assertNull(log.get(1).account());
    assertEquals(401, log.get(1).status());
    assertEquals(404, log.get(2).status());
    assertTrue(
        log.stream()
            .allMatch(
                r -> r.headers().keySet().stream().noneMatch(h -> h.equals("authorization"))));
    assertTrue(
        log.stream()
            .allMatch(r -> r.headers().keySet().stream().allMatch(h -> h.equals(h.toLowerCase()))));
    assertFalse(log.toString().contains(KEY));
    assertEquals(2, emulator.requestLog().forPath("/datasets/rankings-daily").size());

    emulator.requestLog().clear();
    assertEquals(0, emulator.requestLog().size());
  }

  @Test
  void metaFirstOnlyChangesTheMemberOrder() {
    OpenRouterEmulator dataFirst = start();
    OpenRouterEmulator metaFirst = start(OpenRouterEmulator.builder().metaFirst(true));

    Map<String, Object> a = rankings(dataFirst, "end_date=2025-02-01").json();
    Map<String, Object> b = rankings(metaFirst, "end_date=2025-02-01").json();

    assertEquals(List.of("data", "meta"), List.copyOf(a.keySet()));
    assertEquals(List.of("meta", "data"), List.copyOf(b.keySet()));
    assertEquals(a, b);
  }

  @Test
  void servesConcurrentRequestsAndLogsEachOnce() throws Exception {
    OpenRouterEmulator emulator = start(OpenRouterEmulator.builder().rateLimitPerMinute(100));
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(8);
    try {
      List<java.util.concurrent.Future<Response>> responses = new ArrayList<>();
      for (int i = 0; i < 24; i++) {
        String query =
            "start_date=2026-0" + (1 + i % 4) + "-01&end_date=2026-0" + (1 + i % 4) + "-28";
        responses.add(pool.submit(() -> rankings(emulator, query)));
      }
      for (java.util.concurrent.Future<Response> response : responses) {
        assertEquals(28 * 51, response.get().rows().size());
      }
    } finally {
      pool.shutdownNow();
    }
    assertEquals(24, emulator.requestLog().size());
  }

  @Test
  void closeIsIdempotentAndStopsServing() {
    OpenRouterEmulator emulator = start();
    String url = emulator.baseUrl() + "/datasets/rankings-daily";

    emulator.close();
    emulator.close();

    assertThrows(java.io.UncheckedIOException.class, () -> TestHttp.get(url, KEY));
  }

  @Test
  void builderRejectsNonsense() {
    OpenRouterEmulator.Builder builder = OpenRouterEmulator.builder();

    assertThrows(IllegalArgumentException.class, () -> builder.rateLimitPerMinute(0));
    assertThrows(IllegalArgumentException.class, () -> builder.dailyLimitPerAccount(-1));
    assertThrows(IllegalArgumentException.class, () -> builder.apiKey(" ", "a"));
    assertThrows(IllegalArgumentException.class, () -> builder.port(70_000));
  }

  private static Map<LocalDate, List<RankingRow>> byDate(List<RankingRow> rows) {
    Map<LocalDate, List<RankingRow>> byDate = new TreeMap<>();
    rows.forEach(r -> byDate.computeIfAbsent(r.date(), d -> new ArrayList<>()).add(r));
    return byDate;
  }
}
