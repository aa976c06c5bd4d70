package io.github.openrouterspark.emulator;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Validates the query of {@code GET /datasets/rankings-daily} into a {@link RankingsQuery}.
 *
 * <p>{@code modality} and {@code context_bucket} select exact datasets and may be combined with
 * each other; {@code category} and {@code language_type} select sampled weekly datasets and combine
 * with nothing. The sampled datasets have no daily grain: their period defaults to {@code week},
 * and an explicit {@code period=day} is a 400.
 */
final class RankingsParameters {
  static final List<String> MODALITIES =
      List.of("text", "image", "image_output", "audio", "tool_calling");
  static final List<String> CONTEXT_BUCKETS = List.of("1K", "10K", "100K", "1M", "10M");
  static final List<String> CATEGORIES =
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
  static final List<String> LANGUAGE_TYPES = List.of("natural", "programming");

  private RankingsParameters() {}

  static RankingsQuery parse(Map<String, String> query, LocalDate today) throws RequestRejected {
    QueryParams params = new QueryParams(query);
    DateWindow window = DateWindows.resolve(params, today);
    Optional<Period> period = params.oneOf("period", Period.wireValues()).map(Period::fromWire);

    Map<String, String> exact = new LinkedHashMap<>();
    params.oneOf("modality", MODALITIES).ifPresent(v -> exact.put("modality", v));
    params.oneOf("context_bucket", CONTEXT_BUCKETS).ifPresent(v -> exact.put("context_bucket", v));
    Map<String, String> sampled = new LinkedHashMap<>();
    params.oneOf("category", CATEGORIES).ifPresent(v -> sampled.put("category", v));
    params.oneOf("language_type", LANGUAGE_TYPES).ifPresent(v -> sampled.put("language_type", v));

    if (sampled.isEmpty()) {
      return new RankingsQuery(window, period.orElse(Period.DAY), new Slice(exact, false));
    }
    String name = sampled.keySet().iterator().next();
    if (sampled.size() > 1) {
      throw QueryParams.bad("category: cannot be combined with language_type");
    }
    if (!exact.isEmpty()) {
      throw QueryParams.bad(
          name + ": cannot be combined with " + String.join(" or ", exact.keySet()));
    }
    if (period.orElse(Period.WEEK) == Period.DAY) {
      throw QueryParams.bad(
          "period: 'day' is not available with "
              + name
              + " (weekly sampled dataset); use week or month");
    }
    return new RankingsQuery(window, period.orElse(Period.WEEK), new Slice(sampled, true));
  }
}
