package io.github.openrouterspark.api;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parameters of one {@code GET /datasets/rankings-daily} request: an inclusive UTC date window and
 * the optional slice parameters (null when not sent), with the API's vocabulary for them
 * (docs/api-contract.md §2).
 */
public record RankingsDailyQuery(
    LocalDate startDate,
    LocalDate endDate,
    String period,
    String modality,
    String contextBucket,
    String category,
    String languageType) {
  public static final String PATH = "/datasets/rankings-daily";

  public static final List<String> PERIODS = List.of("day", "week", "month");
  public static final List<String> MODALITIES =
      List.of("text", "image", "image_output", "audio", "tool_calling");
  public static final List<String> CONTEXT_BUCKETS = List.of("1K", "10K", "100K", "1M", "10M");
  public static final List<String> CATEGORIES =
      List.of(
          "programming",
          "roleplay",
          "marketing",
          "marketing/seo",
          "technology",
          "science",
          "translation",
          "legal",
          "finance",
          "health",
          "trivia",
          "academia");
  public static final List<String> LANGUAGE_TYPES = List.of("natural", "programming");

  public RankingsDailyQuery {
    if (endDate.isBefore(startDate)) {
      throw new IllegalArgumentException(
          "endDate " + endDate + " is before startDate " + startDate);
    }
  }

  public RankingsDailyQuery(LocalDate startDate, LocalDate endDate) {
    this(startDate, endDate, null, null, null, null, null);
  }

  /**
   * Why the API would reject this combination, or null if it accepts it: the sampled datasets
   * behind category and language_type are weekly and exclusive with each other and with
   * modality/context_bucket.
   */
  public static String incompatibility(
      String period, String modality, String contextBucket, String category, String languageType) {
    boolean sampled = category != null || languageType != null;
    if (category != null && languageType != null) {
      return "category and language_type cannot be combined";
    }
    if (sampled && (modality != null || contextBucket != null)) {
      return (category != null ? "category" : "language_type")
          + " cannot be combined with "
          + (modality != null ? "modality" : "context_bucket");
    }
    if (sampled && "day".equals(period)) {
      return "period=day is not available with "
          + (category != null ? "category" : "language_type")
          + " (its data is weekly; use week or month)";
    }
    return null;
  }

  /** The period the API applies: the given one, else week for the sampled datasets, else day. */
  public static String effectivePeriod(String period, String category, String languageType) {
    if (period != null) {
      return period;
    }
    return category != null || languageType != null ? "week" : "day";
  }

  public ApiRequest toRequest() {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("start_date", startDate.toString());
    params.put("end_date", endDate.toString());
    putIfSet(params, "period", period);
    putIfSet(params, "modality", modality);
    putIfSet(params, "context_bucket", contextBucket);
    putIfSet(params, "category", category);
    putIfSet(params, "language_type", languageType);
    return new ApiRequest(PATH, params);
  }

  private static void putIfSet(Map<String, String> params, String name, String value) {
    if (value != null) {
      params.put(name, value);
    }
  }
}
