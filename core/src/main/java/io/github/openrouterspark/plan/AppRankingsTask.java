package io.github.openrouterspark.plan;

import java.io.Serializable;
import java.util.List;

/**
 * One ranking to read: a window and a parameter set, fetched page by page (one request each); rows
 * outside {@code ranks} (pages can start earlier) are dropped. {@code category} and {@code
 * subcategory} are null when the ranking is not filtered by them.
 */
public record AppRankingsTask(
    Window window,
    String sort,
    String category,
    String subcategory,
    RankRange ranks,
    List<RankPage> pages)
    implements Serializable {
  public AppRankingsTask {
    pages = List.copyOf(pages);
  }

  @Override
  public String toString() {
    return window
        + " sort="
        + sort
        + (category == null ? "" : " category=" + category)
        + (subcategory == null ? "" : " subcategory=" + subcategory)
        + " ranks "
        + ranks.reachable()
        + " "
        + pages;
  }
}
