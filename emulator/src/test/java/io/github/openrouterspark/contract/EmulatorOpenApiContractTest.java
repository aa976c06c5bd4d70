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
 * The emulator against the official OpenAPI document (vendored as src/test/resources/openapi/
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
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-05-12T02:00:00Z"), ZoneOffset.UTC);

  private static final String RANKINGS_DAILY = "/datasets/rankings-daily";
  private static final String APP_RANKINGS = "/datasets/app-rankings";
  private static final String ANALYTICS_META = "/analytics/meta";
  private static final String ANALYTICS_QUERY = "/analytics/query";
  private static final JsonMapper JSON = new JsonMapper();

  private static OpenApiValidator validator;

  @BeforeAll
  static void loadSpec() {
    validator = OpenApiValidator.forVendoredSpec();
  }

  /** How a case authenticates. */
  enum Key {
    VALID("Bearer " + OpenRouterEmulator.DEFAULT_API_KEY),
    MANAGEMENT("Bearer " + OpenRouterEmulator.DEFAULT_MANAGEMENT_KEY),
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
   * @param body the JSON request body, or {@code null} for none
   */
  record Case(
      String name,
      String method,
      String path,
      Map<String, String> query,
      Key key,
      int status,
      String requestViolationAt,
      Consumer<JsonNode> check,
      String body) {
    Case(
        String name,
        String method,
        String path,
        Map<String, String> query,
        Key key,
        int status,
        String requestViolationAt,
        Consumer<JsonNode> check) {
      this(name, method, path, query, key, status, requestViolationAt, check, null);
    }

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

  private static Case rankings(
      String name, Map<String, String> query, int status, String violationAt) {
    return new Case(name, "GET", RANKINGS_DAILY, query, Key.VALID, status, violationAt, body -> {});
  }

  /** A 200 case; its body must also keep the row rules the spec describes for rankings-daily. */
  private static Case rankings(String name, Map<String, String> query, Consumer<JsonNode> check) {
    return new Case(
        name,
        "GET",
        RANKINGS_DAILY,
        query,
        Key.VALID,
        200,
        null,
        check.andThen(rankingsDailyRules(query)));
  }

  /**
   * The spec's descriptions of getRankingsDaily's 200, beyond the schema: rows sorted by date, then
   * total_tokens descending with ties by model_permaslug, the reserved {@code other} row last
   * within its date; at most 50 models plus {@code other} per date; total_tokens a decimal string;
   * dates are the period's bucket starts (ISO week Monday, 1st of month); as_of is ISO-8601. {@code
   * category}/{@code language_type} default to {@code week}, everything else to {@code day}.
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
        assertTrue(
            tokens.matches("0|[1-9][0-9]*"),
            () -> "total_tokens should be a decimal string: " + row);
        switch (period) {
          case "day" ->
              assertFalse(
                  date.isBefore(start) || date.isAfter(end),
                  () -> "row outside the window: " + row);
          case "week" ->
              assertEquals(
                  DayOfWeek.MONDAY, date.getDayOfWeek(), () -> "week rows start on Monday: " + row);
          case "month" ->
              assertEquals(1, date.getDayOfMonth(), () -> "month rows start on the 1st: " + row);
          default -> throw new IllegalArgumentException(period);
        }
        if (previousDate == null || !date.equals(previousDate)) {
          assertTrue(
              previousDate == null || date.isAfter(previousDate),
              () -> "dates ascending at " + row);
          previousDate = date;
          previous = null;
          models = 0;
          otherSeen = false;
        } else {
          assertFalse(
              otherSeen, () -> "'other' must be last within its date, but is followed by " + row);
        }
        if (slug.equals("other")) {
          otherSeen = true;
          continue;
        }
        models++;
        assertTrue(models <= 50, () -> "more than 50 models on " + row.path("date").asText());
        if (previous != null) {
          int order =
              new BigInteger(previous.path("total_tokens").asText())
                  .compareTo(new BigInteger(tokens));
          JsonNode before = previous;
          assertTrue(
              order > 0
                  || (order == 0 && before.path("model_permaslug").asText().compareTo(slug) < 0),
              () ->
                  "rows should be sorted by total_tokens desc, then model_permaslug: "
                      + before
                      + " then "
                      + row);
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
    return new Case(
        name,
        "GET",
        APP_RANKINGS,
        query,
        Key.VALID,
        200,
        null,
        check.andThen(appRankingsRules(query)));
  }

  /**
   * The spec's descriptions of getAppRankings' 200, beyond the schema: at most {@code limit} rows
   * (default 50); ranks 1-based, consecutive and absolute, so the first row is {@code offset + 1};
   * total_tokens a decimal string; {@code popular} (the default) sorted by total_tokens descending
   * (ties: app_id ascending, the emulator's documented choice); as_of ISO-8601.
   */
  private static Consumer<JsonNode> appRankingsRules(Map<String, String> query) {
    int limit = Integer.parseInt(query.getOrDefault("limit", "50"));
    int offset = Integer.parseInt(query.getOrDefault("offset", "0"));
    boolean popular = query.getOrDefault("sort", "popular").equals("popular");
    return body -> {
      Instant.parse(body.at("/meta/as_of").asText());
      assertFalse(
          LocalDate.parse(body.at("/meta/start_date").asText())
              .isAfter(LocalDate.parse(body.at("/meta/end_date").asText())),
          "meta.start_date <= meta.end_date");
      JsonNode data = body.path("data");
      assertTrue(data.size() <= limit, () -> data.size() + " rows for limit " + limit);
      Set<Long> ids = new TreeSet<>();
      JsonNode previous = null;
      for (int i = 0; i < data.size(); i++) {
        JsonNode row = data.get(i);
        assertEquals(
            offset + i + 1,
            row.path("rank").asInt(),
            () -> "ranks are absolute and consecutive: " + row);
        assertTrue(row.path("app_id").canConvertToLong(), () -> "app_id fits a long: " + row);
        assertTrue(ids.add(row.path("app_id").asLong()), () -> "app_id repeated: " + row);
        String tokens = row.path("total_tokens").asText();
        assertTrue(
            tokens.matches("0|[1-9][0-9]*"),
            () -> "total_tokens should be a decimal string: " + row);
        assertTrue(
            row.path("total_requests").canConvertToLong()
                && row.path("total_requests").asLong() >= 0,
            row::toString);
        if (popular && previous != null) {
          int order =
              new BigInteger(previous.path("total_tokens").asText())
                  .compareTo(new BigInteger(tokens));
          JsonNode before = previous;
          assertTrue(
              order > 0
                  || (order == 0 && before.path("app_id").asLong() < row.path("app_id").asLong()),
              () ->
                  "popular rows should be sorted by total_tokens desc, then app_id: "
                      + before
                      + " then "
                      + row);
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
    cases.add(
        rankings(
            "rankings-daily: default request, no parameters",
            query(),
            window("2026-04-11", "2026-05-11")));
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
    cases.add(
        rankings(
            "rankings-daily: period=month",
            query("period", "month", "start_date", "2026-01-01"),
            body -> {}));
    cases.add(
        rankings(
            "rankings-daily: modality and context_bucket",
            query("modality", "tool_calling", "context_bucket", "100K"),
            body -> {}));
    cases.add(
        rankings(
            "rankings-daily: category (weekly sampled dataset)",
            query("category", "marketing/seo"),
            body -> {}));
    cases.add(
        rankings(
            "rankings-daily: language_type with period=month",
            query("language_type", "natural", "period", "month"),
            body -> {}));
    // 400s for requests the document allows but the API's rules reject.
    cases.add(
        rankings("400: end_date before 2025-01-01", query("end_date", "2024-12-31"), 400, null));
    cases.add(
        rankings(
            "400: start_date after end_date",
            query("start_date", "2026-05-02", "end_date", "2026-05-01"),
            400,
            null));
    cases.add(
        rankings(
            "400: window longer than 366 days",
            query("start_date", "2025-01-01", "end_date", "2026-01-02"),
            400,
            null));
    cases.add(
        rankings(
            "400: date that is not in the calendar", query("end_date", "2026-02-30"), 400, null));
    cases.add(
        rankings(
            "400: category with language_type",
            query("category", "programming", "language_type", "natural"),
            400,
            null));
    cases.add(
        rankings(
            "400: category with modality",
            query("category", "programming", "modality", "text"),
            400,
            null));
    cases.add(
        rankings(
            "400: language_type with context_bucket",
            query("language_type", "natural", "context_bucket", "1M"),
            400,
            null));
    cases.add(
        rankings(
            "400: period=day with category",
            query("category", "legal", "period", "day"),
            400,
            null));
    // 400s for requests that break the document's parameter schemas.
    cases.add(
        rankings(
            "400: start_date not YYYY-MM-DD",
            query("start_date", "2026/04/01"),
            400,
            "request.query.start_date"));
    cases.add(
        rankings(
            "400: end_date not YYYY-MM-DD",
            query("end_date", "20260401"),
            400,
            "request.query.end_date"));
    cases.add(
        rankings("400: unknown period", query("period", "year"), 400, "request.query.period"));
    cases.add(rankings("400: empty period", query("period", ""), 400, "request.query.period"));
    cases.add(
        rankings(
            "400: unknown modality", query("modality", "video"), 400, "request.query.modality"));
    cases.add(
        rankings(
            "400: unknown context_bucket",
            query("context_bucket", "5K"),
            400,
            "request.query.context_bucket"));
    cases.add(
        rankings(
            "400: unknown category", query("category", "cooking"), 400, "request.query.category"));
    cases.add(
        rankings(
            "400: unknown language_type",
            query("language_type", "klingon"),
            400,
            "request.query.language_type"));
    cases.add(
        rankings(
            "400: enum values are case-sensitive",
            query("period", "Week"),
            400,
            "request.query.period"));
    // 401s.
    cases.add(
        new Case(
            "401: no Authorization header",
            "GET",
            RANKINGS_DAILY,
            query(),
            Key.NONE,
            401,
            "request.security",
            body -> {}));
    cases.add(
        new Case(
            "401: unknown API key",
            "GET",
            RANKINGS_DAILY,
            query(),
            Key.UNKNOWN,
            401,
            null,
            body -> {}));
    // --- GET /datasets/app-rankings (getAppRankings) ---
    // 200s. Same date defaults as rankings-daily; limit 50, offset 0, sort popular.
    cases.add(
        apps(
            "app-rankings: default request, no parameters",
            query(),
            window("2026-04-11", "2026-05-11").andThen(rows(50, 1))));
    cases.add(
        apps(
            "app-rankings: sort=popular, limit=10",
            query("sort", "popular", "limit", "10"),
            rows(10, 1)));
    cases.add(apps("app-rankings: sort=trending", query("sort", "trending"), rows(50, 1)));
    cases.add(apps("app-rankings: limit=1", query("limit", "1"), rows(1, 1)));
    cases.add(apps("app-rankings: limit=100", query("limit", "100"), rows(100, 1)));
    cases.add(
        apps("app-rankings: offset=50, ranks stay absolute", query("offset", "50"), rows(50, 51)));
    cases.add(
        apps(
            "app-rankings: deepest page offset=100, limit=100",
            query("offset", "100", "limit", "100"),
            rows(100, 101)));
    cases.add(
        apps(
            "app-rankings: trending page past the growing apps is short",
            query("sort", "trending", "offset", "100", "limit", "100"),
            body -> assertTrue(body.path("data").size() < 100, "a short trending page")));
    cases.add(apps("app-rankings: category=coding", query("category", "coding"), rows(50, 1)));
    cases.add(
        apps(
            "app-rankings: subcategory=cli-agent, sort=trending",
            query("subcategory", "cli-agent", "sort", "trending"),
            body -> {}));
    cases.add(
        apps(
            "app-rankings: consistent category and subcategory",
            query("category", "productivity", "subcategory", "legal"),
            body -> {}));
    cases.add(
        apps(
            "app-rankings: offset past a small subcategory gives no rows",
            query("subcategory", "legal", "offset", "100"),
            rows(0, 0)));
    cases.add(
        apps(
            "app-rankings: explicit window with clamped start_date",
            query(
                "start_date",
                "2024-06-01",
                "end_date",
                "2025-03-01",
                "sort",
                "trending",
                "category",
                "entertainment"),
            window("2025-01-01", "2025-03-01")));
    cases.add(
        apps(
            "app-rankings: 366-day window",
            query(
                "start_date",
                "2025-05-11",
                "end_date",
                "2026-05-11",
                "limit",
                "100",
                "offset",
                "0"),
            window("2025-05-11", "2026-05-11")));
    // 400s for requests the document allows but the API's rules reject.
    cases.add(
        apps(
            "app-rankings 400: subcategory outside its category",
            query("category", "coding", "subcategory", "legal"),
            400,
            null));
    cases.add(
        apps(
            "app-rankings 400: end_date before 2025-01-01",
            query("end_date", "2024-12-31"),
            400,
            null));
    cases.add(
        apps(
            "app-rankings 400: start_date after end_date",
            query("start_date", "2026-05-02", "end_date", "2026-05-01"),
            400,
            null));
    cases.add(
        apps(
            "app-rankings 400: window longer than 366 days",
            query("start_date", "2025-01-01", "end_date", "2026-01-02"),
            400,
            null));
    cases.add(
        apps(
            "app-rankings 400: date that is not in the calendar",
            query("start_date", "2026-02-30"),
            400,
            null));
    // 400s for requests that break the document's parameter schemas.
    cases.add(apps("app-rankings 400: limit=0", query("limit", "0"), 400, "request.query.limit"));
    cases.add(
        apps("app-rankings 400: limit=101", query("limit", "101"), 400, "request.query.limit"));
    cases.add(
        apps(
            "app-rankings 400: limit not an integer",
            query("limit", "ten"),
            400,
            "request.query.limit"));
    cases.add(
        apps(
            "app-rankings 400: limit with a fraction",
            query("limit", "5.5"),
            400,
            "request.query.limit"));
    cases.add(
        apps(
            "app-rankings 400: limit with a leading zero",
            query("limit", "07"),
            400,
            "request.query.limit"));
    cases.add(
        apps("app-rankings 400: empty limit", query("limit", ""), 400, "request.query.limit"));
    cases.add(
        apps("app-rankings 400: offset=-1", query("offset", "-1"), 400, "request.query.offset"));
    cases.add(
        apps("app-rankings 400: offset=101", query("offset", "101"), 400, "request.query.offset"));
    cases.add(
        apps(
            "app-rankings 400: empty offset (null cannot be sent in a query)",
            query("offset", ""),
            400,
            "request.query.offset"));
    cases.add(
        apps("app-rankings 400: unknown sort", query("sort", "hot"), 400, "request.query.sort"));
    cases.add(
        apps(
            "app-rankings 400: unknown category",
            query("category", "cooking"),
            400,
            "request.query.category"));
    cases.add(
        apps(
            "app-rankings 400: rankings-daily category is not a marketplace category",
            query("category", "programming"),
            400,
            "request.query.category"));
    cases.add(
        apps(
            "app-rankings 400: unknown subcategory",
            query("subcategory", "chat"),
            400,
            "request.query.subcategory"));
    cases.add(
        apps(
            "app-rankings 400: enum values are case-sensitive",
            query("category", "Coding"),
            400,
            "request.query.category"));
    cases.add(
        apps(
            "app-rankings 400: start_date not YYYY-MM-DD",
            query("start_date", "2026/04/01"),
            400,
            "request.query.start_date"));
    cases.add(
        apps(
            "app-rankings 400: end_date not YYYY-MM-DD",
            query("end_date", "2026-4-1"),
            400,
            "request.query.end_date"));
    // 401s.
    cases.add(
        new Case(
            "app-rankings 401: no Authorization header",
            "GET",
            APP_RANKINGS,
            query(),
            Key.NONE,
            401,
            "request.security",
            body -> {}));
    cases.add(
        new Case(
            "app-rankings 401: unknown API key",
            "GET",
            APP_RANKINGS,
            query(),
            Key.UNKNOWN,
            401,
            null,
            body -> {}));
    analyticsCases(cases);
    return cases;
  }

  private static Case meta(
      String name, Key key, int status, String violationAt, Consumer<JsonNode> check) {
    return new Case(name, "GET", ANALYTICS_META, query(), key, status, violationAt, check);
  }

  /** A 200 of queryAnalytics; its body must also keep the row rules of {@link #analyticsRules}. */
  private static Case analytics(String name, String body, Consumer<JsonNode> check) {
    return new Case(
        name,
        "POST",
        ANALYTICS_QUERY,
        query(),
        Key.MANAGEMENT,
        200,
        null,
        check.andThen(analyticsRules(body)),
        body);
  }

  private static Case analytics(String name, String body, int status, String violationAt) {
    return analytics(name, body, Key.MANAGEMENT, status, violationAt);
  }

  private static Case analytics(String name, String body, Key key, int status, String violationAt) {
    return new Case(
        name, "POST", ANALYTICS_QUERY, query(), key, status, violationAt, response -> {}, body);
  }

  /**
   * The documented row shape of queryAnalytics' 200, beyond its untyped schema: one key per
   * requested metric and dimension (plus {@code user_email} with {@code user}) and {@code
   * date__<granularity>} with a granularity; counts as decimal strings [SKILL-Q], other metrics
   * numbers or null; time buckets ISO date-times like the spec's example; {@code row_count} = rows;
   * at most {@code limit} rows (default 1000) when one is given.
   */
  private static Consumer<JsonNode> analyticsRules(String requestBody) {
    JsonNode request = json(requestBody);
    return body -> {
      JsonNode rows = body.at("/data/data");
      assertEquals(rows.size(), body.at("/data/metadata/row_count").asInt(), "row_count");
      if (request.has("limit")) {
        assertTrue(rows.size() <= request.get("limit").asInt(), "rows within limit");
      }
      Set<String> expected = new TreeSet<>();
      request.path("metrics").forEach(m -> expected.add(m.asText()));
      request.path("dimensions").forEach(d -> expected.add(d.asText()));
      if (expected.contains("user")) {
        expected.add("user_email");
      }
      String granularity = request.path("granularity").asText(null);
      if (granularity != null) {
        expected.add("date__" + granularity);
      }
      for (JsonNode row : rows) {
        Set<String> keys = new TreeSet<>();
        row.fieldNames().forEachRemaining(keys::add);
        assertEquals(expected, keys, () -> "row keys: " + row);
        for (JsonNode metric : request.path("metrics")) {
          String name = metric.asText();
          JsonNode value = row.get(name);
          boolean count =
              name.equals("request_count")
                  || name.startsWith("tokens_")
                  || name.endsWith("_tokens")
                  || name.endsWith("_count");
          if (count) {
            assertTrue(
                value.isTextual() && value.asText().matches("0|[1-9][0-9]*"),
                () -> name + " should be a count string: " + row);
          } else {
            assertTrue(
                value.isNumber() || value.isNull(),
                () -> name + " should be a number or null: " + row);
          }
        }
        if (granularity != null) {
          String bucket = row.get("date__" + granularity).asText();
          assertTrue(
              bucket.matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:00\\.000Z"),
              () -> "bucket: " + bucket);
        }
      }
    };
  }

  private static Consumer<JsonNode> analyticsRows(int count, boolean truncated) {
    return body -> {
      assertEquals(count, body.at("/data/data").size(), "rows");
      assertEquals(truncated, body.at("/data/metadata/truncated").asBoolean(), "truncated");
    };
  }

  /** Rows for getAnalyticsMeta and queryAnalytics. "Today" is 2026-05-12, 02:00 UTC. */
  private static void analyticsCases(List<Case> cases) {
    // --- GET /analytics/meta (getAnalyticsMeta) ---
    cases.add(
        meta(
            "analytics/meta: management key",
            Key.MANAGEMENT,
            200,
            null,
            body -> {
              Set<String> metrics = new TreeSet<>();
              body.at("/data/metrics").forEach(m -> metrics.add(m.path("name").asText()));
              assertTrue(
                  metrics.containsAll(
                      List.of(
                          "request_count",
                          "total_usage",
                          "usage_data",
                          "p99_latency",
                          "cache_hit_rate")),
                  metrics::toString);
              Set<String> dimensions = new TreeSet<>();
              body.at("/data/dimensions").forEach(d -> dimensions.add(d.path("name").asText()));
              assertTrue(
                  dimensions.containsAll(
                      List.of(
                          "model",
                          "api_key_id",
                          "app",
                          "provider",
                          "generation_id",
                          "context_length_bucket")),
                  dimensions::toString);
              assertEquals(8, body.at("/data/operators").size(), "operators");
              assertEquals(5, body.at("/data/granularities").size(), "granularities");
            }));
    cases.add(
        meta(
            "analytics/meta 401: no Authorization header",
            Key.NONE,
            401,
            "request.security",
            body -> {}));
    cases.add(meta("analytics/meta 401: unknown API key", Key.UNKNOWN, 401, null, body -> {}));
    cases.add(
        meta(
            "analytics/meta 403: inference key",
            Key.VALID,
            403,
            null,
            body ->
                assertEquals(
                    "Only management keys can perform this operation",
                    body.at("/error/message").asText())));

    // --- POST /analytics/query (queryAnalytics) ---
    String day =
        "\"time_range\":{\"start\":\"2026-05-11T00:00:00Z\",\"end\":\"2026-05-12T00:00:00Z\"}";
    String m = "\"metrics\":[\"request_count\"]";
    // 200s.
    cases.add(
        analytics(
            "analytics/query: metrics only (last 7 days)", "{" + m + "}", analyticsRows(1, false)));
    cases.add(
        analytics(
            "analytics/query: the spec's example body",
            "{\"dimensions\":[\"model\"],\"granularity\":\"day\",\"limit\":100,\"metrics\":[\"request_count\"],"
                + "\"time_range\":{\"end\":\"2025-01-08T00:00:00Z\",\"start\":\"2025-01-01T00:00:00Z\"}}",
            body -> assertTrue(body.at("/data/data").size() > 7, "a row per day and model")));
    cases.add(
        analytics(
            "analytics/query: every metric, one day",
            "{\"metrics\":"
                + JSON.valueToTree(io.github.openrouterspark.emulator.AnalyticsLog.metricNames())
                + ","
                + day
                + "}",
            analyticsRows(1, false)));
    cases.add(
        analytics(
            "analytics/query: two dimensions, filters, order_by, group_limit",
            "{\"metrics\":[\"total_usage\",\"tokens_total\"],\"dimensions\":[\"api_key_id\",\"user\"],\"granularity\":\"hour\","
                + "\"filters\":[{\"field\":\"app\",\"operator\":\"not_in\",\"value\":[\"1\",2],\"include_unset\":true},"
                + "{\"field\":\"variant\",\"operator\":\"neq\",\"value\":\"free\"}],"
                + "\"order_by\":{\"field\":\"request_count\",\"direction\":\"desc\"},\"group_limit\":3,\"limit\":50,"
                + day
                + "}",
            body -> assertTrue(body.at("/data/data").size() > 3)));
    cases.add(
        analytics(
            "analytics/query: limit=1 truncates",
            "{" + m + ",\"dimensions\":[\"model\"],\"limit\":1," + day + "}",
            analyticsRows(1, true)));
    cases.add(
        analytics(
            "analytics/query: minute buckets over 3 hours",
            "{"
                + m
                + ",\"granularity\":\"minute\",\"time_range\":{\"start\":\"2026-05-11T12:00:00Z\",\"end\":\"2026-05-11T15:00:00Z\"}}",
            body -> assertTrue(body.at("/data/data").size() > 60)));
    cases.add(
        analytics(
            "analytics/query: latency percentiles by provider over 31 days",
            "{\"metrics\":[\"p50_latency\",\"p99_latency\",\"avg_throughput\"],\"dimensions\":[\"provider\"],"
                + "\"time_range\":{\"start\":\"2026-04-10T00:00:00Z\",\"end\":\"2026-05-11T00:00:00Z\"}}",
            body -> assertTrue(body.at("/data/data").size() > 3)));
    cases.add(
        analytics(
            "analytics/query: 365 days by week",
            "{\"metrics\":[\"total_usage\"],\"granularity\":\"week\",\"time_range\":{\"start\":\"2025-05-12T00:00:00Z\",\"end\":\"2026-05-12T00:00:00Z\"}}",
            body -> assertEquals(53, body.at("/data/data").size(), "weeks")));
    cases.add(
        analytics(
            "analytics/query: unresolvable key hash gives a warning",
            "{"
                + m
                + ",\"filters\":[{\"field\":\"api_key_id\",\"operator\":\"eq\",\"value\":\""
                + "ab".repeat(32)
                + "\"}]}",
            body -> assertEquals(1, body.at("/data/warnings").size(), "warnings")));
    // 400s for bodies that break the document's request schema.
    cases.add(analytics("analytics/query 400: metrics missing", "{}", 400, "request.body"));
    cases.add(analytics("analytics/query 400: no body", null, 400, "request.body"));
    cases.add(
        analytics("analytics/query 400: malformed JSON", "{\"metrics\":[", 400, "request.body"));
    cases.add(
        analytics(
            "analytics/query 400: metrics empty", "{\"metrics\":[]}", 400, "request.body/metrics"));
    cases.add(
        analytics(
            "analytics/query 400: metrics not an array",
            "{\"metrics\":\"request_count\"}",
            400,
            "request.body/metrics"));
    cases.add(
        analytics(
            "analytics/query 400: three dimensions",
            "{" + m + ",\"dimensions\":[\"model\",\"provider\",\"app\"]}",
            400,
            "request.body/dimensions"));
    cases.add(
        analytics(
            "analytics/query 400: 21 filters",
            "{"
                + m
                + ",\"filters\":["
                + "{\"field\":\"model\",\"operator\":\"eq\",\"value\":\"x\"},".repeat(20)
                + "{\"field\":\"model\",\"operator\":\"eq\",\"value\":\"x\"}]}",
            400,
            "request.body/filters"));
    cases.add(
        analytics(
            "analytics/query 400: filter without value",
            "{" + m + ",\"filters\":[{\"field\":\"model\",\"operator\":\"eq\"}]}",
            400,
            "request.body/filters/0"));
    cases.add(
        analytics(
            "analytics/query 400: boolean filter value",
            "{" + m + ",\"filters\":[{\"field\":\"model\",\"operator\":\"eq\",\"value\":true}]}",
            400,
            "request.body/filters/0/value"));
    cases.add(
        analytics(
            "analytics/query 400: limit with a fraction",
            "{" + m + ",\"limit\":2.5}",
            400,
            "request.body/limit"));
    cases.add(
        analytics(
            "analytics/query 400: order_by direction",
            "{" + m + ",\"order_by\":{\"field\":\"request_count\",\"direction\":\"down\"}}",
            400,
            "request.body/order_by/direction"));
    cases.add(
        analytics(
            "analytics/query 400: time_range without end",
            "{" + m + ",\"time_range\":{\"start\":\"2026-05-01T00:00:00Z\"}}",
            400,
            "request.body/time_range"));
    // 400s for bodies the document allows but the API's rules reject.
    // (format: date-time is an annotation in OpenAPI 3.1 unless a validator opts in; this one does
    // not.)
    cases.add(
        analytics(
            "analytics/query 400: time_range.start a date, not a date-time",
            "{"
                + m
                + ",\"time_range\":{\"start\":\"2026-05-01\",\"end\":\"2026-05-02T00:00:00Z\"}}",
            400,
            null));
    cases.add(
        analytics(
            "analytics/query 400: unknown metric", "{\"metrics\":[\"requests\"]}", 400, null));
    cases.add(
        analytics(
            "analytics/query 400: unknown dimension",
            "{" + m + ",\"dimensions\":[\"region\"]}",
            400,
            null));
    cases.add(
        analytics(
            "analytics/query 400: unknown operator",
            "{" + m + ",\"filters\":[{\"field\":\"model\",\"operator\":\"like\",\"value\":\"x\"}]}",
            400,
            null));
    cases.add(
        analytics(
            "analytics/query 400: array operator with a scalar",
            "{" + m + ",\"filters\":[{\"field\":\"model\",\"operator\":\"in\",\"value\":\"x\"}]}",
            400,
            null));
    cases.add(
        analytics(
            "analytics/query 400: app filtered by its title",
            "{"
                + m
                + ",\"filters\":[{\"field\":\"app\",\"operator\":\"eq\",\"value\":\"AI Chat\"}]}",
            400,
            null));
    cases.add(
        analytics(
            "analytics/query 400: unknown granularity",
            "{" + m + ",\"granularity\":\"year\"}",
            400,
            null));
    cases.add(
        analytics(
            "analytics/query 400: start after end",
            "{"
                + m
                + ",\"time_range\":{\"start\":\"2026-05-02T00:00:00Z\",\"end\":\"2026-05-01T00:00:00Z\"}}",
            400,
            null));
    cases.add(
        analytics(
            "analytics/query 400: more than 365 days",
            "{"
                + m
                + ",\"time_range\":{\"start\":\"2025-01-01T00:00:00Z\",\"end\":\"2026-01-02T00:00:00Z\"}}",
            400,
            null));
    cases.add(
        analytics(
            "analytics/query 400: latency over more than 31 days",
            "{\"metrics\":[\"p90_latency\"],\"time_range\":{\"start\":\"2026-04-01T00:00:00Z\",\"end\":\"2026-05-03T00:00:00Z\"}}",
            400,
            null));
    cases.add(
        analytics(
            "analytics/query 400: 31-day dimension over more than 31 days",
            "{"
                + m
                + ",\"dimensions\":[\"country\"],\"time_range\":{\"start\":\"2026-04-01T00:00:00Z\",\"end\":\"2026-05-03T00:00:00Z\"}}",
            400,
            null));
    cases.add(
        analytics(
            "analytics/query 400: minute buckets over more than 3 hours",
            "{" + m + ",\"granularity\":\"minute\"}",
            400,
            null));
    cases.add(analytics("analytics/query 400: limit=0", "{" + m + ",\"limit\":0}", 400, null));
    cases.add(
        analytics("analytics/query 400: limit=10001", "{" + m + ",\"limit\":10001}", 400, null));
    cases.add(
        analytics(
            "analytics/query 400: order_by an unrequested metric",
            "{" + m + ",\"order_by\":{\"field\":\"total_usage\",\"direction\":\"desc\"}}",
            400,
            null));
    cases.add(
        analytics(
            "analytics/query 400: order_by date without granularity",
            "{" + m + ",\"order_by\":{\"field\":\"date\",\"direction\":\"asc\"}}",
            400,
            null));
    cases.add(
        analytics(
            "analytics/query 400: unknown classifier",
            "{"
                + m
                + ",\"classifier_dimensions\":{\"classifier_id\":\"550e8400-e29b-41d4-a716-446655440000\"}}",
            400,
            null));
    // 401s and 403.
    cases.add(
        analytics(
            "analytics/query 401: no Authorization header",
            "{" + m + "}",
            Key.NONE,
            401,
            "request.security"));
    cases.add(
        analytics("analytics/query 401: unknown API key", "{" + m + "}", Key.UNKNOWN, 401, null));
    cases.add(analytics("analytics/query 403: inference key", "{" + m + "}", Key.VALID, 403, null));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void emulatorAnswersPerTheOpenApiDocument(Case c) {
    try (OpenRouterEmulator emulator = OpenRouterEmulator.builder().clock(CLOCK).start()) {
      EmulatorExchange exchange =
          EmulatorExchange.send(
              emulator, c.method(), c.path(), c.query(), c.key().header, c.body());

      assertEquals(
          c.status(),
          exchange.response().status(),
          () -> "status; body: " + exchange.response().body());
      List<Violation> requestViolations = validator.validateRequest(exchange.received());
      if (c.requestViolationAt() == null) {
        assertTrue(
            requestViolations.isEmpty(),
            () -> "the request as received breaks the document: " + summary(requestViolations));
      } else {
        assertTrue(
            requestViolations.stream().anyMatch(v -> v.where().equals(c.requestViolationAt())),
            () ->
                "the validator should report "
                    + c.requestViolationAt()
                    + ", got "
                    + requestViolations);
      }
      assertResponseConforms(exchange);
      c.check().accept(json(exchange.response().body()));
    }
  }

  @Test
  void rateLimitedRequestGets429InTheDocumentedShape() {
    try (OpenRouterEmulator emulator =
        OpenRouterEmulator.builder().clock(CLOCK).rateLimitPerMinute(1).start()) {
      EmulatorExchange first =
          EmulatorExchange.send(emulator, "GET", RANKINGS_DAILY, query(), Key.VALID.header, null);
      EmulatorExchange second =
          EmulatorExchange.send(emulator, "GET", RANKINGS_DAILY, query(), Key.VALID.header, null);

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
    try (OpenRouterEmulator emulator =
        OpenRouterEmulator.builder().clock(CLOCK).rateLimitPerMinute(1).start()) {
      EmulatorExchange first =
          EmulatorExchange.send(emulator, "GET", RANKINGS_DAILY, query(), Key.VALID.header, null);
      EmulatorExchange second =
          EmulatorExchange.send(emulator, "GET", APP_RANKINGS, query(), Key.VALID.header, null);

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
        OpenRouterEmulator.builder()
            .clock(CLOCK)
            .rateLimitPerMinute(1)
            .retryAfter(flavour)
            .start()) {
      EmulatorExchange.send(emulator, "GET", RANKINGS_DAILY, query(), Key.VALID.header, null);
      EmulatorExchange limited =
          EmulatorExchange.send(emulator, "GET", APP_RANKINGS, query(), Key.VALID.header, null);

      assertEquals(429, limited.response().status(), limited.response()::body);
      assertTrue(limited.response().header("X-RateLimit-Reset").isPresent(), "X-RateLimit-Reset");
      assertResponseConforms(limited);
    }
  }

  /**
   * The spec declares no 429 for the analytics operations (docs/api-contract.md §9.2), yet the API
   * limits them to 64 requests a minute, and so does the emulator: its 429 is outside the document,
   * in the error shape every documented error has.
   */
  @Test
  void analytics429IsUndocumentedButErrorShaped() {
    try (OpenRouterEmulator emulator =
        OpenRouterEmulator.builder().clock(CLOCK).analyticsRateLimitPerMinute(1).start()) {
      String body = "{\"metrics\":[\"request_count\"]}";
      EmulatorExchange first =
          EmulatorExchange.send(
              emulator, "GET", ANALYTICS_META, query(), Key.MANAGEMENT.header, null);
      EmulatorExchange limited =
          EmulatorExchange.send(
              emulator, "POST", ANALYTICS_QUERY, query(), Key.MANAGEMENT.header, body);

      assertEquals(200, first.response().status());
      assertEquals(429, limited.response().status(), limited.response()::body);
      List<Violation> violations =
          validator.validateResponse(limited.received(), limited.response());
      assertTrue(
          violations.stream().anyMatch(v -> v.where().equals("response.status")),
          violations::toString);
      JsonNode error = json(limited.response().body());
      assertEquals(429, error.at("/error/code").asInt());
      assertEquals("rate_limit_exceeded", error.at("/error/metadata/error_type").asText());
      // Datasets and analytics count separately.
      assertEquals(
          200,
          EmulatorExchange.send(
                  emulator, "GET", RANKINGS_DAILY, query(), Key.MANAGEMENT.header, null)
              .response()
              .status());
    }
  }

  /** queryAnalytics documents 408 and 500, getAnalyticsMeta 500: injected, they conform. */
  @ParameterizedTest
  @ValueSource(ints = {408, 500})
  void injectedAnalyticsStatusesConform(int code) {
    try (OpenRouterEmulator emulator = OpenRouterEmulator.builder().clock(CLOCK).start()) {
      emulator.faults().failNext(1, Fault.status(code));
      EmulatorExchange query =
          EmulatorExchange.send(
              emulator,
              "POST",
              ANALYTICS_QUERY,
              query(),
              Key.MANAGEMENT.header,
              "{\"metrics\":[\"request_count\"]}");
      assertEquals(code, query.response().status());
      assertResponseConforms(query);
      if (code == 500) {
        emulator.faults().failNext(1, Fault.status(code));
        EmulatorExchange meta =
            EmulatorExchange.send(
                emulator, "GET", ANALYTICS_META, query(), Key.MANAGEMENT.header, null);
        assertEquals(code, meta.response().status());
        assertResponseConforms(meta);
      }
    }
  }

  /** Injected faults whose status the spec documents (429, 500) answer in the documented shape. */
  @ParameterizedTest
  @ValueSource(ints = {429, 500})
  void injectedDocumentedStatusesConform(int code) {
    try (OpenRouterEmulator emulator = OpenRouterEmulator.builder().clock(CLOCK).start()) {
      for (String path : List.of(RANKINGS_DAILY, APP_RANKINGS)) {
        emulator.faults().failNext(1, Fault.status(code, Duration.ofSeconds(2)));
        EmulatorExchange exchange =
            EmulatorExchange.send(emulator, "GET", path, query(), Key.VALID.header, null);

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
      EmulatorExchange exchange =
          EmulatorExchange.send(emulator, "GET", RANKINGS_DAILY, query(), Key.VALID.header, null);

      assertEquals(400, exchange.response().status());
      assertEquals(List.of(), validator.validateResponse(exchange.received(), exchange.response()));
      assertEquals(502, json(exchange.response().body()).at("/error/code").asInt());
    }
  }

  /**
   * 408 and 502-504 are not documented for the datasets operations; faults send them anyway, since
   * clients meet them from proxies and upstreams. The validator must notice, so the table above
   * cannot pass on them by accident.
   */
  @ParameterizedTest
  @ValueSource(ints = {408, 502, 503, 504})
  void injectedUndocumentedStatusesAreOutsideTheDocument(int code) {
    try (OpenRouterEmulator emulator = OpenRouterEmulator.builder().clock(CLOCK).start()) {
      emulator.faults().failNext(1, Fault.status(code));
      EmulatorExchange exchange =
          EmulatorExchange.send(emulator, "GET", RANKINGS_DAILY, query(), Key.VALID.header, null);

      assertEquals(code, exchange.response().status());
      List<Violation> violations =
          validator.validateResponse(exchange.received(), exchange.response());
      assertTrue(
          violations.stream().anyMatch(v -> v.where().equals("response.status")),
          violations::toString);
    }
  }

  @Test
  void metaFirstAppRankingsResponseConforms() {
    try (OpenRouterEmulator emulator =
        OpenRouterEmulator.builder().clock(CLOCK).metaFirst(true).start()) {
      Map<String, String> query = query("sort", "trending", "limit", "20");
      EmulatorExchange exchange =
          EmulatorExchange.send(emulator, "GET", APP_RANKINGS, query, Key.VALID.header, null);

      assertEquals(200, exchange.response().status());
      assertTrue(
          exchange.response().body().stripLeading().startsWith("{\"meta\""),
          "meta should come first");
      assertResponseConforms(exchange);
      appRankingsRules(query).accept(json(exchange.response().body()));
    }
  }

  @Test
  void appRankingsRowRulesRejectMisnumberedOrMisorderedRows() {
    String meta =
        "],\"meta\":{\"as_of\":\"2026-05-12T02:00:00.000Z\",\"version\":\"v1\",\"start_date\":\"2026-05-10\",\"end_date\":\"2026-05-11\"}}";
    String a =
        "{\"rank\":51,\"app_id\":5,\"app_name\":\"A\",\"total_tokens\":\"9\",\"total_requests\":1}";
    String b =
        "{\"rank\":52,\"app_id\":3,\"app_name\":\"B\",\"total_tokens\":\"7\",\"total_requests\":1}";
    Consumer<JsonNode> rules = appRankingsRules(query("offset", "50"));
    rules.accept(json("{\"data\":[" + a + "," + b + meta));
    for (String data :
        List.of(
            b.replace("52", "51") + "," + a.replace("51", "52"), // tokens ascending
            a.replace("51", "1") + "," + b.replace("52", "2"), // ranks not absolute
            a + "," + b.replace("52", "53"), // rank gap
            a + "," + b.replace("\"7\"", "\"9\""), // tie with the higher app_id first
            a + "," + b.replace("\"app_id\":3", "\"app_id\":5"))) { // repeated app
      assertThrows(
          AssertionError.class, () -> rules.accept(json("{\"data\":[" + data + meta)), data);
    }
    assertThrows(
        AssertionError.class,
        () ->
            appRankingsRules(query("offset", "50", "limit", "1"))
                .accept(json("{\"data\":[" + a + "," + b + meta)));
  }

  @Test
  void metaFirstResponseConformsToo() {
    try (OpenRouterEmulator emulator =
        OpenRouterEmulator.builder().clock(CLOCK).metaFirst(true).start()) {
      EmulatorExchange exchange =
          EmulatorExchange.send(
              emulator,
              "GET",
              RANKINGS_DAILY,
              query("start_date", "2026-05-01"),
              Key.VALID.header,
              null);

      assertEquals(200, exchange.response().status());
      assertTrue(
          exchange.response().body().stripLeading().startsWith("{\"meta\""),
          "meta should come first");
      assertEquals(List.of(), validator.validateRequest(exchange.received()));
      assertResponseConforms(exchange);
      rankingsDailyRules(exchange.received().query()).accept(json(exchange.response().body()));
    }
  }

  @Test
  void rankingsDailyBodyIsNonTrivial() {
    // Guards the table against passing on empty data: a 200 must carry rows for schema checks.
    try (OpenRouterEmulator emulator = OpenRouterEmulator.builder().clock(CLOCK).start()) {
      EmulatorExchange exchange =
          EmulatorExchange.send(emulator, "GET", RANKINGS_DAILY, query(), Key.VALID.header, null);
      JsonNode data = json(exchange.response().body()).path("data");
      assertTrue(data.size() > 100, () -> "expected a month of rows, got " + data.size());
      assertResponseConforms(exchange);
      rankingsDailyRules(query()).accept(json(exchange.response().body()));
    }
  }

  @Test
  void rowRulesRejectMisorderedOrMisplacedRows() {
    String meta =
        ",\"meta\":{\"as_of\":\"2026-05-12T02:00:00.000Z\",\"version\":\"v1\",\"start_date\":\"2026-05-10\",\"end_date\":\"2026-05-11\"}}";
    String a = "{\"date\":\"2026-05-11\",\"model_permaslug\":\"a/x\",\"total_tokens\":\"9\"}";
    String b = "{\"date\":\"2026-05-11\",\"model_permaslug\":\"b/y\",\"total_tokens\":\"7\"}";
    String other =
        "{\"date\":\"2026-05-11\",\"model_permaslug\":\"other\",\"total_tokens\":\"99\"}";
    String early = "{\"date\":\"2026-05-10\",\"model_permaslug\":\"a/x\",\"total_tokens\":\"1\"}";
    Consumer<JsonNode> rules = rankingsDailyRules(query());
    rules.accept(json("{\"data\":[" + early + "," + a + "," + b + "," + other + "]" + meta));
    for (String data :
        List.of(
            b + "," + a,
            a + "," + other + "," + b,
            a + "," + early,
            a.replace("\"9\"", "\"09\""),
            a.replace("05-11", "05-12"))) {
      assertThrows(
          AssertionError.class, () -> rules.accept(json("{\"data\":[" + data + "]" + meta)), data);
    }
  }

  /**
   * Probes every operation of the document with a valid key. An operation the emulator answers with
   * anything but 404 is served, and must then have rows in {@link #cases()}.
   */
  @Test
  void everyOperationTheEmulatorServesHasContractCases() {
    Set<String> covered =
        cases().stream()
            .map(
                c ->
                    validator
                        .findOperation(c.method(), validator.basePath() + c.path())
                        .orElseThrow()
                        .operationId())
            .collect(Collectors.toCollection(TreeSet::new));
    List<String> uncovered = new ArrayList<>();
    try (OpenRouterEmulator emulator = OpenRouterEmulator.builder().clock(CLOCK).start()) {
      for (Operation op : validator.operations()) {
        String method = op.method().toUpperCase(java.util.Locale.ROOT);
        String body = op.node().has("requestBody") ? "{}" : null;
        EmulatorExchange probe =
            EmulatorExchange.send(
                emulator, method, op.pathTemplate(), query(), Key.VALID.header, body);
        if (probe.response().status() == 404) {
          continue;
        }
        assertResponseConforms(probe);
        if (!covered.contains(op.operationId())) {
          uncovered.add(
              op.operationId()
                  + " ("
                  + method
                  + " "
                  + op.pathTemplate()
                  + " answered "
                  + probe.response().status()
                  + ")");
        }
      }
    }
    assertTrue(
        covered.containsAll(
            List.of("getRankingsDaily", "getAppRankings", "getAnalyticsMeta", "queryAnalytics")),
        covered::toString);
    assertEquals(
        List.of(), uncovered, "the emulator serves these operations; add their rows to cases()");
  }

  /**
   * The response is documented for the operation, its body fits the schema, and error.code =
   * status.
   */
  private static void assertResponseConforms(EmulatorExchange exchange) {
    List<Violation> violations =
        validator.validateResponse(exchange.received(), exchange.response());
    assertTrue(
        violations.isEmpty(),
        () ->
            "response "
                + exchange.response().status()
                + " breaks the document: "
                + summary(violations)
                + "; body: "
                + abbreviated(exchange.response().body()));
    int status = exchange.response().status();
    if (status >= 400) {
      // "HTTP status = error.code" (OpenRouter errors documentation; every error example of the
      // spec).
      JsonNode code = json(exchange.response().body()).at("/error/code");
      assertEquals(status, code.asInt(), "error.code");
      assertFalse(
          json(exchange.response().body()).at("/error/message").asText().isBlank(),
          "error.message");
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
    return violations.size() == shown
        ? first
        : first + " and " + (violations.size() - shown) + " more";
  }

  private static String abbreviated(String body) {
    return body.length() <= 600 ? body : body.substring(0, 600) + "…";
  }
}
