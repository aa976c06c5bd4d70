package io.github.openrouterspark.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The generation log and its query engine without HTTP: aggregates against a brute-force
 * computation over the raw generations, filters, buckets, ordering, limits, caps and the log's own
 * realism.
 */
class AnalyticsLogTest {
  private static final Instant NOW = Instant.parse("2026-05-12T02:00:00Z");
  private static final Instant DAY_START = Instant.parse("2026-05-11T00:00:00Z");
  private static final Instant DAY_END = Instant.parse("2026-05-12T00:00:00Z");

  private static final ManualClock CLOCK = new ManualClock(NOW);
  private static final AnalyticsLog LOG = log(42, "emulator-account", CLOCK);

  private static AnalyticsLog log(long seed, String account, Clock clock) {
    SyntheticMarket market = new SyntheticMarket(seed, clock);
    return new AnalyticsLog(
        seed, account, market.appCatalog(), ModelTraits.of(seed, ModelCatalog.MODELS), clock);
  }

  private static List<Generation> day() {
    return LOG.generations(DAY_START, DAY_END);
  }

  // ---------------------------------------------------------------- brute force

  /** Every metric, computed here from the generations with no code shared with the engine. */
  private static Map<String, Object> expectedMetrics(List<Generation> group) {
    Map<String, Object> m = new LinkedHashMap<>();
    long n = group.size();
    long prompt = sum(group, Generation::tokensPrompt);
    long completion = sum(group, Generation::tokensCompletion);
    m.put("request_count", Long.toString(n));
    m.put("tokens_total", Long.toString(prompt + completion));
    m.put("tokens_prompt", Long.toString(prompt));
    m.put("tokens_completion", Long.toString(completion));
    m.put("reasoning_tokens", Long.toString(sum(group, Generation::reasoningTokens)));
    m.put("cached_tokens", Long.toString(sum(group, Generation::cachedTokens)));
    m.put("byok_request_count", Long.toString(group.stream().filter(Generation::byok).count()));
    m.put(
        "guardrail_invoked_count",
        Long.toString(group.stream().filter(Generation::guardrailInvoked).count()));
    m.put(
        "response_cached_count",
        Long.toString(group.stream().filter(Generation::responseCached).count()));
    m.put("total_usage", usd(group, c -> c.total()));
    m.put("byok_usage", usd(group, c -> c.byok()));
    m.put("credits_usage", usd(group, c -> c.credits()));
    m.put("openrouter_usage", usd(group, c -> c.openrouter()));
    m.put("byok_fees", usd(group, c -> c.byokFees()));
    m.put("usage_upstream", usd(group, Generation.Cost::upstream));
    m.put("usage_cache", usd(group, Generation.Cost::cache));
    m.put("usage_data", usd(group, Generation.Cost::data));
    m.put("usage_web", usd(group, Generation.Cost::web));
    m.put("usage_upstream_web", usd(group, Generation.Cost::upstreamWeb));
    m.put("usage_file", usd(group, Generation.Cost::file));
    m.put("usage_upstream_file", usd(group, Generation.Cost::upstreamFile));
    m.put("usage_web_fetch", usd(group, Generation.Cost::webFetch));
    m.put("usage_upstream_web_fetch", usd(group, Generation.Cost::upstreamWebFetch));
    List<Long> latencies = group.stream().map(Generation::latencyMs).sorted().toList();
    List<Long> throughputs = group.stream().map(Generation::throughputTenths).sorted().toList();
    m.put("avg_latency", sum(group, Generation::latencyMs) / (double) n);
    m.put("p50_latency", nearestRank(latencies, 50));
    m.put("p90_latency", nearestRank(latencies, 90));
    m.put("p99_latency", nearestRank(latencies, 99));
    m.put("avg_throughput", sum(group, Generation::throughputTenths) / (10.0 * n));
    m.put("p50_throughput", nearestRank(throughputs, 50) / 10.0);
    m.put("p90_throughput", nearestRank(throughputs, 90) / 10.0);
    m.put("p99_throughput", nearestRank(throughputs, 99) / 10.0);
    m.put("cache_hit_rate", sum(group, Generation::cachedTokens) / (double) prompt);
    m.put(
        "guardrail_invoked_rate",
        group.stream().filter(Generation::guardrailInvoked).count() / (double) n);
    m.put(
        "response_cached_rate",
        group.stream().filter(Generation::responseCached).count() / (double) n);
    return m;
  }

  private static long sum(List<Generation> group, Function<Generation, Long> value) {
    return group.stream().mapToLong(value::apply).sum();
  }

  /** Exact USD, null when no generation of the group used the part. */
  private static BigDecimal usd(List<Generation> group, Function<Generation.Cost, Long> part) {
    List<Long> used = group.stream().map(g -> part.apply(g.cost())).filter(v -> v != null).toList();
    if (used.isEmpty()) {
      return null;
    }
    return used.stream()
        .map(v -> new BigDecimal(v).movePointLeft(9))
        .reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  private static long nearestRank(List<Long> sorted, int p) {
    int rank = (int) Math.ceil(p * sorted.size() / 100.0);
    return sorted.get(Math.max(rank, 1) - 1);
  }

  /** Rows of a brute-force GROUP BY: keys by column, then the requested metrics. */
  private static List<Map<String, Object>> bruteForce(
      List<Generation> generations,
      Map<String, Function<Generation, Object>> keys,
      List<String> metrics) {
    Map<List<Object>, List<Generation>> groups = new LinkedHashMap<>();
    for (Generation g : generations) {
      List<Object> key = new ArrayList<>();
      keys.values().forEach(f -> key.add(f.apply(g)));
      groups.computeIfAbsent(key, k -> new ArrayList<>()).add(g);
    }
    List<Map<String, Object>> rows = new ArrayList<>();
    groups.forEach(
        (key, group) -> {
          Map<String, Object> row = new LinkedHashMap<>();
          int i = 0;
          for (String column : keys.keySet()) {
            row.put(column, key.get(i++));
          }
          Map<String, Object> all = expectedMetrics(group);
          metrics.forEach(metric -> row.put(metric, all.get(metric)));
          rows.add(row);
        });
    return rows;
  }

  private static final List<String> ALL_METRICS = AnalyticsLog.metricNames();

  @Test
  void everyMetricMatchesTheBruteForceOverOneDayByModelAndProvider() {
    List<Generation> day = day();
    AnalyticsResult result =
        LOG.query(
            AnalyticsQuery.of(ALL_METRICS.toArray(String[]::new))
                .withDimensions("model", "provider")
                .withTimeRange(DAY_START, DAY_END)
                .withOrderBy("model", "asc"));

    Map<String, Function<Generation, Object>> keys = new LinkedHashMap<>();
    keys.put("model", Generation::model);
    keys.put("provider", Generation::provider);
    List<Map<String, Object>> expected = bruteForce(day, keys, ALL_METRICS);
    expected.sort(
        Comparator.comparing((Map<String, Object> r) -> (String) r.get("model"))
            .thenComparing(r -> (String) r.get("provider")));

    assertFalse(result.truncated());
    assertTrue(
        expected.size() > 20, "a busy day has many model/provider pairs: " + expected.size());
    AnalyticsEndpointTest.assertSameRows(expected, result.rows());
  }

  @Test
  void totalsOverAWeekMatchTheBruteForce() {
    Instant start = Instant.parse("2026-05-04T06:30:00Z");
    Instant end = Instant.parse("2026-05-11T06:30:00Z");
    AnalyticsResult result =
        LOG.query(AnalyticsQuery.of(ALL_METRICS.toArray(String[]::new)).withTimeRange(start, end));

    List<Map<String, Object>> expected =
        bruteForce(LOG.generations(start, end), Map.of(), ALL_METRICS);
    AnalyticsEndpointTest.assertSameRows(expected, result.rows());
    assertTrue(Long.parseLong((String) result.rows().get(0).get("request_count")) > 5_000);
  }

  @Test
  void hourlyBucketsByApiKeyMatchTheBruteForceWithLabels() {
    Map<Long, String> names =
        LOG.apiKeys().stream()
            .collect(Collectors.toMap(AnalyticsLog.ApiKey::id, AnalyticsLog.ApiKey::name));
    List<String> metrics = List.of("request_count", "total_usage", "p50_latency", "usage_web");
    AnalyticsResult result =
        LOG.query(
            AnalyticsQuery.of(metrics.toArray(String[]::new))
                .withDimensions("api_key_id")
                .withGranularity("hour")
                .withTimeRange(DAY_START, DAY_END)
                .withOrderBy("date", "asc"));

    Map<String, Function<Generation, Object>> keys = new LinkedHashMap<>();
    keys.put(
        "date__hour",
        g -> g.createdAt().truncatedTo(ChronoUnit.HOURS).toString().replace("Z", ".000Z"));
    keys.put("api_key_id", g -> g.apiKeyId());
    List<Map<String, Object>> expected = bruteForce(day(), keys, metrics);
    // Order: date ascending, then the key's numeric id (the underlying value), then label it.
    expected.sort(
        Comparator.comparing((Map<String, Object> r) -> (String) r.get("date__hour"))
            .thenComparing(r -> (Long) r.get("api_key_id")));
    expected.forEach(r -> r.put("api_key_id", names.get((Long) r.get("api_key_id"))));

    assertEquals(24, expected.stream().map(r -> r.get("date__hour")).distinct().count());
    AnalyticsEndpointTest.assertSameRows(expected, result.rows());
  }

  @Test
  void userRowsCarryNameAndEmailButNeverTheId() {
    AnalyticsResult result =
        LOG.query(
            AnalyticsQuery.of("request_count")
                .withDimensions("user")
                .withTimeRange(DAY_START, DAY_END));

    Map<String, AnalyticsLog.User> byId =
        LOG.users().stream().collect(Collectors.toMap(AnalyticsLog.User::id, u -> u));
    Map<String, Long> counts =
        day().stream().collect(Collectors.groupingBy(Generation::userId, Collectors.counting()));
    assertEquals(counts.size(), result.rows().size());
    for (Map<String, Object> row : result.rows()) {
      assertEquals(List.of("user", "user_email", "request_count"), List.copyOf(row.keySet()));
      AnalyticsLog.User user =
          byId.values().stream()
              .filter(
                  u ->
                      java.util.Objects.equals(u.name(), row.get("user"))
                          && java.util.Objects.equals(u.email(), row.get("user_email")))
              .findFirst()
              .orElseThrow();
      assertEquals(Long.toString(counts.get(user.id())), row.get("request_count"));
    }
    assertTrue(
        LOG.users().stream().anyMatch(u -> u.name() == null), "a user without a display name");
    assertTrue(LOG.users().stream().anyMatch(u -> u.email() == null), "a user without an email");
  }

  @Test
  void workspaceAndAppRowsShowLabelsAndUnsetAppsAreNull() {
    AnalyticsResult result =
        LOG.query(
            AnalyticsQuery.of("request_count")
                .withDimensions("workspace", "app")
                .withTimeRange(DAY_START, DAY_END));

    Set<String> workspaceNames =
        LOG.workspaces().stream().map(AnalyticsLog.Workspace::name).collect(Collectors.toSet());
    Set<Object> apps = new HashSet<>();
    for (Map<String, Object> row : result.rows()) {
      assertTrue(workspaceNames.contains(row.get("workspace")), row::toString);
      apps.add(row.get("app"));
    }
    assertTrue(apps.contains(null), "requests without app attribution");
    assertTrue(apps.contains(LOG.appName(AppCatalog.DOUBLE_UNSAFE_ID)), apps::toString);
  }

  // ---------------------------------------------------------------- filters

  private static long count(AnalyticsQuery.Filter... filters) {
    AnalyticsResult result =
        LOG.query(
            AnalyticsQuery.of("request_count")
                .withTimeRange(DAY_START, DAY_END)
                .withFilters(filters));
    return result.rows().isEmpty()
        ? 0
        : Long.parseLong((String) result.rows().get(0).get("request_count"));
  }

  private static long count(Predicate<Generation> predicate) {
    return day().stream().filter(predicate).count();
  }

  private static AnalyticsQuery.Filter f(String field, String op, Object value) {
    return new AnalyticsQuery.Filter(field, op, value);
  }

  @Test
  void filtersMatchTheirPredicates() {
    Generation sample = day().get(day().size() / 2);
    String model = sample.model();
    long key = sample.apiKeyId();
    String hash =
        LOG.apiKeys().stream().filter(k -> k.id() == key).findFirst().orElseThrow().hash();

    assertEquals(count(g -> g.model().equals(model)), count(f("model", "eq", model)));
    assertEquals(count(g -> !g.model().equals(model)), count(f("model", "neq", model)));
    assertEquals(count(g -> g.apiKeyId() == key), count(f("api_key_id", "eq", (double) key)));
    assertEquals(count(g -> g.apiKeyId() == key), count(f("api_key_id", "eq", Long.toString(key))));
    assertEquals(count(g -> g.apiKeyId() == key), count(f("api_key_id", "eq", hash.toUpperCase())));
    assertEquals(count(g -> g.apiKeyId() > key), count(f("api_key_id", "gt", (double) key)));
    assertEquals(
        count(g -> g.apiKeyId() <= key), count(f("api_key_id", "lte", Long.toString(key))));
    assertEquals(
        count(g -> g.country().equals("US") || g.country().equals("DE")),
        count(f("country", "in", List.of("US", "DE"))));
    assertEquals(
        count(g -> g.tokensPrompt() > 10_000),
        count(f("context_length_bucket", "in", List.of("100K", "1M", "10M"))));
    assertEquals(
        count(g -> g.contextLengthBucket().compareTo("1K") >= 0),
        count(f("context_length_bucket", "gte", "1K")));
    assertEquals(
        count(g -> g.finishReason().equals("stop") && g.variant().equals("standard")),
        count(f("finish_reason", "eq", "stop"), f("variant", "eq", "standard")));
    assertEquals(0, count(f("model", "in", List.of())));
    assertEquals(day().size(), count(f("model", "not_in", List.of())));
  }

  @Test
  void unsetValuesMatchOnlyInAndNotInWithIncludeUnset() {
    long appId = AppCatalog.DOUBLE_UNSAFE_ID;
    long attributed = count(g -> g.appId() != null);
    long unset = count(g -> g.appId() == null);
    long chatbot = count(g -> g.appId() != null && g.appId() == appId);
    assertTrue(unset > 0 && chatbot > 0 && attributed > chatbot);

    assertEquals(attributed - chatbot, count(f("app", "neq", Long.toString(appId))));
    assertEquals(attributed - chatbot, count(f("app", "not_in", List.of(Long.toString(appId)))));
    assertEquals(
        attributed - chatbot + unset,
        count(new AnalyticsQuery.Filter("app", "not_in", List.of(Long.toString(appId)), true)));
    assertEquals(
        chatbot + unset,
        count(new AnalyticsQuery.Filter("app", "in", List.of(Long.toString(appId)), true)));
    assertEquals(
        chatbot, count(new AnalyticsQuery.Filter("app", "eq", Long.toString(appId), true)));
    assertEquals(count(g -> g.origin() != null), count(f("origin", "gte", "")));
  }

  /** JSON numbers are doubles: 2^53+1 arrives as 2^53, which the id does equal as a double. */
  @Test
  void numericFiltersHaveDoublePrecision() {
    long id = AppCatalog.DOUBLE_UNSAFE_ID;
    long exact = count(f("app", "eq", Long.toString(id)));
    assertTrue(exact > 0);
    assertEquals(exact, count(f("app", "eq", (double) id)));
    // Its neighbour 2^53 as a number is the same double; as a string it matches nothing.
    assertEquals((double) id, (double) (id - 1));
    assertEquals(exact, count(f("app", "eq", (double) (id - 1))));
    assertEquals(0, count(f("app", "eq", Long.toString(id - 1))));
    assertEquals(0, count(f("app", "eq", "99999999999999999999")));
  }

  @Test
  void unknownKeyHashWarnsAndMatchesNothing() {
    String unknown = "0".repeat(64);
    AnalyticsResult result =
        LOG.query(
            AnalyticsQuery.of("request_count")
                .withTimeRange(DAY_START, DAY_END)
                .withFilters(f("api_key_id", "neq", unknown)));

    assertEquals(List.of("Could not resolve api_key_id hash: 000000000000..."), result.warnings());
    assertEquals(Long.toString(day().size()), result.rows().get(0).get("request_count"));
    assertEquals(0, count(f("api_key_id", "eq", unknown)));
    assertEquals(0, count(f("api_key_id", "gt", unknown)));
  }

  @Test
  void numbersFilterStringDimensionsByTheirJavaScriptText() {
    assertEquals(0, count(f("country", "eq", 1.0)));
    assertEquals(JsonTypes.javaScriptString(1.0), "1");
    assertEquals(JsonTypes.javaScriptString(2.5), "2.5");
  }

  // ---------------------------------------------------------------- buckets

  @Test
  void weeksStartOnSundayAndMonthsOnTheFirst() {
    Instant start = Instant.parse("2026-03-20T00:00:00Z");
    Instant end = Instant.parse("2026-05-12T00:00:00Z");
    AnalyticsResult weeks =
        LOG.query(
            AnalyticsQuery.of("request_count")
                .withGranularity("week")
                .withTimeRange(start, end)
                .withOrderBy("date", "asc"));
    AnalyticsResult months =
        LOG.query(
            AnalyticsQuery.of("request_count")
                .withGranularity("month")
                .withTimeRange(start, end)
                .withOrderBy("date", "asc"));

    List<String> weekStarts = weeks.rows().stream().map(r -> (String) r.get("date__week")).toList();
    assertEquals(
        "2026-03-15T00:00:00.000Z", weekStarts.get(0), "the first bucket starts before the window");
    for (String week : weekStarts) {
      assertEquals(
          DayOfWeek.SUNDAY,
          LocalDate.ofInstant(Instant.parse(week), ZoneOffset.UTC).getDayOfWeek(),
          week);
    }
    assertEquals(
        List.of("2026-03-01T00:00:00.000Z", "2026-04-01T00:00:00.000Z", "2026-05-01T00:00:00.000Z"),
        months.rows().stream().map(r -> r.get("date__month")).toList());
    long total = LOG.generations(start, end).size();
    assertEquals(
        total,
        weeks.rows().stream()
            .mapToLong(r -> Long.parseLong((String) r.get("request_count")))
            .sum());
    assertEquals(
        total,
        months.rows().stream()
            .mapToLong(r -> Long.parseLong((String) r.get("request_count")))
            .sum());
  }

  @Test
  void minuteBucketsExistOnlyWhereGenerationsAre() {
    Instant start = Instant.parse("2026-05-11T03:00:00Z");
    Instant end = Instant.parse("2026-05-11T06:00:00Z");
    AnalyticsResult result =
        LOG.query(
            AnalyticsQuery.of("request_count").withGranularity("minute").withTimeRange(start, end));

    Map<String, Long> expected =
        LOG.generations(start, end).stream()
            .collect(
                Collectors.groupingBy(
                    g ->
                        g.createdAt()
                            .truncatedTo(ChronoUnit.MINUTES)
                            .toString()
                            .replace("Z", ".000Z"),
                    TreeMap::new,
                    Collectors.counting()));
    Map<String, Long> actual = new TreeMap<>();
    result
        .rows()
        .forEach(
            r ->
                actual.put(
                    (String) r.get("date__minute"),
                    Long.parseLong((String) r.get("request_count"))));
    assertEquals(expected, actual);
    assertTrue(actual.size() < 180, "quiet minutes have no row");
    // Default order without order_by: newest bucket first.
    assertEquals(
        ((TreeMap<String, Long>) expected).lastKey(), result.rows().get(0).get("date__minute"));
  }

  // ---------------------------------------------------------------- order, limits

  @Test
  void orderByAMetricOrRequestCountWithoutRequestingIt() {
    AnalyticsResult byUsage =
        LOG.query(
            AnalyticsQuery.of("total_usage")
                .withDimensions("model")
                .withTimeRange(DAY_START, DAY_END)
                .withOrderBy("total_usage", "asc"));
    AnalyticsResult byCount =
        LOG.query(
            AnalyticsQuery.of("total_usage")
                .withDimensions("model")
                .withTimeRange(DAY_START, DAY_END)
                .withOrderBy("request_count", "desc"));

    List<BigDecimal> usage =
        byUsage.rows().stream().map(r -> (BigDecimal) r.get("total_usage")).toList();
    assertEquals(usage.stream().sorted().toList(), usage);
    Map<String, Long> counts =
        day().stream().collect(Collectors.groupingBy(Generation::model, Collectors.counting()));
    List<Long> inOrder =
        byCount.rows().stream().map(r -> counts.get((String) r.get("model"))).toList();
    assertEquals(inOrder.stream().sorted(Comparator.reverseOrder()).toList(), inOrder);
    assertEquals(
        List.of("model", "total_usage"),
        List.copyOf(byCount.rows().get(0).keySet()),
        "request_count not added");
  }

  @Test
  void defaultOrderWithoutGranularityIsTheFirstMetricDescending() {
    AnalyticsResult result =
        LOG.query(
            AnalyticsQuery.of("tokens_total", "request_count")
                .withDimensions("provider")
                .withTimeRange(DAY_START, DAY_END));

    List<Long> tokens =
        result.rows().stream().map(r -> Long.parseLong((String) r.get("tokens_total"))).toList();
    assertEquals(
        tokens.stream().sorted(Comparator.reverseOrder()).toList(),
        tokens,
        "numeric, not string, order");
  }

  @Test
  void nullsSortLastInBothDirections() {
    for (String direction : List.of("asc", "desc")) {
      AnalyticsResult result =
          LOG.query(
              AnalyticsQuery.of("request_count", "usage_file")
                  .withDimensions("model")
                  .withTimeRange(DAY_START, DAY_END)
                  .withOrderBy("usage_file", direction));
      List<Object> files = result.rows().stream().map(r -> r.get("usage_file")).toList();
      int firstNull = files.indexOf(null);
      assertTrue(firstNull > 0, direction + ": some models parsed files, some did not: " + files);
      assertTrue(
          files.subList(firstNull, files.size()).stream().allMatch(v -> v == null), direction);
    }
  }

  @Test
  void limitTruncatesAndSaysSo() {
    AnalyticsQuery query =
        AnalyticsQuery.of("request_count")
            .withDimensions("model")
            .withTimeRange(DAY_START, DAY_END);
    AnalyticsResult all = LOG.query(query);
    AnalyticsResult top3 = LOG.query(query.withLimit(3));
    AnalyticsResult exact = LOG.query(query.withLimit(all.rows().size()));

    assertFalse(all.truncated());
    assertEquals(all.rows().subList(0, 3), top3.rows());
    assertTrue(top3.truncated());
    assertFalse(exact.truncated());
  }

  @Test
  void groupLimitKeepsTheFirstRowsOfEachCombination() {
    AnalyticsQuery query =
        AnalyticsQuery.of("request_count")
            .withDimensions("api_key_id")
            .withGranularity("hour")
            .withTimeRange(DAY_START, DAY_END)
            .withOrderBy("request_count", "desc");
    AnalyticsResult full = LOG.query(query);
    AnalyticsResult top2 = LOG.query(query.withGroupLimit(2));

    Map<Object, List<Map<String, Object>>> perKey = new LinkedHashMap<>();
    full.rows()
        .forEach(r -> perKey.computeIfAbsent(r.get("api_key_id"), k -> new ArrayList<>()).add(r));
    List<Map<String, Object>> expected =
        full.rows().stream().filter(r -> perKey.get(r.get("api_key_id")).indexOf(r) < 2).toList();
    assertEquals(expected, top2.rows());
    assertFalse(top2.truncated(), "group_limit cuts do not count as truncation");
  }

  /** Time series with dimensions and neither limit nor group_limit: the default 1000 is raised. */
  @Test
  void defaultLimitIsRaisedForTimeSeriesWithDimensions() {
    Instant start = Instant.parse("2026-05-08T00:00:00Z");
    AnalyticsQuery query =
        AnalyticsQuery.of("request_count")
            .withDimensions("model", "provider")
            .withGranularity("hour")
            .withTimeRange(start, DAY_END);
    AnalyticsResult raised = LOG.query(query);
    AnalyticsResult explicit = LOG.query(query.withLimit(1000));

    assertTrue(raised.rows().size() > 1000, "rows: " + raised.rows().size());
    assertFalse(raised.truncated());
    assertEquals(1000, explicit.rows().size());
    assertTrue(explicit.truncated());
  }

  @Test
  void truthValidatesLikeTheEndpoint() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                LOG.query(
                    AnalyticsQuery.of("request_count").withDimensions("model", "app", "user")));
    assertEquals("dimensions: Too big: expected array to have <=2 items", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> LOG.query(AnalyticsQuery.of()));
    assertThrows(
        IllegalArgumentException.class,
        () -> LOG.query(AnalyticsQuery.of("request_count").withFilters(f("model", "eq", true))));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            LOG.query(
                new AnalyticsQuery(
                    java.util.Arrays.asList("request_count", null),
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null)));
  }

  // ---------------------------------------------------------------- the log itself

  @Test
  void sameSeedSameLogOtherAccountOtherLog() {
    AnalyticsLog again = log(42, "emulator-account", CLOCK);
    AnalyticsLog other = log(42, "globex", CLOCK);
    AnalyticsLog reseeded = log(7, "emulator-account", CLOCK);

    assertEquals(day(), again.generations(DAY_START, DAY_END));
    assertEquals(LOG.apiKeys(), again.apiKeys());
    assertNotEquals(day(), other.generations(DAY_START, DAY_END));
    assertNotEquals(day(), reseeded.generations(DAY_START, DAY_END));
  }

  @Test
  void generationsStopAtTheClockAndStartIn2025() {
    ManualClock clock = new ManualClock(NOW);
    AnalyticsLog log = log(42, "emulator-account", clock);

    List<Generation> today =
        log.generations(
            Instant.parse("2026-05-12T00:00:00Z"), Instant.parse("2026-05-13T00:00:00Z"));
    assertFalse(today.isEmpty());
    assertTrue(today.stream().allMatch(g -> !g.createdAt().isAfter(NOW)));
    clock.advance(Duration.ofDays(1));
    assertTrue(
        log.generations(
                    Instant.parse("2026-05-12T00:00:00Z"), Instant.parse("2026-05-13T00:00:00Z"))
                .size()
            > today.size() * 3);
    assertEquals(
        List.of(),
        log.generations(
            Instant.parse("2024-06-01T00:00:00Z"), Instant.parse("2025-01-01T00:00:00Z")));
    assertFalse(
        log.generations(
                Instant.parse("2025-01-01T00:00:00Z"), Instant.parse("2025-01-02T00:00:00Z"))
            .isEmpty());
  }

  @Test
  void generationsAreSelfConsistent() {
    List<Generation> week = LOG.generations(Instant.parse("2026-05-04T00:00:00Z"), DAY_END);
    Set<String> ids = new HashSet<>();
    Set<String> models = new HashSet<>();
    ModelCatalog.MODELS.forEach(m -> models.add(m.permaslug().replaceAll(":.*", "")));
    Set<Long> keys =
        LOG.apiKeys().stream().map(AnalyticsLog.ApiKey::id).collect(Collectors.toSet());
    long negativeData = 0;
    long positiveData = 0;
    for (Generation g : week) {
      assertTrue(ids.add(g.id()), g.id());
      assertTrue(g.id().startsWith("gen-" + g.createdAt().getEpochSecond() + "-"), g.id());
      assertTrue(models.contains(g.model()), g.model());
      assertTrue(keys.contains(g.apiKeyId()));
      assertTrue(
          g.cachedTokens() <= g.tokensPrompt() && g.reasoningTokens() <= g.tokensCompletion(),
          g::toString);
      assertEquals(TrafficModel.bucket(g.tokensPrompt()), g.contextLengthBucket());
      Generation.Cost c = g.cost();
      assertEquals(c.total(), c.credits() + c.byok(), g::toString);
      assertEquals(c.openrouter(), c.credits() - c.byokFees(), g::toString);
      assertTrue(c.total() >= 0, g::toString);
      boolean charged = !g.responseCached() && !g.finishReason().equals("error");
      assertEquals(charged && g.variant().equals("online"), c.web() != null, g::toString);
      assertEquals(charged, c.upstream() != null, g::toString);
      if (g.responseCached()) {
        assertEquals(0, c.total());
        assertNull(c.upstream());
      }
      if (c.data() != null) {
        if (c.data() < 0) {
          negativeData++;
        } else {
          positiveData++;
        }
      }
      assertEquals(g.throughput(), g.throughputTenths() / 10.0);
    }
    assertTrue(
        negativeData > 20 * positiveData,
        negativeData + " discounts, " + positiveData + " surcharges");
    assertTrue(week.stream().anyMatch(Generation::byok));
    assertTrue(
        week.stream()
            .map(Generation::variant)
            .collect(Collectors.toSet())
            .containsAll(List.of("standard", "nitro", "online")));
    assertTrue(
        week.stream()
            .map(Generation::finishReason)
            .collect(Collectors.toSet())
            .containsAll(List.of("stop", "length", "tool_calls", "error")));
  }

  @Test
  void volumeIsRealisticAndGrows() {
    int early =
        LOG.generations(
                Instant.parse("2025-02-03T00:00:00Z"), Instant.parse("2025-02-10T00:00:00Z"))
            .size();
    int late =
        LOG.generations(
                Instant.parse("2026-05-04T00:00:00Z"), Instant.parse("2026-05-11T00:00:00Z"))
            .size();
    assertTrue(early > 7 * 300 && early < 7 * 3_000, "early 2025: " + early / 7 + " a day");
    assertTrue(late > early, early + " then " + late);
    assertTrue(late < 7 * 5_000, "2026: " + late / 7 + " a day");
  }

  @Test
  void aYearOfTotalsIsCheap() {
    long started = System.nanoTime();
    AnalyticsResult result =
        LOG.query(
            AnalyticsQuery.of("request_count", "total_usage")
                .withDimensions("model")
                .withTimeRange(Instant.parse("2025-05-12T00:00:00Z"), DAY_END));
    long millis = (System.nanoTime() - started) / 1_000_000;

    assertTrue(result.rows().size() > 30);
    assertTrue(millis < 20_000, millis + " ms");
  }
}
