package io.github.openrouterspark.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SyntheticMarketTest {
  private static final Instant NOW = Instant.parse("2026-05-12T02:00:00Z");
  private static final LocalDate FIRST = LocalDate.of(2025, 1, 1);
  private static final LocalDate YESTERDAY = LocalDate.of(2026, 5, 11);

  private static SyntheticMarket market(long seed, Instant now) {
    return new SyntheticMarket(seed, Clock.fixed(now, ZoneOffset.UTC));
  }

  private static final SyntheticMarket MARKET = market(42, NOW);

  @Test
  void catalogHasWellOverAHundredDistinctRealisticModels() {
    List<String> models = MARKET.models();

    assertTrue(models.size() > 100, "models: " + models.size());
    assertEquals(models.size(), new HashSet<>(models).size());
    assertTrue(
        models.containsAll(
            List.of(
                "openai/gpt-4o-2024-05-13",
                "anthropic/claude-3.5-sonnet-20241022",
                "google/gemini-2.5-pro",
                "meta-llama/llama-3.3-70b-instruct",
                "deepseek/deepseek-chat-v3-0324")));
    assertTrue(models.stream().anyMatch(m -> m.endsWith(":free")));
    assertTrue(models.stream().allMatch(m -> m.matches("[a-z0-9-]+/[a-z0-9.:-]+")), "slug shape");
    assertFalse(models.contains(Ranking.OTHER));
  }

  @Test
  void sameSeedGivesTheSameRowsWhateverRangeIsAsked() {
    List<RankingRow> april =
        MARKET.rankingsDaily(LocalDate.of(2025, 4, 1), LocalDate.of(2025, 4, 30));
    List<RankingRow> spring =
        market(42, NOW).rankingsDaily(LocalDate.of(2025, 3, 1), LocalDate.of(2025, 6, 30));

    assertEquals(april, spring.stream().filter(r -> r.date().getMonthValue() == 4).toList());
    assertNotEquals(
        april, market(7, NOW).rankingsDaily(LocalDate.of(2025, 4, 1), LocalDate.of(2025, 4, 30)));
  }

  @Test
  void windowIsClampedToTheDatasetAndToToday() {
    List<RankingRow> rows =
        MARKET.rankingsDaily(LocalDate.of(2024, 6, 1), LocalDate.of(2026, 12, 31));

    assertEquals(FIRST, rows.get(0).date());
    assertEquals(MARKET.today(), rows.get(rows.size() - 1).date());
    assertEquals(
        List.of(), MARKET.rankingsDaily(LocalDate.of(2026, 6, 1), LocalDate.of(2026, 6, 30)));
  }

  @Test
  void everyDayFollowsTheRankingRules() {
    Map<LocalDate, List<RankingRow>> byDay = byDay(MARKET.rankingsDaily(FIRST, YESTERDAY));

    assertEquals(FIRST.datesUntil(YESTERDAY.plusDays(1)).toList(), List.copyOf(byDay.keySet()));
    byDay.forEach(
        (day, rows) -> {
          assertTrue(rows.size() <= 51, day + " has " + rows.size() + " rows");
          for (int i = 0; i < rows.size(); i++) {
            RankingRow row = rows.get(i);
            assertTrue(row.totalTokens().signum() > 0, "zero row " + row);
            assertEquals(
                i == 50, row.modelPermaslug().equals(Ranking.OTHER), "other position " + row);
            if (i > 0 && i < 50) {
              RankingRow previous = rows.get(i - 1);
              int byTokens = previous.totalTokens().compareTo(row.totalTokens());
              assertTrue(
                  byTokens > 0
                      || byTokens == 0
                          && previous.modelPermaslug().compareTo(row.modelPermaslug()) < 0,
                  "order " + previous + " then " + row);
            }
          }
        });
  }

  @Test
  void rowsAccountForEveryTokenOfTheDay() {
    for (LocalDate day :
        List.of(FIRST, LocalDate.of(2025, 1, 20), LocalDate.of(2025, 9, 6), YESTERDAY)) {
      Map<String, BigInteger> tokens =
          MARKET.models().stream().collect(Collectors.toMap(m -> m, m -> MARKET.tokens(m, day)));
      List<RankingRow> rows = MARKET.rankingsDaily(day, day);
      long nonZero = tokens.values().stream().filter(t -> t.signum() > 0).count();

      assertEquals(Math.min(nonZero, 50) + (nonZero > 50 ? 1 : 0), rows.size(), day.toString());
      BigInteger listed = BigInteger.ZERO;
      for (RankingRow row : rows) {
        if (!row.modelPermaslug().equals(Ranking.OTHER)) {
          assertEquals(tokens.get(row.modelPermaslug()), row.totalTokens(), row.toString());
          listed = listed.add(row.totalTokens());
        }
      }
      BigInteger all = tokens.values().stream().reduce(BigInteger.ZERO, BigInteger::add);
      BigInteger other =
          rows.get(rows.size() - 1).modelPermaslug().equals(Ranking.OTHER)
              ? rows.get(rows.size() - 1).totalTokens()
              : BigInteger.ZERO;
      assertEquals(all, listed.add(other), day.toString());
    }
  }

  @Test
  void earlyDaysHaveFewerThanFiftyModelsAndLaterDaysHaveAnOtherRow() {
    Map<LocalDate, List<RankingRow>> byDay = byDay(MARKET.rankingsDaily(FIRST, YESTERDAY));

    List<RankingRow> newYear = byDay.get(FIRST);
    assertTrue(newYear.size() < 50, "rows on " + FIRST + ": " + newYear.size());
    assertTrue(newYear.stream().noneMatch(r -> r.modelPermaslug().equals(Ranking.OTHER)));
    long withOther = byDay.values().stream().filter(rows -> rows.size() == 51).count();
    assertTrue(withOther > byDay.size() * 9 / 10, "days with other: " + withOther);
    assertEquals(51, byDay.get(YESTERDAY).size());
  }

  @Test
  void someDaysHaveExactTiesAmongTheTopFifty() {
    long ties =
        byDay(MARKET.rankingsDaily(FIRST, YESTERDAY)).values().stream()
            .mapToLong(
                rows -> {
                  int n = 0;
                  for (int i = 1; i < Math.min(rows.size(), 50); i++) {
                    n += rows.get(i).totalTokens().equals(rows.get(i - 1).totalTokens()) ? 1 : 0;
                  }
                  return n;
                })
            .sum();

    assertTrue(ties >= 20, "ties: " + ties);
  }

  @Test
  void someDaysTieAtTheCutoffWhereTheAlphabeticallyLaterModelGoesIntoOther() {
    VolumeModel volumes = new VolumeModel(42, ModelCatalog.MODELS);
    int cutoffTies = 0;
    for (LocalDate day = FIRST; day.isBefore(YESTERDAY); day = day.plusDays(1)) {
      List<RankingRow> rows = MARKET.rankingsDaily(day, day);
      if (rows.size() < 51) {
        continue;
      }
      RankingRow fiftieth = rows.get(49);
      Set<String> listed =
          rows.stream().map(RankingRow::modelPermaslug).collect(Collectors.toSet());
      long[] full = volumes.fullDay(day);
      for (int i = 0; i < full.length; i++) {
        String model = MARKET.models().get(i);
        if (!listed.contains(model) && full[i] == fiftieth.totalTokens().longValueExact()) {
          assertTrue(model.compareTo(fiftieth.modelPermaslug()) > 0, day + ": " + model);
          cutoffTies++;
        }
      }
    }
    assertTrue(cutoffTies >= 5, "cutoff ties: " + cutoffTies);
  }

  @Test
  void modelsDropOutOnDaysWithoutTraffic() {
    // Retired: served until 2025-06-30, absent from then on.
    String retired = "openai/gpt-4-turbo-2024-04-09";
    assertTrue(MARKET.tokens(retired, LocalDate.of(2025, 6, 30)).signum() > 0);
    assertEquals(BigInteger.ZERO, MARKET.tokens(retired, LocalDate.of(2025, 7, 1)));
    // Not launched yet.
    assertEquals(
        BigInteger.ZERO, MARKET.tokens("openai/gpt-5-2025-08-07", LocalDate.of(2025, 8, 6)));

    // Outages: a served model with a day of no traffic between two days with traffic.
    VolumeModel volumes = new VolumeModel(42, ModelCatalog.MODELS);
    int outages = 0;
    for (LocalDate day = FIRST.plusDays(1);
        day.isBefore(LocalDate.of(2025, 4, 1));
        day = day.plusDays(1)) {
      long[] before = volumes.fullDay(day.minusDays(1));
      long[] on = volumes.fullDay(day);
      long[] after = volumes.fullDay(day.plusDays(1));
      Set<String> listed =
          MARKET.rankingsDaily(day, day).stream()
              .map(RankingRow::modelPermaslug)
              .collect(Collectors.toSet());
      for (int i = 0; i < on.length; i++) {
        if (on[i] == 0 && before[i] > 0 && after[i] > 0) {
          String model = MARKET.models().get(i);
          assertEquals(BigInteger.ZERO, MARKET.tokens(model, day));
          assertFalse(listed.contains(model), day + " " + model);
          outages++;
        }
      }
    }
    assertTrue(outages > 0, "no outage found");
  }

  @Test
  void todayIsTheFullDayScaledByTheElapsedPartAndLaterDaysAreEmpty() {
    LocalDate today = LocalDate.of(2026, 5, 12);
    SyntheticMarket morning = market(42, Instant.parse("2026-05-12T06:00:00Z"));
    SyntheticMarket tomorrow = market(42, Instant.parse("2026-05-13T00:00:00Z"));

    for (String model :
        List.of("z-ai/glm-4.7", "openai/gpt-5-2025-08-07", "gryphe/mythomax-l2-13b")) {
      BigInteger full = tomorrow.tokens(model, today);
      assertTrue(full.signum() > 0, model);
      assertEquals(full.divide(BigInteger.valueOf(4)), morning.tokens(model, today), model);
    }
    assertEquals(BigInteger.ZERO, morning.tokens("z-ai/glm-4.7", today.plusDays(1)));
    assertEquals(
        Set.of(today),
        morning.rankingsDaily(today, today.plusDays(10)).stream()
            .map(RankingRow::date)
            .collect(Collectors.toSet()));
    assertEquals(
        List.of(),
        market(42, today.atStartOfDay(ZoneOffset.UTC).toInstant()).rankingsDaily(today, today));
  }

  @Test
  void volumesAreHeavyTailed() {
    List<BigInteger> volumes =
        MARKET.models().stream()
            .map(m -> MARKET.tokens(m, YESTERDAY))
            .filter(t -> t.signum() > 0)
            .sorted()
            .toList();
    BigInteger top = volumes.get(volumes.size() - 1);

    assertTrue(top.compareTo(BigInteger.valueOf(100_000_000_000L)) >= 0, "top " + top);
    assertTrue(top.compareTo(BigInteger.valueOf(5_000_000_000_000L)) <= 0, "top " + top);
    assertTrue(volumes.get(0).compareTo(BigInteger.valueOf(100_000)) < 0, "tail " + volumes.get(0));
  }

  @Test
  void computesTheWholeHistoryWellUnderASecond() {
    SyntheticMarket market = market(42, NOW);
    market.rankingsDaily(FIRST, YESTERDAY); // warm-up: class loading and JIT

    long start = System.nanoTime();
    List<RankingRow> rows = market.rankingsDaily(FIRST, YESTERDAY);
    Duration took = Duration.ofNanos(System.nanoTime() - start);

    assertTrue(rows.size() > 20_000);
    assertTrue(took.compareTo(Duration.ofMillis(1000)) < 0, "took " + took);
  }

  private static Map<LocalDate, List<RankingRow>> byDay(List<RankingRow> rows) {
    return rows.stream()
        .collect(Collectors.groupingBy(RankingRow::date, TreeMap::new, Collectors.toList()));
  }
}
