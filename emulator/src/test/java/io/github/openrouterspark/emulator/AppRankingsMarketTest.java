package io.github.openrouterspark.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The app-rankings ground truth of {@link SyntheticMarket}: the catalog's promises, and popular and
 * trending recomputed here from the per-day truth ({@link SyntheticMarket#appTokens}) by a
 * deliberately different route (BigInteger sums, BigDecimal means, a stable sort of all apps).
 */
class AppRankingsMarketTest {
  private static final Instant NOW = Instant.parse("2026-05-12T02:00:00Z");
  private static final LocalDate YESTERDAY = LocalDate.of(2026, 5, 11);
  private static final SyntheticMarket MARKET = market(42);

  private static SyntheticMarket market(long seed) {
    return new SyntheticMarket(seed, Clock.fixed(NOW, ZoneOffset.UTC));
  }

  private static List<AppSpec> listed(SyntheticMarket market) {
    return market.appCatalog().apps().stream().filter(AppSpec::visible).toList();
  }

  @Test
  void catalogHasThreeHundredListedAppsWithUniqueIdsTagsAndAwkwardNames() {
    List<AppSpec> all = MARKET.appCatalog().apps();
    List<AppSpec> listed = listed(MARKET);

    assertEquals(300, listed.size());
    assertEquals(all.size(), all.stream().map(AppSpec::appId).distinct().count(), "unique ids");
    assertTrue(all.stream().allMatch(a -> a.appId() > 0));
    assertTrue(
        listed.stream().filter(a -> a.appId() > Integer.MAX_VALUE).count() >= 30, "ids above 2^31");
    assertTrue(
        listed.stream().anyMatch(a -> a.appId() == (1L << 53) + 1), "an id doubles cannot hold");
    assertTrue(
        listed.stream()
            .allMatch(a -> a.subcategories().size() >= 1 && a.subcategories().size() <= 3));
    assertTrue(listed.stream().anyMatch(a -> a.subcategories().size() == 3));
    assertTrue(
        listed.stream()
            .anyMatch(
                a ->
                    a.subcategories().stream().map(Marketplace::categoryOf).distinct().count() > 1),
        "some apps belong to two category groups");
    for (String subcategory : Marketplace.SUBCATEGORIES) {
      assertTrue(
          listed.stream().filter(a -> a.subcategories().contains(subcategory)).count() >= 2,
          subcategory);
    }
    Set<String> names = listed.stream().map(AppSpec::name).collect(Collectors.toSet());
    for (AppNames.SpecialName special : AppNames.SPECIAL_NAMES) {
      assertTrue(names.contains(special.name()), special.name());
    }
    assertEquals(
        2,
        listed.stream().filter(a -> a.name().equals("AI Chat")).count(),
        "a shared display name");
    assertTrue(
        names.stream().allMatch(n -> n.chars().noneMatch(c -> c < 0x20)), "no control characters");
    assertEquals(
        AppCatalog.HIDDEN_APPS,
        all.stream().filter(a -> a.visibility() == AppSpec.Visibility.HIDDEN).count());
    assertEquals(
        AppCatalog.ALIASES,
        all.stream().filter(a -> a.visibility() == AppSpec.Visibility.ALIAS).count());
  }

  @Test
  void catalogIsDeterministicPerSeed() {
    assertEquals(MARKET.appCatalog().apps(), market(42).appCatalog().apps());
    assertEquals(
        MARKET.appRankings(null, null, "trending", null, null),
        market(42).appRankings(null, null, "trending", null, null));
    assertNotEquals(
        listed(MARKET).stream().map(AppSpec::appId).toList(),
        listed(market(7)).stream().map(AppSpec::appId).toList());
    assertNotEquals(
        MARKET.appRankings(null, null, null, null, null),
        market(7).appRankings(null, null, null, null, null));
  }

  @Test
  void subcategoryGroupsFollowTheDocsAndCoverTheSpecEnum() {
    Map<String, List<String>> groups = SyntheticMarket.subcategoryGroups();

    assertEquals(
        List.of("coding", "creative", "productivity", "entertainment"),
        List.copyOf(groups.keySet()));
    assertEquals(
        List.of(
            "cli-agent", "ide-extension", "cloud-agent", "programming-app", "native-app-builder"),
        groups.get("coding"));
    assertEquals(
        List.of("creative-writing", "video-gen", "image-gen", "audio-gen"), groups.get("creative"));
    assertEquals(
        List.of("writing-assistant", "general-chat", "personal-agent", "legal"),
        groups.get("productivity"));
    assertEquals(List.of("roleplay", "game"), groups.get("entertainment"));
    assertEquals(
        Set.copyOf(Marketplace.SUBCATEGORIES),
        groups.values().stream().flatMap(List::stream).collect(Collectors.toSet()));
    assertThrows(UnsupportedOperationException.class, () -> groups.put("x", List.of()));
  }

  @Test
  void popularMatchesAnIndependentComputationForEveryFilter() {
    LocalDate start = LocalDate.of(2026, 4, 11);
    for (String[] filter : filters()) {
      List<AppRankingRow> expected =
          popular(MARKET, start, YESTERDAY, predicate(filter[0], filter[1]));

      assertEquals(
          expected,
          MARKET.appRankings(start, YESTERDAY, "popular", filter[0], filter[1]),
          String.join("/", filter));
    }
    // The defaults: popular over the 31 days ending yesterday.
    assertEquals(
        MARKET.appRankings(start, YESTERDAY, "popular", null, null),
        MARKET.appRankings(null, null, null, null, null));
  }

  @Test
  void trendingMatchesAnIndependentComputationForEveryFilter() {
    for (LocalDate[] window :
        List.of(
            new LocalDate[] {LocalDate.of(2026, 4, 11), YESTERDAY},
            new LocalDate[] {LocalDate.of(2025, 11, 3), LocalDate.of(2025, 11, 9)},
            new LocalDate[] {LocalDate.of(2025, 2, 1), LocalDate.of(2025, 3, 31)})) {
      for (String[] filter : filters()) {
        List<AppRankingRow> expected =
            trending(MARKET, window[0], window[1], predicate(filter[0], filter[1]));
        List<AppRankingRow> actual =
            MARKET.appRankings(window[0], window[1], "trending", filter[0], filter[1]);

        assertEquals(expected, actual, window[0] + " " + String.join("/", filter));
      }
    }
  }

  @Test
  void trendingIsAShorterDifferentlyOrderedSubsetOfPopular() {
    List<AppRankingRow> popular = MARKET.appRankings(null, null, "popular", null, null);
    List<AppRankingRow> trending = MARKET.appRankings(null, null, "trending", null, null);
    Map<Long, AppRankingRow> popularById =
        popular.stream().collect(Collectors.toMap(AppRankingRow::appId, r -> r));

    assertTrue(trending.size() < popular.size() - 50, trending.size() + " vs " + popular.size());
    assertTrue(
        trending.size() > 100 && trending.size() < 200,
        "a trending page at offset 100 is short: " + trending.size());
    assertNotEquals(
        popular.stream().limit(50).map(AppRankingRow::appId).toList(),
        trending.stream().limit(50).map(AppRankingRow::appId).toList());
    for (AppRankingRow row : trending) {
      AppRankingRow same = popularById.get(row.appId());
      // The row still carries the window's volume, not the excess.
      assertEquals(same.totalTokens(), row.totalTokens(), row.toString());
      assertEquals(same.totalRequests(), row.totalRequests());
      assertEquals(same.appName(), row.appName());
    }
    // Some app in the popular top 10 is shrinking, so it is not trending at all.
    assertTrue(
        popular.stream()
            .limit(10)
            .anyMatch(r -> trending.stream().noneMatch(t -> t.appId() == r.appId())));
    // Some app with a high trending rank is far down the popular list.
    assertTrue(
        trending.stream()
            .limit(30)
            .anyMatch(t -> popularById.get(t.appId()).rank() > t.rank() + 20),
        "a small, fast-growing app");
  }

  @Test
  void ranksAreOneToNWithTiesBrokenByAppId() {
    for (String sort : List.of("popular", "trending")) {
      for (String[] filter : filters()) {
        List<AppRankingRow> rows = MARKET.appRankings(null, null, sort, filter[0], filter[1]);
        for (int i = 0; i < rows.size(); i++) {
          assertEquals(i + 1, rows.get(i).rank());
        }
        assertEquals(rows.size(), rows.stream().map(AppRankingRow::appId).distinct().count());
      }
    }
    // The twin apps tie exactly in every window; the lower id comes first.
    List<AppRankingRow> popular = MARKET.appRankings(null, null, null, null, null);
    int ties = 0;
    for (int i = 1; i < popular.size(); i++) {
      if (popular.get(i).totalTokens().equals(popular.get(i - 1).totalTokens())) {
        assertTrue(popular.get(i - 1).appId() < popular.get(i).appId(), popular.get(i).toString());
        ties++;
      }
    }
    assertTrue(ties >= 2, "ties: " + ties);
  }

  @Test
  void appsWithoutTrafficInTheWindowAreLeftOut() {
    List<AppRankingRow> popular = MARKET.appRankings(null, null, null, null, null);
    Set<Long> ids = popular.stream().map(AppRankingRow::appId).collect(Collectors.toSet());

    assertTrue(
        popular.stream().allMatch(r -> r.totalTokens().signum() > 0 && r.totalRequests() > 0));
    List<AppSpec> silent = listed(MARKET).stream().filter(a -> !ids.contains(a.appId())).toList();
    assertFalse(silent.isEmpty(), "some apps launch later or have shut down");
    for (AppSpec app : silent) {
      for (LocalDate day = LocalDate.of(2026, 4, 11);
          !day.isAfter(YESTERDAY);
          day = day.plusDays(1)) {
        assertEquals(BigInteger.ZERO, MARKET.appTokens(app.appId(), day), app.name());
      }
    }
    // Before the dataset there is nothing; in the far future nothing either.
    assertEquals(
        List.of(),
        MARKET.appRankings(LocalDate.of(2027, 1, 1), LocalDate.of(2027, 1, 31), null, null, null));
    assertEquals(
        List.of(),
        MARKET.appRankings(
            LocalDate.of(2027, 1, 1), LocalDate.of(2027, 1, 31), "trending", null, null));
  }

  @Test
  void hiddenAppsCarryTrafficButAreNeverListed() {
    SyntheticMarket market = MARKET;
    List<AppSpec> all = market.appCatalog().apps();
    Set<Long> unlisted =
        all.stream().filter(a -> !a.visible()).map(AppSpec::appId).collect(Collectors.toSet());
    Set<Long> seen = new HashSet<>();
    for (String sort : List.of("popular", "trending")) {
      for (String[] filter : filters()) {
        market
            .appRankings(LocalDate.of(2025, 5, 12), YESTERDAY, sort, filter[0], filter[1])
            .forEach(r -> seen.add(r.appId()));
        market
            .appRankings(null, null, sort, filter[0], filter[1])
            .forEach(r -> seen.add(r.appId()));
      }
    }
    assertTrue(seen.size() > 200, "seen " + seen.size());
    assertEquals(Set.of(), intersection(seen, unlisted));
    assertTrue(
        seen.stream()
            .allMatch(
                id -> market.appCatalog().apps().get(market.appCatalog().indexOf(id)).visible()));

    // The busiest hidden app out-trades every listed one in the default window.
    int giant =
        all.indexOf(
            all.stream()
                .filter(a -> a.visibility() == AppSpec.Visibility.HIDDEN)
                .findFirst()
                .orElseThrow());
    long giantTokens = 0;
    for (LocalDate day = LocalDate.of(2026, 4, 11);
        !day.isAfter(YESTERDAY);
        day = day.plusDays(1)) {
      giantTokens += market.appDayTokens(day, NOW)[giant];
    }
    BigInteger top = market.appRankings(null, null, null, null, null).get(0).totalTokens();
    assertTrue(BigInteger.valueOf(giantTokens).compareTo(top) > 0, giantTokens + " vs " + top);
    assertThrows(
        IllegalArgumentException.class, () -> market.appTokens(all.get(giant).appId(), YESTERDAY));
  }

  @Test
  void aliasTrafficIsMergedIntoItsCanonicalApp() {
    List<AppSpec> all = MARKET.appCatalog().apps();
    AppSpec alias =
        all.stream()
            .filter(
                a -> a.visibility() == AppSpec.Visibility.ALIAS && a.profile().retired() == null)
            .findFirst()
            .orElseThrow();
    int aliasIndex = all.indexOf(alias);
    int canonicalIndex = MARKET.appCatalog().indexOf(alias.canonicalAppId());
    long[] day = MARKET.appDayTokens(YESTERDAY, NOW);

    assertTrue(day[aliasIndex] > 0);
    assertEquals(
        BigInteger.valueOf(day[aliasIndex] + day[canonicalIndex]),
        MARKET.appTokens(alias.canonicalAppId(), YESTERDAY));
    AppRankingRow row =
        MARKET.appRankings(YESTERDAY, YESTERDAY, null, null, null).stream()
            .filter(r -> r.appId() == alias.canonicalAppId())
            .findFirst()
            .orElseThrow();
    assertEquals(BigInteger.valueOf(day[aliasIndex] + day[canonicalIndex]), row.totalTokens());
    long[] requests = MARKET.requestsOf(day);
    assertEquals(requests[aliasIndex] + requests[canonicalIndex], row.totalRequests());
    assertThrows(IllegalArgumentException.class, () -> MARKET.appTokens(alias.appId(), YESTERDAY));
  }

  @Test
  void requestsAreTokensOverTheAppsRequestSizeRoundedUpPerDay() {
    AppRankingRow top = MARKET.appRankings(YESTERDAY, YESTERDAY, null, null, null).get(0);
    AppSpec app = MARKET.appCatalog().apps().get(MARKET.appCatalog().indexOf(top.appId()));

    long size = app.avgTokensPerRequest();
    assertEquals((top.totalTokens().longValueExact() + size - 1) / size, top.totalRequests());
    assertEquals(top.totalRequests(), MARKET.appRequests(top.appId(), YESTERDAY));
    // Coding apps send far bigger requests than chat apps.
    double coding = medianTokensPerRequest("coding");
    double creative = medianTokensPerRequest("creative");
    assertTrue(coding > 3 * creative, coding + " vs " + creative);
  }

  @Test
  void todayCountsPartiallyAndTheFutureNotAtAll() {
    SyntheticMarket morning =
        new SyntheticMarket(42, Clock.fixed(Instant.parse("2026-05-12T06:00:00Z"), ZoneOffset.UTC));
    SyntheticMarket tomorrow =
        new SyntheticMarket(42, Clock.fixed(Instant.parse("2026-05-13T00:00:00Z"), ZoneOffset.UTC));
    LocalDate today = LocalDate.of(2026, 5, 12);
    AppRankingRow top = tomorrow.appRankings(today, today, null, null, null).get(0);

    List<AppRankingRow> partial = morning.appRankings(today, today.plusDays(5), null, null, null);
    AppRankingRow same =
        partial.stream().filter(r -> r.appId() == top.appId()).findFirst().orElseThrow();
    BigInteger quarter = BigInteger.ZERO;
    for (AppSpec app : morning.appCatalog().apps()) {
      if (app.canonicalAppId() == top.appId()) {
        int i = morning.appCatalog().apps().indexOf(app);
        quarter =
            quarter.add(
                BigInteger.valueOf(
                    tomorrow.appDayTokens(today, Instant.parse("2026-05-13T00:00:00Z"))[i] / 4));
      }
    }
    assertEquals(quarter, same.totalTokens());
    assertEquals(BigInteger.ZERO, morning.appTokens(top.appId(), today.plusDays(1)));
  }

  @Test
  void truthApiValidatesLikeTheEndpoint() {
    IllegalArgumentException mismatch =
        assertThrows(
            IllegalArgumentException.class,
            () -> MARKET.appRankings(null, null, null, "coding", "legal"));
    assertTrue(
        mismatch.getMessage().startsWith("subcategory: 'legal' is not in category 'coding'"),
        mismatch.getMessage());
    assertThrows(
        IllegalArgumentException.class, () -> MARKET.appRankings(null, null, "hot", null, null));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            MARKET.appRankings(
                LocalDate.of(2025, 1, 1), LocalDate.of(2026, 1, 2), null, null, null));
    // Clamping, as the endpoint does it.
    assertEquals(
        MARKET.appRankings(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 2, 1), null, null, null),
        MARKET.appRankings(LocalDate.of(2024, 1, 1), LocalDate.of(2025, 2, 1), null, null, null));
    // Subcategory precedence: a consistent category changes nothing.
    assertEquals(
        MARKET.appRankings(null, null, "trending", null, "legal"),
        MARKET.appRankings(null, null, "trending", "productivity", "legal"));
  }

  @Test
  void rankingsSliceTruthAgreesWithRankingsDaily() {
    LocalDate from = LocalDate.of(2026, 3, 1);
    LocalDate to = LocalDate.of(2026, 3, 31);

    assertEquals(MARKET.rankingsDaily(from, to), MARKET.rankings(from, to, "day", Map.of()));
    assertEquals(MARKET.rankingsDaily(from, to), MARKET.rankings(from, to, null, Map.of()));
    assertEquals(
        MARKET.rankings(from, to, "week", Map.of("category", "programming")),
        MARKET.rankings(from, to, null, Map.of("category", "programming")));
    assertNotEquals(
        MARKET.rankings(from, to, "day", Map.of()),
        MARKET.rankings(from, to, "day", Map.of("modality", "text")));
    assertThrows(
        IllegalArgumentException.class,
        () -> MARKET.rankings(from, to, "day", Map.of("category", "programming")));
    assertThrows(
        IllegalArgumentException.class,
        () -> MARKET.rankings(from, to, "day", Map.of("bogus", "x")));
    assertThrows(IllegalArgumentException.class, () -> MARKET.rankings(from, to, "hour", Map.of()));
  }

  @Test
  void aYearOfTrendingIsFast() {
    SyntheticMarket market = market(42);
    market.appRankings(
        LocalDate.of(2025, 5, 12), YESTERDAY, "trending", null, null); // fills the day cache

    long start = System.nanoTime();
    market.appRankings(LocalDate.of(2025, 5, 12), YESTERDAY, "trending", null, null);
    long millis = (System.nanoTime() - start) / 1_000_000;

    assertTrue(millis < 200, "took " + millis + " ms");
  }

  // --- the independent computation ---

  /**
   * {category, subcategory} pairs: none, each category, each subcategory, and a consistent pair.
   */
  private static List<String[]> filters() {
    List<String[]> filters = new ArrayList<>();
    filters.add(new String[] {null, null});
    Marketplace.CATEGORIES.forEach(c -> filters.add(new String[] {c, null}));
    Marketplace.SUBCATEGORIES.forEach(s -> filters.add(new String[] {null, s}));
    filters.add(new String[] {"productivity", "legal"});
    return filters;
  }

  private static Predicate<AppSpec> predicate(String category, String subcategory) {
    if (subcategory != null) {
      return a -> a.subcategories().contains(subcategory);
    }
    if (category != null) {
      Set<String> group = Set.copyOf(SyntheticMarket.subcategoryGroups().get(category));
      return a -> a.subcategories().stream().anyMatch(group::contains);
    }
    return a -> true;
  }

  /** Memoized per-day truth of {@link #MARKET}, the only market the recomputation runs on. */
  private static final Map<LocalDate, Map<Long, BigInteger>> TOKENS = new HashMap<>();

  private static final Map<LocalDate, Map<Long, Long>> REQUESTS = new HashMap<>();

  private static synchronized BigInteger tokens(
      SyntheticMarket market, long appId, LocalDate from, LocalDate to) {
    assertTrue(market == MARKET);
    BigInteger sum = BigInteger.ZERO;
    for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
      LocalDate d = day;
      sum =
          sum.add(
              TOKENS
                  .computeIfAbsent(d, k -> new HashMap<>())
                  .computeIfAbsent(appId, id -> market.appTokens(id, d)));
    }
    return sum;
  }

  private static synchronized long requests(
      SyntheticMarket market, long appId, LocalDate from, LocalDate to) {
    assertTrue(market == MARKET);
    long sum = 0;
    for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
      LocalDate d = day;
      sum +=
          REQUESTS
              .computeIfAbsent(d, k -> new HashMap<>())
              .computeIfAbsent(appId, id -> market.appRequests(id, d));
    }
    return sum;
  }

  private record Scored(AppSpec app, BigDecimal score, BigInteger tokens) {}

  private static List<AppRankingRow> popular(
      SyntheticMarket market, LocalDate from, LocalDate to, Predicate<AppSpec> filter) {
    List<Scored> scored = new ArrayList<>();
    for (AppSpec app : listed(market)) {
      BigInteger tokens = tokens(market, app.appId(), from, to);
      if (filter.test(app) && tokens.signum() > 0) {
        scored.add(new Scored(app, new BigDecimal(tokens), tokens));
      }
    }
    return ranked(market, scored, from, to);
  }

  private static List<AppRankingRow> trending(
      SyntheticMarket market, LocalDate from, LocalDate to, Predicate<AppSpec> filter) {
    long days = ChronoUnit.DAYS.between(from, to) + 1;
    List<Scored> scored = new ArrayList<>();
    for (AppSpec app : listed(market)) {
      if (!filter.test(app)) {
        continue;
      }
      BigInteger window = tokens(market, app.appId(), from, to);
      BigInteger preceding = BigInteger.ZERO;
      for (int k = 1; k <= 3; k++) {
        LocalDate periodStart = from.minusDays(k * days);
        // appTokens is zero before 2025-01-01, the dataset's first day.
        preceding =
            preceding.add(tokens(market, app.appId(), periodStart, periodStart.plusDays(days - 1)));
      }
      BigDecimal mean =
          new BigDecimal(preceding).divide(BigDecimal.valueOf(3), 6, RoundingMode.HALF_EVEN);
      BigDecimal excess = new BigDecimal(window).subtract(mean);
      if (excess.signum() > 0) {
        scored.add(new Scored(app, excess, window));
      }
    }
    return ranked(market, scored, from, to);
  }

  private static List<AppRankingRow> ranked(
      SyntheticMarket market, List<Scored> scored, LocalDate from, LocalDate to) {
    scored.sort(Comparator.comparing(Scored::score).reversed().thenComparing(s -> s.app().appId()));
    List<AppRankingRow> rows = new ArrayList<>();
    for (Scored s : scored) {
      rows.add(
          new AppRankingRow(
              rows.size() + 1,
              s.app().appId(),
              s.app().name(),
              s.tokens(),
              requests(market, s.app().appId(), from, to)));
    }
    return rows;
  }

  private static double medianTokensPerRequest(String category) {
    List<Long> sizes =
        listed(MARKET).stream()
            .filter(a -> Marketplace.categoryOf(a.subcategories().get(0)).equals(category))
            .map(AppSpec::avgTokensPerRequest)
            .sorted()
            .toList();
    return sizes.get(sizes.size() / 2);
  }

  private static <T> Set<T> intersection(Set<T> a, Set<T> b) {
    Set<T> both = new LinkedHashSet<>(a);
    both.retainAll(b);
    return both;
  }
}
