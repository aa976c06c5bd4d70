package io.github.openrouterspark.api;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parameters of one {@code GET /datasets/app-rankings} request, and the API's vocabulary for them
 * (docs/api-contract.md §3, §8). {@code category} and {@code subcategory} are null when not sent.
 */
public record AppRankingsQuery(
    LocalDate startDate,
    LocalDate endDate,
    String sort,
    String category,
    String subcategory,
    int offset,
    int limit) {
  public static final String PATH = "/datasets/app-rankings";

  public static final List<String> SORTS = List.of("popular", "trending");

  /** Marketplace category groups and their subcategories, in the documented order. */
  public static final Map<String, List<String>> SUBCATEGORY_GROUPS = groups();

  public static final List<String> CATEGORIES = List.copyOf(SUBCATEGORY_GROUPS.keySet());

  public static final List<String> SUBCATEGORIES =
      SUBCATEGORY_GROUPS.values().stream().flatMap(List::stream).toList();

  /** Whether the API accepts this category/subcategory pair (either may be null). */
  public static boolean consistent(String category, String subcategory) {
    if (category == null || subcategory == null) {
      return true;
    }
    List<String> group = SUBCATEGORY_GROUPS.get(category);
    return group != null && group.contains(subcategory);
  }

  public ApiRequest toRequest() {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("start_date", startDate.toString());
    params.put("end_date", endDate.toString());
    params.put("sort", sort);
    if (category != null) {
      params.put("category", category);
    }
    if (subcategory != null) {
      params.put("subcategory", subcategory);
    }
    params.put("offset", Integer.toString(offset));
    params.put("limit", Integer.toString(limit));
    return new ApiRequest(PATH, params);
  }

  private static Map<String, List<String>> groups() {
    Map<String, List<String>> g = new LinkedHashMap<>();
    g.put(
        "coding",
        List.of(
            "cli-agent", "ide-extension", "cloud-agent", "programming-app", "native-app-builder"));
    g.put("creative", List.of("creative-writing", "video-gen", "image-gen", "audio-gen"));
    g.put("productivity", List.of("writing-assistant", "general-chat", "personal-agent", "legal"));
    g.put("entertainment", List.of("roleplay", "game"));
    return java.util.Collections.unmodifiableMap(g);
  }
}
