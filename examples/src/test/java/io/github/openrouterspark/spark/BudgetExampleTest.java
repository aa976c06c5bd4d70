package io.github.openrouterspark.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.openrouterspark.emulator.AnalyticsQuery;
import io.github.openrouterspark.emulator.OpenRouterEmulator;
import io.github.openrouterspark.examples.BudgetExampleAccess;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/** The README's analytics example computes what the emulator's truth says, with one request. */
class BudgetExampleTest {
  @Test
  void daysOverBudgetMatchTheAccountsDailyCosts() throws Exception {
    LocalDate first = LocalDate.of(2026, 10, 1);
    LocalDate last = LocalDate.of(2026, 10, 30);
    try (OpenRouterEmulator emulator = TestEmulators.lenient()) {
      List<Row> rows =
          BudgetExampleAccess.daysOverBudget(
                  TestSpark.session(), AnalyticsReadTest.analytics(emulator), first, last)
              .collectAsList();

      Map<String, Double> budgets = new HashMap<>();
      for (String line :
          Files.readAllLines(Path.of("examples/data/model_budgets.csv")).subList(1, 7)) {
        String[] cells = line.split(",");
        budgets.put(cells[0], Double.parseDouble(cells[1]));
      }
      Instant from = first.atStartOfDay(ZoneOffset.UTC).toInstant();
      Instant to = last.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
      Map<String, Integer> overDays = new HashMap<>();
      for (Map<String, Object> day :
          emulator
              .analytics(OpenRouterEmulator.DEFAULT_ACCOUNT)
              .query(
                  AnalyticsQuery.of("total_usage")
                      .withDimensions("model")
                      .withGranularity("day")
                      .withTimeRange(from, to)
                      .withLimit(10_000))
              .rows()) {
        Double budget = budgets.get((String) day.get("model"));
        if (budget != null && ((BigDecimal) day.get("total_usage")).doubleValue() > budget) {
          overDays.merge((String) day.get("model"), 1, Integer::sum);
        }
      }
      assertEquals(budgets.size(), rows.size(), "every budgeted model has traffic in the emulator");
      for (Row r : rows) {
        assertEquals(
            overDays.getOrDefault(r.getString(0), 0).longValue(), r.getLong(5), r.toString());
      }
      assertTrue(rows.get(0).getLong(5) > 0, "some model goes over budget: " + rows);
      assertEquals(1, emulator.requestLog().forPath("/analytics/query").size());
    }
  }
}
