package io.github.openrouterspark.emulator;

import java.time.LocalDate;
import java.util.Map;

/**
 * Validates the query of {@code GET /datasets/app-rankings} into an {@link AppRankingsQuery}. Dates
 * follow {@link DateWindows} like every Data API endpoint. {@code limit} and {@code offset} must be
 * plain decimal integers in range; an empty {@code offset=} is a 400 like any other malformed value
 * (the spec's {@code ["integer","null"]} allows a JSON null, which a query string cannot carry:
 * clients omit the parameter instead).
 */
final class AppRankingsParameters {
  private AppRankingsParameters() {}

  static AppRankingsQuery parse(Map<String, String> query, LocalDate today) throws RequestRejected {
    QueryParams params = new QueryParams(query);
    String category = params.oneOf("category", Marketplace.CATEGORIES).orElse(null);
    String subcategory = params.oneOf("subcategory", Marketplace.SUBCATEGORIES).orElse(null);
    AppSort sort =
        params.oneOf("sort", AppSort.wireValues()).map(AppSort::fromWire).orElse(AppSort.POPULAR);
    DateWindow window = DateWindows.resolve(params, today);
    int limit =
        params
            .integer("limit", 1, AppRankingsQuery.MAX_LIMIT)
            .orElse(AppRankingsQuery.DEFAULT_LIMIT);
    int offset = params.integer("offset", 0, AppRankingsQuery.MAX_OFFSET).orElse(0);
    if (category != null
        && subcategory != null
        && !Marketplace.GROUPS.get(category).contains(subcategory)) {
      throw QueryParams.bad(
          "subcategory: '"
              + subcategory
              + "' is not in category '"
              + category
              + "' ("
              + category
              + ": "
              + String.join(", ", Marketplace.GROUPS.get(category))
              + "; '"
              + subcategory
              + "' is in '"
              + Marketplace.categoryOf(subcategory)
              + "')");
    }
    return new AppRankingsQuery(window, sort, category, subcategory, limit, offset);
  }
}
