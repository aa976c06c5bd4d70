package io.github.openrouterspark.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.github.openrouterspark.contract.OpenApiValidator.Operation;
import io.github.openrouterspark.contract.OpenApiValidator.Violation;
import io.github.openrouterspark.emulator.Fault;
import io.github.openrouterspark.emulator.OpenRouterEmulator;
import io.github.openrouterspark.emulator.RetryAfterFlavour;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The emulator against the official OpenAPI document (shared/openrouter-api/
 * openrouter-openapi-excerpt.yaml, OpenAPI 3.1.0): every request of the table is sent by a plain
 * HTTP client; the request the emulator received must (or, for the deliberately invalid ones, must
 * not) satisfy the operation's parameters and security, and every response, including each error,
 * must be a documented status whose body satisfies the documented schema.
 *
 * <p>To cover another endpoint, add its rows to {@link #cases()}; {@link
 * #everyOperationTheEmulatorServesHasContractCases()} fails as soon as the emulator serves an
 * operation of the document that has no row.
 */
class EmulatorOpenApiContractTest {
  /** "Today" is 2026-05-12 (02:00 UTC), so the default window ends on 2026-05-11. */
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-05-12T02:00:00Z"), ZoneOffset.UTC);

  private static final String RANKINGS_DAILY = "/datasets/rankings-daily";
  private static final String APP_RANKINGS = "/datasets/app-rankings";
  private static final JsonMapper JSON = new JsonMapper();

  private static OpenApiValidator validator;

  @BeforeAll
  static void loadSpec() {
    validator = OpenApiValidator.forSharedSpec();
  }

  /** How a case authenticates. */
  enum Key {
    VALID("Bearer " + OpenRouterEmulator.DEFAULT_API_KEY),
    NONE(null),
    UNKNOWN("Bearer sk-or-v1-not-a-key-of-this-emulator");

    final String header;

    Key(String header) {
      this.header = header;
    }
  }

  /**
   * One row of the contract table.
   *
   * @param path under the server URL, e.g. {@code /datasets/rankings-daily}
   * @param status the status the emulator must answer
   * @param requestViolationAt {@code null} when the request must satisfy the document; otherwise
   *     the place (e.g. {@code request.query.period}) where the validator must find it breaks it
   * @param check further assertions on the parsed response body, from the spec's descriptions
   */
  record Case(
      String name,
      String method,
      String path,
      Map<String, String> query,
      Key key,
      int status,
      String requestViolationAt,
      Consumer<JsonNode> check) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static Map<String, String> query(String... pairs) {
    Map<String, String> query = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      query.put(pairs[i], pairs[i + 1]);
    }
    return query;
  }

  private static Case rankings(String name, Map<String, String> query, int status, String violationAt) {
    return new Case(name, "GET", RANKINGS_DAILY, query, Key.VALID, status, violationAt, body -> {});
  }

  /** A 200 case; its body must also keep the row rules the spec describes for rankings-daily. */
  private static Case rankings(String name, Map<String, String> query, Consumer<JsonNode> check) {
    return new Case(name, "GET", RANKINGS_DAILY, query, Key.VALID, 200, null, check.andThen(rankingsDailyRules(query)));
  }

  /**
   * The spec's descriptions of getRankingsDaily's 200, beyond the schema: rows sorted by date,
   * then total_tokens descending with ties by model_permaslug, the reserved {@code other} row last
   * within its date; at most 50 models plus {@code other} per date; total_tokens a decimal string;
   * dates are the period's bucket starts (ISO week Monday, 1st of month); as_of is ISO-8601.
   * {@code category}/{@code language_type} default to {@code week}, everything else to {@code day}.
   */
  private static Consumer<JsonNode> rankingsDailyRules(Map<String, String> query) {
    boolean sampled = query.containsKey("category") || query.containsKey("language_type");
    String period = query.getOrDefault("period", sampled ? "week" : "day");
    return body -> {
      Instant.parse(body.at("/meta/as_of").asText());
      LocalDate start = LocalDate.parse(body.at("/meta/start_date").asText());
      LocalDate end = LocalDate.parse(body.at("/meta/end_date").asText());
      assertFalse(start.isAfter(end), "meta.start_date <= meta.end_date");
      LocalDate previousDate = null;
      JsonNode previous = null;
      int models = 0;
      boolean otherSeen = false;
      for (JsonNode row : body.path("data")) {
        LocalDate date = LocalDate.parse(row.path("date").asText());
        String slug = row.path("model_permaslug").asText();
        String tokens = row.path("total_tokens").asText();
        assertTrue(tokens.matches("0|[1-9][0-9]*"), () -> "total_tokens should be a decimal string: " + row);
        switch (period) {
          case "day" -> assertFalse(date.isBefore(start) || date.isAfter(end), () -> "row outside the window: " + row);
          case "week" -> assertEquals(DayOfWeek.MONDAY, date.getDayOfWeek(), () -> "week rows start on Monday: " + row);
          case "month" -> assertEquals(1, date.getDayOfMonth(), () -> "month rows start on the 1st: " + row);
          default -> throw new IllegalArgumentException(period);
        }
        if (previousDate == null || !date.equals(previousDate)) {
          assertTrue(previousDate == null || date.isAfter(previousDate), () -> "dates ascending at " + row);
          previousDate = date;
          previous = null;
          models = 0;
          otherSeen = false;
        } else {
          assertFalse(otherSeen, () -> "'other' must be last within its date, but is followed by " + row);
        }
        if (slug.equals("other")) {
          otherSeen = true;
          continue;
        }
        models++;
        assertTrue(models <= 50, () -> "more than 50 models on " + row.path("date").asText());
        if (previous != null) {
          int order = new BigInteger(previous.path("total_tokens").asText()).compareTo(new BigInteger(tokens));
          JsonNode before = previous;
          assertTrue(
              order > 0 || (order == 0 && before.path("model_permaslug").asText().compareTo(slug) < 0),
              () -> "rows should be sorted by total_tokens desc, then model_permaslug: " + before + " then " + row);
        }
        previous = row;
      }
    };
  }

  private static Case apps(String name, Map<String, String> query, int status, String violationAt) {
    return new Case(name, "GET", APP_RANKINGS, query, Key.VALID, status, violationAt, body -> {});
  }

  /** A 200 case; its body must also keep the row rules the spec describes for app-rankings. */
  private static Case apps(String name, Map<String, String> query, Consumer<JsonNode> check) {
    return new Case(name, "GET", APP_RANKINGS, query, Key.VALID, 200, null, check.andThen(appRankingsRules(query)));
  }

  /**
   * The spec's descriptions of getAppRankings' 200, beyond the schema: at most {@code limit}
   * rows (default 50); ranks 1-based, consecutive and absolute, so the first row is {@code
   * offset + 1}; total_tokens a decimal string; {@code popular} (the default) sorted by
   * total_tokens descending (ties: app_id ascending, the emulator's documented choice); as_of
   * ISO-8601.
   */
  private static Consumer<JsonNode> appRankingsRules(Map<String, String> query) {
    int limit = Integer.parseInt(query.getOrDefault("limit", "50"));
    int offset = Integer.parseInt(query.getOrDefault("offset", "0"));
    boolean popular = query.getOrDefault("sort", "popular").equals("popular");
    return body -> {
      Instant.parse(body.at("/meta/as_of").asText());
      assertFalse(
          LocalDate.parse(body.at("/meta/start_date").asText()).isAfter(LocalDate.parse(body.at("/meta/end_date").asText())),
          "meta.start_date <= meta.end_date");
      JsonNode data = body.path("data");
      assertTrue(data.size() <= limit, () -> data.size() + " rows for limit " + limit);
      Set<Long> ids = new TreeSet<>();
      JsonNode previous = null;
      for (int i = 0; i < data.size(); i++) {
        JsonNode row = data.get(i);
        assertEquals(offset + i + 1, row.path("rank").asInt(), () -> "ranks are absolute and consecutive: " + row);
        assertTrue(row.path("app_id").canConvertToLong(), () -> "app_id fits a long: " + row);
        assertTrue(ids.add(row.path("app_id").asLong()), () -> "app_id repeated: " + row);
        String tokens = row.path("total_tokens").asText();
        assertTrue(tokens.matches("0|[1-9][0-9]*"), () -> "total_tokens should be a decimal string: " + row);
        assertTrue(row.path("total_requests").canConvertToLong() && row.path("total_requests").asLong() >= 0, row::toString);
        if (popular && previous != null) {
          int order = new BigInteger(previous.path("total_tokens").asText()).compareTo(new BigInteger(tokens));
          JsonNode before = previous;
          assertTrue(
              order > 0 || (order == 0 && before.path("app_id").asLong() < row.path("app_id").asLong()),
              () -> "popular rows should be sorted by total_tokens desc, then app_id: " + before + " then " + row);
        }
        previous = row;
      }
    };
  }

  private static Consumer<JsonNode> rows(int count, int firstRank) {
    return body -> {
      assertEquals(count, body.path("data").size(), "rows");
      if (count > 0) {
        assertEquals(firstRank, body.at("/data/0/rank").asInt(), "first rank");
      }
    };
  }

  private static Consumer<JsonNode> window(String start, String end) {
    return body -> {
      assertEquals(start, body.at("/meta/start_date").asText(), "meta.start_date");
      assertEquals(end, body.at("/meta/end_date").asText(), "meta.end_date");
    };
  }

  /** The contract table: request → expected status, and whether the request itself conforms. */
  static List<Case> cases() {
    List<Case> cases = new ArrayList<>();
    // --- GET /datasets/rankings-daily (getRankingsDaily) ---
    // 200s. Defaults per the spec: end = the most recent completed UTC day, start = 30 days before.
    cases.add(rankings("rankings-daily: default request, no parameters", query(), window("2026-04-11", "2026-05-11")));
    cases.add(
        rankings(
            "rankings-daily: explicit start_date and end_date are echoed",
            query("start_date", "2026-03-01", "end_date", "2026-03-31"),
            window("2026-03-01", "2026-03-31")));
    cases.add(
        rankings(
            "rankings-daily: start_date before 2025-01-01 is clamped forward",
            query("start_date", "2024-06-01", "end_date", "2025-01-10"),
            window("2025-01-01", "2025-01-10")));
    cases.add(rankings("rankings-daily: period=week", query("period", "week"), body -> {}));
    cases.add(rankings("rankings-daily: period=month", query("period", "month", "start_date", "2026-01-01"), body -> {}));
    cases.add(
        rankings("rankings-daily: modality and context_bucket", query("modality", "tool_calling", "context_bucket", "100K"), body -> {}));
    cases.add(rankings("rankings-daily: category (weekly sampled dataset)", query("category", "marketing/seo"), body -> {}));
    cases.add(rankings("rankings-daily: language_type with period=month", query("language_type", "natural", "period", "month"), body -> {}));
    // 400s for requests the document allows but the API's rules reject.
    cases.add(rankings("400: end_date before 2025-01-01", query("end_date", "2024-12-31"), 400, null));
    cases.add(rankings("400: start_date after end_date", query("start_date", "2026-05-02", "end_date", "2026-05-01"), 400, null));
    cases.add(rankings("400: window longer than 366 days", query("start_date", "2025-01-01", "end_date", "2026-01-02"), 400, null));
    cases.add(rankings("400: date that is not in the calendar", query("end_date", "2026-02-30"), 400, null));
    cases.add(rankings("400: category with language_type", query("category", "programming", "language_type", "natural"), 400, null));
    cases.add(rankings("400: category with modality", query("category", "programming", "modality", "text"), 400, null));
    cases.add(rankings("400: language_type with context_bucket", query("language_type", "natural", "context_bucket", "1M"), 400, null));
    cases.add(rankings("400: period=day with category", query("category", "legal", "period", "day"), 400, null));
    // 400s for requests that break the document's parameter schemas.
    cases.add(rankings("400: start_date not YYYY-MM-DD", query("start_date", "2026/04/01"), 400, "request.query.start_date"));
    cases.add(rankings("400: end_date not YYYY-MM-DD", query("end_date", "20260401"), 400, "request.query.end_date"));
    cases.add(rankings("400: unknown period", query("period", "year"), 400, "request.query.period"));
    cases.add(rankings("400: empty period", query("period", ""), 400, "request.query.period"));
    cases.add(rankings("400: unknown modality", query("modality", "video"), 400, "request.query.modality"));
    cases.add(rankings("400: unknown context_bucket", query("context_bucket", "5K"), 400, "request.query.context_bucket"));
    cases.add(rankings("400: unknown category", query("category", "cooking"), 400, "request.query.category"));
    cases.add(rankings("400: unknown language_type", query("language_type", "klingon"), 400, "request.query.language_type"));
    cases.add(rankings("400: enum values are case-sensitive", query("period", "Week"), 400, "request.query.period"));
    // 401s.
    cases.add(new Case("401: no Authorization header", "GET", RANKINGS_DAILY, query(), Key.NONE, 401, "request.security", body -> {}));
    cases.add(new Case("401: unknown API key", "GET", RANKINGS_DAILY, query(), Key.UNKNOWN, 401, null, body -> {}));
    // --- GET /datasets/app-rankings (getAppRankings) ---
    // 200s. Same date defaults as rankings-daily; limit 50, offset 0, sort popular.
    cases.add(apps("app-rankings: default request, no parameters", query(), window("2026-04-11", "2026-05-11").andThen(rows(50, 1))));
    cases.add(apps("app-rankings: sort=popular, limit=10", query("sort", "popular", "limit", "10"), rows(10, 1)));
    cases.add(apps("app-rankings: sort=trending", query("sort", "trending"), rows(50, 1)));
    cases.add(apps("app-rankings: limit=1", query("limit", "1"), rows(1, 1)));
    cases.add(apps("app-rankings: limit=100", query("limit", "100"), rows(100, 1)));
    cases.add(apps("app-rankings: offset=50, ranks stay absolute", query("offset", "50"), rows(50, 51)));
    cases.add(apps("app-rankings: deepest page offset=100, limit=100", query("offset", "100", "limit", "100"), rows(100, 101)));
    cases.add(
        apps("app-rankings: trending page past the growing apps is short",
            query("sort", "trending", "offset", "100", "limit", "100"),
            body -> assertTrue(body.path("data").size() < 100, "a short trending page")));
    cases.add(apps("app-rankings: category=coding", query("category", "coding"), rows(50, 1)));
    cases.add(apps("app-rankings: subcategory=cli-agent, sort=trending", query("subcategory", "cli-agent", "sort", "trending"), body -> {}));
    cases.add(apps("app-rankings: consistent category and subcategory", query("category", "productivity", "subcategory", "legal"), body -> {}));
    cases.add(apps("app-rankings: offset past a small subcategory gives no rows", query("subcategory", "legal", "offset", "100"), rows(0, 0)));
    cases.add(
        apps("app-rankings: explicit window with clamped start_date",
            query("start_date", "2024-06-01", "end_date", "2025-03-01", "sort", "trending", "category", "entertainment"),
            window("2025-01-01", "2025-03-01")));
    cases.add(
        apps("app-rankings: 366-day window",
            query("start_date", "2025-05-11", "end_date", "2026-05-11", "limit", "100", "offset", "0"),
            window("2025-05-11", "2026-05-11")));
    // 400s for requests the document allows but the API's rules reject.
    cases.add(apps("app-rankings 400: subcategory outside its category", query("category", "coding", "subcategory", "legal"), 400, null));
    cases.add(apps("app-rankings 400: end_date before 2025-01-01", query("end_date", "2024-12-31"), 400, null));
    cases.add(apps("app-rankings 400: start_date after end_date", query("start_date", "2026-05-02", "end_date", "2026-05-01"), 400, null));
    cases.add(apps("app-rankings 400: window longer than 366 days", query("start_date", "2025-01-01", "end_date", "2026-01-02"), 400, null));
    cases.add(apps("app-rankings 400: date that is not in the calendar", query("start_date", "2026-02-30"), 400, null));
    // 400s for requests that break the document's parameter schemas.
    cases.add(apps("app-rankings 400: limit=0", query("limit", "0"), 400, "request.query.limit"));
    cases.add(apps("app-rankings 400: limit=101", query("limit", "101"), 400, "request.query.limit"));
    cases.add(apps("app-rankings 400: limit not an integer", query("limit", "ten"), 400, "request.query.limit"));
    cases.add(apps("app-rankings 400: limit with a fraction", query("limit", "5.5"), 400, "request.query.limit"));
    cases.add(apps("app-rankings 400: limit with a leading zero", query("limit", "07"), 400, "request.query.limit"));
    cases.add(apps("app-rankings 400: empty limit", query("limit", ""), 400, "request.query.limit"));
    cases.add(apps("app-rankings 400: offset=-1", query("offset", "-1"), 400, "request.query.offset"));
    cases.add(apps("app-rankings 400: offset=101", query("offset", "101"), 400, "request.query.offset"));
    cases.add(apps("app-rankings 400: empty offset (null cannot be sent in a query)", query("offset", ""), 400, "request.query.offset"));
    cases.add(apps("app-rankings 400: unknown sort", query("sort", "hot"), 400, "request.query.sort"));
    cases.add(apps("app-rankings 400: unknown category", query("category", "cooking"), 400, "request.query.category"));
    cases.add(apps("app-rankings 400: rankings-daily category is not a marketplace category", query("category", "programming"), 400, "request.query.category"));
    cases.add(apps("app-rankings 400: unknown subcategory", query("subcategory", "chat"), 400, "request.query.subcategory"));
    cases.add(apps("app-rankings 400: enum values are case-sensitive", query("category", "Coding"), 400, "request.query.category"));
    cases.add(apps("app-rankings 400: start_date not YYYY-MM-DD", query("start_date", "2026/04/01"), 400, "request.query.start_date"));
    cases.add(apps("app-rankings 400: end_date not YYYY-MM-DD", query("end_date", "2026-4-1"), 400, "request.query.end_date"));
    // 401s.
    cases.add(new Case("app-rankings 401: no Authorization header", "GET", APP_RANKINGS, query(), Key.NONE, 401, "request.security", body -> {}));
    cases.add(new Case("app-rankings 401: unknown API key", "GET", APP_RANKINGS, query(), Key.UNKNOWN, 401, null, body -> {}));
    return cases;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void emulatorAnswersPerTheOpenApiDocument(Case c) {
    try (OpenRouterEmulator emulator = OpenRouterEmulator.builder().clock(CLOCK).start()) {
      EmulatorExchange exchange = EmulatorExchange.send(emulator, c.method(), c.path(), c.query(), c.key().header, null);

      assertEquals(c.status(), exchange.response().status(), () -> "status; body: " + exchange.response().body());
      List<Violation> requestViolations = validator.validateRequest(exchange.received());
      if (c.requestViolationAt() == null) {
        assertTrue(requestViolations.isEmpty(), () -> "the request as received breaks the document: " + summary(requestViolations));
      } else {
        assertTrue(
            requestViolations.stream().anyMatch(v -> v.where().equals(c.requestViolationAt())),
            () -> "the validator should report " + c.requestViolationAt() + ", got " + requestViolations);
      }
      assertResponseConforms(exchange);
      c.check().accept(json(exchange.response().body()));
    }
  }

  @Test
  void rateLimitedRequestGets429InTheDocumentedShape() {
    try (OpenRouterEmulator emulator = OpenRouterEmulator.builder().clock(CLOCK).rateLimitPerMinute(1).start()) {
      EmulatorExchange first = EmulatorExchange.send(emulator, "GET", RANKINGS_DAILY, query(), Key.VALID.header, null);
      EmulatorExchange second = EmulatorExchange.send(emulator, "GET", RANKINGS_DAILY, query(), Key.VALID.header, null);

      assertEquals(200, first.response().status());
      assertEquals(429, second.response().status(), second.response()::body);
      for (EmulatorExchange exchange : List.of(first, second)) {
        assertEquals(List.of(), validator.validateRequest(exchange.received()));
        assertResponseConforms(exchange);
      }
    }
  }

  @Test
  void rateLimitIsSharedAndAppRankings429IsInTheDocumentedShape() {
    try (OpenRouterEmulator emulator = OpenRouterEmulator.builder().clock(CLOCK).rateLimitPerMinute(1).start()) {
      EmulatorExchange first = EmulatorExchange.send(emulator, "GET", RANKINGS_DAILY, query(), Key.VALID.header, null);
      EmulatorExchange second = EmulatorExchange.send(emulator, "GET", APP_RANKINGS, query(), Key.VALID.header, null);

      assertEquals(200, first.response().status());
      assertEquals(429, second.response().status(), second.response()::body);
      assertEquals(List.of(), validator.validateRequest(second.received()));
      assertResponseConforms(second);
    }
  }

  /** The spec declares no 429 headers; whichever retry hint the emulator adds, the 429 conforms. */
  @ParameterizedTest
  @EnumSource(RetryAfterFlavour.class)
  void rateLimited429ConformsInEveryRetryAfterFlavour(RetryAfterFlavour flavour) {
    try (OpenRouterEmulator emulator =
        OpenRouterEmulator.builder().clock(CLOCK).rateLimitPerMinute(1).retryAfter(flavour).start()) {
      EmulatorExchange.send(emulator, "GET", RANKINGS_DAILY, query(), Key.VALID.header, null);
      EmulatorExchange limited = EmulatorExchange.send(emulator, "GET", APP_RANKINGS, query(), Key.VALID.header, null);

      assertEquals(429, limited.response().status(), limited.response()::body);
      assertTrue(limited.response().header("X-RateLimit-Reset").isPresent(), "X-RateLimit-Reset");
      assertResponseConforms(limited);
    }
  }

  /** Injected faults whose status the spec documents (429, 500) answer in the documented shape. */
  @ParameterizedTest
  @ValueSource(ints = {429, 500})
  void injectedDocumentedStatusesConform(int code) {
    try (OpenRouterEmulator emulator = OpenRouterEmulator.builder().clock(CLOCK).start()) {
      for (String path : List.of(RANKINGS_DAILY, APP_RANKINGS)) {
        emulator.faults().failNext(1, Fault.status(code, Duration.ofSeconds(2)));
        EmulatorExchange exchange = EmulatorExchange.send(emulator, "GET", path, query(), Key.VALID.header, null);

        assertEquals(code, exchange.response().status());
        assertResponseConforms(exchange);
      }
    }
  }

  /**
   * A wrapped upstream failure is a documented 400 with the documented body, but deliberately
   * breaks "HTTP status = error.code": that is what OpenRouter does and what a client must detect.
   */
  @Test
  void wrapped400FitsTheSchemaButNotTheStatusRule() {
    try (OpenRouterEmulator emulator = OpenRouterEmulator.builder().clock(CLOCK).start()) {
      emulator.faults().failNext(1, Fault.wrapped400(502));
      EmulatorExchange exchange = EmulatorExchange.send(emulator, "GET", RANKINGS_DAILY, query(), Key.VALID.header, null);

      assertEquals(400, exchange.response().status());
      assertEquals(List.of(), validator.validateResponse(exchange.received(), exchange.response()));
      assertEquals(502, json(exchange.response().body()).at("/error/code").asInt());
    }
  }

  /**
   * 408 and 502-504 are not documented for the datasets operations; faults send them anyway,
   * since clients meet them from proxies and upstreams. The validator must notice, so the table
   * above cannot pass on them by accident.
   */
  @ParameterizedTest
  @ValueSource(ints = {408, 502, 503, 504})
  void injectedUndocumentedStatusesAreOutsideTheDocument(int code) {
    try (OpenRouterEmulator emulator = OpenRouterEmulator.builder().clock(CLOCK).start()) {
      emulator.faults().failNext(1, Fault.status(code));
      EmulatorExchange exchange = EmulatorExchange.send(emulator, "GET", RANKINGS_DAILY, query(), Key.VALID.header, null);

      assertEquals(code, exchange.response().status());
      List<Violation> violations = validator.validateResponse(exchange.received(), exchange.response());
      assertTrue(violations.stream().anyMatch(v -> v.where().equals("response.status")), violations::toString);
    }
  }

  @Test
  void metaFirstAppRankingsResponseConforms() {
    try (OpenRouterEmulator emulator = OpenRouterEmulator.builder().clock(CLOCK).metaFirst(true).start()) {
      Map<String, String> query = query("sort", "trending", "limit", "20");
      EmulatorExchange exchange = EmulatorExchange.send(emulator, "GET", APP_RANKINGS, query, Key.VALID.header, null);

      assertEquals(200, exchange.response().status());
      assertTrue(exchange.response().body().stripLeading().startsWith("{\"meta\""), "meta should come first");
      assertResponseConforms(exchange);
      appRankingsRules(query).accept(json(exchange.response().body()));
    }
  }

  @Test
  void appRankingsRowRulesRejectMisnumberedOrMisorderedRows() {
    String meta = "],\"meta\":{\"as_of\":\"2026-05-12T02:00:00.000Z\",\"version\":\"v1\",\"start_date\":\"2026-05-10\",\"end_date\":\"2026-05-11\"}}";
    String a = "{\"rank\":51,\"app_id\":5,\"app_name\":\"A\",\"total_tokens\":\"9\",\"total_requests\":1}";
    String b = "{\"rank\":52,\"app_id\":3,\"app_name\":\"B\",\"total_tokens\":\"7\",\"total_requests\":1}";
    Consumer<JsonNode> rules = appRankingsRules(query("offset", "50"));
    rules.accept(json("{\"data\":[" + a + "," + b + meta));
    for (String data : List.of(
        b.replace("52", "51") + "," + a.replace("51", "52"), // tokens ascending
        a.replace("51", "1") + "," + b.replace("52", "2"), // ranks not absolute
        a + "," + b.replace("52", "53"), // rank gap
        a + "," + b.replace("\"7\"", "\"9\""), // tie with the higher app_id first
        a + "," + b.replace("\"app_id\":3", "\"app_id\":5"))) { // repeated app
      assertThrows(AssertionError.class, () -> rules.accept(json("{\"data\":[" + data + meta)), data);
    }
    assertThrows(
        AssertionError.class,
        () -> appRankingsRules(query("offset", "50", "limit", "1")).accept(json("{\"data\":[" + a + "," + b + meta)));
  }

  @Test
  void metaFirstResponseConformsToo() {
    try (OpenRouterEmulator emulator = OpenRouterEmulator.builder().clock(CLOCK).metaFirst(true).start()) {
      EmulatorExchange exchange =
          EmulatorExchange.send(emulator, "GET", RANKINGS_DAILY, query("start_date", "2026-05-01"), Key.VALID.header, null);

      assertEquals(200, exchange.response().status());
      assertTrue(exchange.response().body().stripLeading().startsWith("{\"meta\""), "meta should come first");
      assertEquals(List.of(), validator.validateRequest(exchange.received()));
      assertResponseConforms(exchange);
      rankingsDailyRules(exchange.received().query()).accept(json(exchange.response().body()));
    }
  }

  @Test
  void rankingsDailyBodyIsNonTrivial() {
    // Guards the table against passing on empty data: a 200 must carry rows for schema checks.
    try (OpenRouterEmulator emulator = OpenRouterEmulator.builder().clock(CLOCK).start()) {
      EmulatorExchange exchange = EmulatorExchange.send(emulator, "GET", RANKINGS_DAILY, query(), Key.VALID.header, null);
      JsonNode data = json(exchange.response().body()).path("data");
      assertTrue(data.size() > 100, () -> "expected a month of rows, got " + data.size());
      assertResponseConforms(exchange);
      rankingsDailyRules(query()).accept(json(exchange.response().body()));
    }
  }

  @Test
  void rowRulesRejectMisorderedOrMisplacedRows() {
    String meta = ",\"meta\":{\"as_of\":\"2026-05-12T02:00:00.000Z\",\"version\":\"v1\",\"start_date\":\"2026-05-10\",\"end_date\":\"2026-05-11\"}}";
    String a = "{\"date\":\"2026-05-11\",\"model_permaslug\":\"a/x\",\"total_tokens\":\"9\"}";
    String b = "{\"date\":\"2026-05-11\",\"model_permaslug\":\"b/y\",\"total_tokens\":\"7\"}";
    String other = "{\"date\":\"2026-05-11\",\"model_permaslug\":\"other\",\"total_tokens\":\"99\"}";
    String early = "{\"date\":\"2026-05-10\",\"model_permaslug\":\"a/x\",\"total_tokens\":\"1\"}";
    Consumer<JsonNode> rules = rankingsDailyRules(query());
    rules.accept(json("{\"data\":[" + early + "," + a + "," + b + "," + other + "]" + meta));
    for (String data : List.of(b + "," + a, a + "," + other + "," + b, a + "," + early, a.replace("\"9\"", "\"09\""), a.replace("05-11", "05-12"))) {
      assertThrows(AssertionError.class, () -> rules.accept(json("{\"data\":[" + data + "]" + meta)), data);
    }
  }

  /**
   * Probes every operation of the document with a valid key. An operation the emulator answers
   * with anything but 404 is served, and must then have rows in {@link #cases()}.
   */
  @Test
  void everyOperationTheEmulatorServesHasContractCases() {
    Set<String> covered =
        cases().stream()
            .map(c -> validator.findOperation(c.method(), validator.basePath() + c.path()).orElseThrow().operationId())
            .collect(Collectors.toCollection(TreeSet::new));
    List<String> uncovered = new ArrayList<>();
    try (OpenRouterEmulator emulator = OpenRouterEmulator.builder().clock(CLOCK).start()) {
      for (Operation op : validator.operations()) {
        String method = op.method().toUpperCase(java.util.Locale.ROOT);
        String body = op.node().has("requestBody") ? "{}" : null;
        EmulatorExchange probe = EmulatorExchange.send(emulator, method, op.pathTemplate(), query(), Key.VALID.header, body);
        if (probe.response().status() == 404) {
          continue;
        }
        assertResponseConforms(probe);
        if (!covered.contains(op.operationId())) {
          uncovered.add(op.operationId() + " (" + method + " " + op.pathTemplate() + " answered " + probe.response().status() + ")");
        }
      }
    }
    assertTrue(covered.containsAll(List.of("getRankingsDaily", "getAppRankings")), covered::toString);
    assertEquals(List.of(), uncovered, "the emulator serves these operations; add their rows to cases()");
  }

  /** The response is documented for the operation, its body fits the schema, and error.code = status. */
  private static void assertResponseConforms(EmulatorExchange exchange) {
    List<Violation> violations = validator.validateResponse(exchange.received(), exchange.response());
    assertTrue(
        violations.isEmpty(),
        () -> "response " + exchange.response().status() + " breaks the document: " + summary(violations)
            + "; body: " + abbreviated(exchange.response().body()));
    int status = exchange.response().status();
    if (status >= 400) {
      // "HTTP status = error.code" (OpenRouter errors documentation; every error example of the spec).
      JsonNode code = json(exchange.response().body()).at("/error/code");
      assertEquals(status, code.asInt(), "error.code");
      assertFalse(json(exchange.response().body()).at("/error/message").asText().isBlank(), "error.message");
    }
  }

  private static JsonNode json(String body) {
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String summary(List<Violation> violations) {
    int shown = Math.min(violations.size(), 8);
    String first = violations.subList(0, shown).toString();
    return violations.size() == shown ? first : first + " and " + (violations.size() - shown) + " more";
  }

  private static String abbreviated(String body) {
    return body.length() <= 600 ? body : body.substring(0, 600) + "…";
  }
}
