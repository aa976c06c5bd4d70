package io.github.openrouterspark.emulator;

import java.util.Objects;

/**
 * A validated {@code GET /datasets/app-rankings} request.
 *
 * @param category the {@code category} parameter, or {@code null}
 * @param subcategory the {@code subcategory} parameter, or {@code null}; when both are set, it
 *     belongs to {@code category}'s group and alone decides the filter
 */
record AppRankingsQuery(
    DateWindow window, AppSort sort, String category, String subcategory, int limit, int offset) {
  static final int DEFAULT_LIMIT = 50;
  static final int MAX_LIMIT = 100;
  static final int MAX_OFFSET = 100;

  AppRankingsQuery {
    Objects.requireNonNull(window, "window");
    Objects.requireNonNull(sort, "sort");
    if (category != null && !Marketplace.GROUPS.containsKey(category)) {
      throw new IllegalArgumentException("Unknown category: " + category);
    }
    if (subcategory != null
        && (category == null
            ? !Marketplace.SUBCATEGORIES.contains(subcategory)
            : !Marketplace.GROUPS.get(category).contains(subcategory))) {
      throw new IllegalArgumentException(
          "Subcategory " + subcategory + " does not fit category " + category);
    }
    if (limit < 1 || limit > MAX_LIMIT || offset < 0 || offset > MAX_OFFSET) {
      throw new IllegalArgumentException("limit or offset out of range: " + limit + ", " + offset);
    }
  }

  /** True when an app with these tags passes the category/subcategory filter. */
  boolean matches(AppSpec app) {
    if (subcategory != null) {
      return app.subcategories().contains(subcategory);
    }
    return category == null || app.inCategory(category);
  }
}
