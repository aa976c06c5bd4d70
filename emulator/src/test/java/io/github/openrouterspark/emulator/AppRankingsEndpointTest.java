package io.github.openrouterspark.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.openrouterspark.emulator.TestHttp.Response;
import java.math.BigInteger;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code GET /datasets/app-rankings} over HTTP, against {@link SyntheticMarket#appRankings}. */
class AppRankingsEndpointTest {
  private static final Instant NOW = Instant.parse("2026-05-12T02:00:00Z");
  private static final String KEY = OpenRouterEmulator.DEFAULT_API_KEY;
  private static final LocalDate DEFAULT_START = LocalDate.of(2026, 4, 11);
  private static final LocalDate DEFAULT_END = LocalDate.of(2026, 5, 11);

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

  /** Generous quotas: most tests here page through many requests. */
  private OpenRouterEmulator start() {
    return start(
        OpenRouterEmulator.builder().rateLimitPerMinute(10_000).dailyLimitPerAccount(100_000));
  }

  private static Response apps(OpenRouterEmulator emulator, String query) {
    return apps(emulator, query, KEY);
  }

  private static Response apps(OpenRouterEmulator emulator, String query, String key) {
    String url =
        emulator.baseUrl() + "/datasets/app-rankings" + (query.isEmpty() ? "" : "?" + query);
    return TestHttp.get(url, key);
  }

  @SuppressWarnings("unchecked")
  private static List<AppRankingRow> rows(Response response) {
    assertEquals(200, response.status(), response.body());
    List<Map<String, Object>> data = (List<Map<String, Object>>) response.json().get("data");
    List<AppRankingRow> rows = new ArrayList<>();
    for (Map<String, Object> item : data) {
      assertEquals(
          List.of("rank", "app_id", "app_name", "total_tokens", "total_requests"),
          List.copyOf(item.keySet()));
      String tokens = (String) item.get("total_tokens");
      assertTrue(tokens.matches("[1-9][0-9]*"), tokens);
      rows.add(
          new AppRankingRow(
              Math.toIntExact((Long) item.get("rank")),
              (Long) item.get("app_id"),
              (String) item.get("app_name"),
              new BigInteger(tokens),
              (Long) item.get("total_requests")));
    }
    return rows;
  }

  private static List<AppRankingRow> page(List<AppRankingRow> all, int offset, int limit) {
    return all.subList(Math.min(offset, all.size()), Math.min(offset + limit, all.size()));
  }

  private static String q(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  @Test
  void defaultsAreTheFirstFiftyPopularAppsOfTheLast31Days() {
    OpenRouterEmulator emulator = start();

    Response response = apps(emulator, "");

    assertEquals(200, response.status());
    assertEquals("application/json", response.contentType());
    assertEquals(List.of("data", "meta"), List.copyOf(response.json().keySet()));
    assertEquals(
        Map.of(
            "as_of",
            "2026-05-12T02:00:00.000Z",
            "version",
            "v1",
            "start_date",
            DEFAULT_START.toString(),
            "end_date",
            DEFAULT_END.toString()),
        response.meta());
    List<AppRankingRow> all =
        emulator.market().appRankings(DEFAULT_START, DEFAULT_END, "popular", null, null);
    assertEquals(page(all, 0, 50), rows(response));
    assertEquals(all, emulator.market().appRankings(null, null, null, null, null));
    assertEquals(response.body(), apps(emulator, "sort=popular&limit=50&offset=0").body());
  }

  @Test
  void ranksStayAbsoluteUnderOffsetAndPagesTileTheRankedList() {
    OpenRouterEmulator emulator = start();
    List<AppRankingRow> all = emulator.market().appRankings(null, null, "popular", null, null);
    assertTrue(all.size() > 200, "enough apps to reach the deepest page: " + all.size());

    List<AppRankingRow> fromFifty = rows(apps(emulator, "offset=50"));
    assertEquals(51, fromFifty.get(0).rank());
    assertEquals(page(all, 50, 50), fromFifty);

    // offset=100&limit=100 is the deepest reachable page: ranks 101-200.
    List<AppRankingRow> deepest = rows(apps(emulator, "offset=100&limit=100"));
    assertEquals(100, deepest.size());
    assertEquals(101, deepest.get(0).rank());
    assertEquals(200, deepest.get(99).rank());

    // Paging as the SDK does (next offset = offset + rows) reproduces the ranked list up to rank
    // 200.
    List<AppRankingRow> paged = new ArrayList<>();
    for (int offset = 0; offset <= 100; offset += 20) {
      paged.addAll(rows(apps(emulator, "limit=20&offset=" + offset)));
    }
    assertEquals(page(all, 0, 120), paged);
    assertEquals(page(all, 7, 1), rows(apps(emulator, "limit=1&offset=7")));
  }

  @Test
  void trendingPagesRunShortAndCarryWindowVolumes() {
    OpenRouterEmulator emulator = start();
    List<AppRankingRow> trending =
        emulator.market().appRankings(null, null, "trending", null, null);
    List<AppRankingRow> popular = emulator.market().appRankings(null, null, "popular", null, null);
    assertTrue(trending.size() > 100 && trending.size() < 200, "trending: " + trending.size());

    List<AppRankingRow> last = rows(apps(emulator, "sort=trending&offset=100&limit=100"));

    assertEquals(trending.size() - 100, last.size());
    assertEquals(page(trending, 100, 100), last);
    assertEquals(101, last.get(0).rank());
    List<AppRankingRow> first = rows(apps(emulator, "sort=trending&limit=100"));
    assertEquals(page(trending, 0, 100), first);
    for (AppRankingRow row : first) {
      AppRankingRow same =
          popular.stream().filter(p -> p.appId() == row.appId()).findFirst().orElseThrow();
      assertEquals(same.totalTokens(), row.totalTokens());
    }
    assertFalse(
        first.stream()
            .map(AppRankingRow::appId)
            .toList()
            .equals(rows(apps(emulator, "limit=100")).stream().map(AppRankingRow::appId).toList()));
  }

  @Test
  void smallCategoriesGiveShortPagesAndOffsetsPastTheEndGiveEmptyPages() {
    OpenRouterEmulator emulator = start();
    List<AppRankingRow> legal = emulator.market().appRankings(null, null, null, null, "legal");
    assertTrue(legal.size() >= 1 && legal.size() < 10, "legal: " + legal.size());

    assertEquals(legal, rows(apps(emulator, "subcategory=legal")));
    assertEquals(page(legal, 1, 50), rows(apps(emulator, "subcategory=legal&offset=1")));
    Response beyond = apps(emulator, "subcategory=legal&offset=100&limit=100");
    assertEquals(List.of(), rows(beyond));
    assertEquals(DEFAULT_START.toString(), beyond.meta().get("start_date"));
  }

  @Test
  void categoryAndSubcategoryFilterByTagsAndRanksAreRenumbered() {
    OpenRouterEmulator emulator = start();
    AppCatalog catalog = emulator.market().appCatalog();

    for (String category : SyntheticMarket.subcategoryGroups().keySet()) {
      List<AppRankingRow> rows = rows(apps(emulator, "category=" + category + "&limit=100"));
      assertEquals(
          page(emulator.market().appRankings(null, null, null, category, null), 0, 100), rows);
      assertEquals(1, rows.get(0).rank());
      for (AppRankingRow row : rows) {
        assertTrue(
            catalog.apps().get(catalog.indexOf(row.appId())).inCategory(category),
            category + " " + row);
      }
    }
    List<AppRankingRow> cli = rows(apps(emulator, "subcategory=cli-agent&sort=trending"));
    assertEquals(
        page(emulator.market().appRankings(null, null, "trending", null, "cli-agent"), 0, 50), cli);
    assertTrue(
        cli.stream()
            .allMatch(
                r ->
                    catalog
                        .apps()
                        .get(catalog.indexOf(r.appId()))
                        .subcategories()
                        .contains("cli-agent")));
    // Subcategory decides; a consistent category changes nothing.
    assertEquals(
        apps(emulator, "subcategory=cli-agent&sort=trending").body(),
        apps(emulator, "category=coding&subcategory=cli-agent&sort=trending").body());
  }

  @Test
  void explicitWindowsAreEchoedAndClamped() {
    OpenRouterEmulator emulator = start();

    Response response = apps(emulator, "start_date=2024-06-01&end_date=2025-02-01&sort=trending");

    assertEquals("2025-01-01", response.meta().get("start_date"));
    assertEquals("2025-02-01", response.meta().get("end_date"));
    assertEquals(
        page(
            emulator
                .market()
                .appRankings(
                    LocalDate.of(2025, 1, 1), LocalDate.of(2025, 2, 1), "trending", null, null),
            0,
            50),
        rows(response));
    Response year =
        apps(emulator, "start_date=2025-05-11&end_date=2026-05-11&sort=trending&limit=100");
    assertEquals(
        page(
            emulator
                .market()
                .appRankings(
                    LocalDate.of(2025, 5, 11), LocalDate.of(2026, 5, 11), "trending", null, null),
            0,
            100),
        rows(year));
  }

  @Test
  void namesSurviveJsonEscapingAndIdsAboveTwoToThe53SurviveExactly() {
    OpenRouterEmulator emulator = start();
    SyntheticMarket market = emulator.market();
    Set<String> seen = new HashSet<>();
    Set<Long> ids = new HashSet<>();
    StringBuilder bodies = new StringBuilder();
    List<String> filters = new ArrayList<>(List.of(""));
    SyntheticMarket.subcategoryGroups().keySet().forEach(c -> filters.add("&category=" + c));
    for (String sort : List.of("popular", "trending")) {
      for (String filter : filters) {
        for (int offset : List.of(0, 100)) {
          Response response =
              apps(emulator, "limit=100&offset=" + offset + "&sort=" + sort + filter);
          String category = filter.isEmpty() ? null : filter.substring("&category=".length());
          List<AppRankingRow> rows = rows(response);
          assertEquals(
              page(market.appRankings(null, null, sort, category, null), offset, 100), rows);
          rows.forEach(
              r -> {
                seen.add(r.appName());
                ids.add(r.appId());
              });
          bodies.append(response.body());
        }
      }
    }
    Set<String> expected = new HashSet<>();
    for (AppNames.SpecialName special : AppNames.SPECIAL_NAMES) {
      for (AppSpec app : market.appCatalog().apps()) {
        if (app.visible()
            && app.name().equals(special.name())
            && market.appRankings(null, null, null, null, null).stream()
                .anyMatch(r -> r.appId() == app.appId())) {
          expected.add(app.name());
        }
      }
    }
    assertTrue(expected.size() >= 15, "special names with traffic: " + expected);
    assertEquals(
        Set.of(), expected.stream().filter(n -> !seen.contains(n)).collect(Collectors.toSet()));
    // JSON escapes quotes and backslashes, and writes everything else as raw UTF-8.
    String body = bodies.toString();
    if (expected.contains("\"Quoted\" Writer")) {
      assertTrue(body.contains("\"app_name\":\"\\\"Quoted\\\" Writer\""));
    }
    if (expected.contains("Back\\slash Studio")) {
      assertTrue(body.contains("\"app_name\":\"Back\\\\slash Studio\""));
    }
    assertTrue(body.contains("Café Nöir") || !expected.contains("Café Nöir"));
    // Jackson 2.18+ (Spark 4) writes emoji as raw UTF-8, like the real API; older Jackson (Spark
    // 3.5
    // has 2.15) escapes their surrogate pairs, equally valid JSON. Nothing else is ever escaped.
    String unescaped =
        rawSurrogatesSupported()
            ? body
            : body.replaceAll("(?i)\\\\uD[89AB][0-9A-F]{2}\\\\uD[C-F][0-9A-F]{2}", "");
    assertFalse(unescaped.contains("\\u"), "no \\u escapes needed for these names");
    if (ids.contains(AppCatalog.DOUBLE_UNSAFE_ID)) {
      assertTrue(body.contains("\"app_id\":9007199254740993,"));
    }
    assertTrue(ids.stream().anyMatch(id -> id > Integer.MAX_VALUE));
  }

  /** Whether this jackson-core can write characters outside the BMP unescaped (see Gateway). */
  private static boolean rawSurrogatesSupported() {
    return java.util.Arrays.stream(com.fasterxml.jackson.core.json.JsonWriteFeature.values())
        .anyMatch(f -> f.name().equals("COMBINE_UNICODE_SURROGATES_IN_UTF8"));
  }

  @Test
  void hiddenAppsAndAliasesAreNeverReturned() {
    OpenRouterEmulator emulator = start();
    Set<Long> unlisted =
        emulator.market().appCatalog().apps().stream()
            .filter(a -> !a.visible())
            .map(AppSpec::appId)
            .collect(Collectors.toSet());
    Set<String> unlistedNames =
        emulator.market().appCatalog().apps().stream()
            .filter(a -> !a.visible())
            .map(AppSpec::name)
            .collect(Collectors.toSet());
    Set<Long> returned = new HashSet<>();
    for (String query :
        List.of(
            "limit=100",
            "limit=100&offset=100",
            "sort=trending&limit=100",
            "start_date=2025-01-01&end_date=2025-12-31&limit=100",
            "start_date=2025-01-01&end_date=2025-03-01&limit=100&offset=100")) {
      for (AppRankingRow row : rows(apps(emulator, query))) {
        returned.add(row.appId());
        assertFalse(unlistedNames.contains(row.appName()), row.toString());
      }
    }
    assertTrue(returned.size() > 150);
    assertEquals(
        Set.of(), returned.stream().filter(unlisted::contains).collect(Collectors.toSet()));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "category=coding&subcategory=legal | subcategory: 'legal' is not in category 'coding' (coding: cli-agent, "
            + "ide-extension, cloud-agent, programming-app, native-app-builder; 'legal' is in 'productivity')",
        "limit=0 | limit: must be an integer from 1 to 100, got '0'",
        "limit=101 | limit: must be an integer from 1 to 100, got '101'",
        "offset=101 | offset: must be an integer from 0 to 100, got '101'",
        "offset= | offset: must be an integer from 0 to 100, got ''",
        "sort=new | sort: must be one of popular, trending, got 'new'",
        "category=code | category: must be one of coding, creative, productivity, entertainment, got 'code'",
        "start_date=2025-03-01&end_date=2026-03-02 | end_date: span between start_date and end_date must not exceed 366 days",
      })
  void invalidParametersGive400NamingTheParameter(String query, String message) {
    OpenRouterEmulator emulator = start();

    Response response = apps(emulator, query);

    assertEquals(400, response.status());
    Map<String, Object> error = new LinkedHashMap<>();
    error.put("code", 400L);
    error.put("message", message);
    error.put("metadata", null);
    assertEquals(Map.of("error", error), response.json());
  }

  @Test
  void unknownParametersAreIgnoredAndMissingKeysGive401() {
    OpenRouterEmulator emulator = start();

    assertEquals(apps(emulator, "").body(), apps(emulator, "period=week&foo=bar").body());
    Response missing = apps(emulator, "", null);
    assertEquals(401, missing.status());
    assertEquals("Missing Authentication header", missing.error().get("message"));
    assertEquals(401, apps(emulator, "", "sk-or-v1-nope").status());
    Response post =
        TestHttp.send(emulator.baseUrl() + "/datasets/app-rankings", "POST", KEY, Map.of());
    assertEquals(405, post.status());
    assertEquals(List.of("GET"), post.headers().get("allow"));
  }

  @Test
  void theMinuteQuotaIsSharedWithRankingsDaily() {
    OpenRouterEmulator emulator = start(OpenRouterEmulator.builder().rateLimitPerMinute(3));
    String rankingsDaily = emulator.baseUrl() + "/datasets/rankings-daily?start_date=2026-05-10";

    assertEquals(200, TestHttp.get(rankingsDaily, KEY).status());
    assertEquals(200, apps(emulator, "").status());
    assertEquals(
        400, apps(emulator, "limit=0").status()); // validated after the quota, so it counts
    Response limited = apps(emulator, "");
    assertEquals(429, limited.status());
    assertEquals(
        "{\"error\":{\"code\":429,\"message\":\"Rate limit exceeded\",\"metadata\":{\"error_type\":\"rate_limit_exceeded\"}}}",
        limited.body());
    assertEquals(429, TestHttp.get(rankingsDaily, KEY).status());
    clock.advance(Duration.ofSeconds(60));
    assertEquals(200, apps(emulator, "").status());
    assertEquals(
        List.of(200, 200, 400, 429, 429, 200),
        emulator.requestLog().all().stream().map(LoggedRequest::status).toList());
    assertEquals(4, emulator.requestLog().forPath("/datasets/app-rankings").size());
  }

  @Test
  void theDailyQuotaIsSharedWithRankingsDaily() {
    OpenRouterEmulator emulator = start(OpenRouterEmulator.builder().dailyLimitPerAccount(2));
    String rankingsDaily = emulator.baseUrl() + "/datasets/rankings-daily?start_date=2026-05-10";

    assertEquals(200, apps(emulator, "").status());
    assertEquals(200, TestHttp.get(rankingsDaily, KEY).status());
    assertEquals(429, apps(emulator, "").status());
    assertEquals(429, TestHttp.get(rankingsDaily, KEY).status());
    clock.set(Instant.parse("2026-05-13T00:00:00Z"));
    assertEquals(200, apps(emulator, "").status());
  }

  @Test
  void metaFirstOnlyChangesTheMemberOrder() {
    OpenRouterEmulator dataFirst = start();
    OpenRouterEmulator metaFirst = start(OpenRouterEmulator.builder().metaFirst(true));

    Map<String, Object> a = apps(dataFirst, "sort=trending&category=creative").json();
    Map<String, Object> b = apps(metaFirst, "sort=trending&category=creative").json();

    assertEquals(List.of("data", "meta"), List.copyOf(a.keySet()));
    assertEquals(List.of("meta", "data"), List.copyOf(b.keySet()));
    assertEquals(a, b);
  }

  @Test
  void todayIsLiveWhenTheWindowIncludesIt() {
    OpenRouterEmulator emulator = start();
    LocalDate today = LocalDate.of(2026, 5, 12);

    List<AppRankingRow> morning =
        rows(apps(emulator, "start_date=" + today + "&end_date=" + today));
    clock.advance(Duration.ofHours(6));
    List<AppRankingRow> later = rows(apps(emulator, "start_date=" + today + "&end_date=" + today));

    assertEquals(
        emulator.market().appRankings(today, today, null, null, null).subList(0, 50), later);
    assertTrue(later.get(0).totalTokens().compareTo(morning.get(0).totalTokens()) > 0);
    assertEquals(
        emulator.market().appTokens(later.get(0).appId(), today), later.get(0).totalTokens());
  }

  @Test
  void encodedParametersAreDecoded() {
    OpenRouterEmulator emulator = start();

    assertEquals(
        apps(emulator, "subcategory=cli-agent&limit=5").body(),
        apps(emulator, q("subcategory") + "=" + q("cli-agent") + "&limit=%35").body());
  }
}
