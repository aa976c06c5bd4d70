package io.github.openrouterspark.spark.rankings;

import io.github.openrouterspark.api.DatasetMeta;
import io.github.openrouterspark.api.DayCache;
import io.github.openrouterspark.api.RankingsDailyItem;
import io.github.openrouterspark.plan.Window;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One window's daily rows grouped by day, gathered while its response is decoded, so that once the
 * whole response was read and checked its completed days can be kept in the day cache. A later
 * query then plans requests only for the days it is missing.
 */
final class WindowDays {
  private final Map<LocalDate, List<DayCache.Row>> byDate = new LinkedHashMap<>();

  void add(RankingsDailyItem item) {
    byDate
        .computeIfAbsent(item.date(), d -> new ArrayList<>())
        .add(new DayCache.Row(item.modelPermaslug(), item.totalTokens()));
  }

  /**
   * Stores every day of {@code window} before both {@code today} and the response's as-of day (a
   * day the API still counts is not final), including days without rows.
   */
  void storeCompleted(DayCache.Scope cache, Window window, DatasetMeta meta, LocalDate today) {
    LocalDate asOfDate = meta.asOf().atOffset(ZoneOffset.UTC).toLocalDate();
    LocalDate cutoff = today.isBefore(asOfDate) ? today : asOfDate;
    for (LocalDate d = window.start();
        !d.isAfter(window.end()) && d.isBefore(cutoff);
        d = d.plusDays(1)) {
      cache.put(d, new DayCache.Day(byDate.getOrDefault(d, List.of()), meta.asOf()));
    }
  }
}
