package io.github.openrouterspark.plan;

import io.github.openrouterspark.api.AppRankingsQuery;
import java.util.ArrayList;
import java.util.List;

/**
 * Plans the rankings an app-rankings scan reads: every window times every consistent
 * sort/category/subcategory combination, each covered by the fewest rank pages. Combinations the
 * API would reject (a subcategory outside its category's group) are dropped, costing nothing.
 */
public final class AppRankingsPlanner {
  private AppRankingsPlanner() {}

  /**
   * @param windows the ranking windows, from {@link DatePlanner} over the resolved range
   * @param sorts the sort values to read
   * @param categories the category values to read; null means "not sent"
   * @param subcategories the subcategory values to read; null means "not sent"
   * @param ranks the absolute ranks wanted; ranks past 200 cannot be served and are dropped
   */
  public static List<AppRankingsTask> plan(
      List<Window> windows,
      List<String> sorts,
      List<String> categories,
      List<String> subcategories,
      RankRange ranks) {
    List<RankPage> pages = RankPage.cover(ranks);
    if (pages.isEmpty()) {
      return List.of();
    }
    List<AppRankingsTask> tasks = new ArrayList<>();
    for (Window window : windows) {
      for (String sort : sorts) {
        for (String category : categories) {
          for (String subcategory : subcategories) {
            if (AppRankingsQuery.consistent(category, subcategory)) {
              tasks.add(new AppRankingsTask(window, sort, category, subcategory, ranks, pages));
            }
          }
        }
      }
    }
    return List.copyOf(tasks);
  }

  public static int requestCount(List<AppRankingsTask> tasks) {
    return tasks.stream().mapToInt(t -> t.pages().size()).sum();
  }
}
