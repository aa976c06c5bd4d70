package io.github.openrouterspark.spark.rankings;

import io.github.openrouterspark.api.ApiKey;
import io.github.openrouterspark.api.CacheSettings;
import io.github.openrouterspark.api.ClientSettings;
import io.github.openrouterspark.api.DayCache;
import io.github.openrouterspark.api.RankingsDailyQuery;
import io.github.openrouterspark.plan.BucketCalendar;
import io.github.openrouterspark.plan.Window;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One parameter set of rankings-daily: the values of the five key columns, null meaning "not sent".
 * {@code period} may be null too (the API default); rows then carry the {@link #effectivePeriod()
 * effective} one.
 */
record RankingsDailySlice(
    String period, String modality, String contextBucket, String category, String languageType)
    implements Serializable {

  /**
   * Every combination of the given values, in the order given, minus those the API rejects ({@link
   * RankingsDailyQuery#incompatibility}): they have no rows, so they cost no request.
   */
  static List<RankingsDailySlice> combinations(
      List<String> periods,
      List<String> modalities,
      List<String> contextBuckets,
      List<String> categories,
      List<String> languageTypes) {
    List<RankingsDailySlice> out = new ArrayList<>();
    for (String period : periods) {
      for (String modality : modalities) {
        for (String contextBucket : contextBuckets) {
          for (String category : categories) {
            for (String languageType : languageTypes) {
              if (RankingsDailyQuery.incompatibility(
                      period, modality, contextBucket, category, languageType)
                  == null) {
                out.add(
                    new RankingsDailySlice(
                        period, modality, contextBucket, category, languageType));
              }
            }
          }
        }
      }
    }
    return List.copyOf(out);
  }

  boolean sampled() {
    return category != null || languageType != null;
  }

  /** The period the API applies: the one sent, else its default for this dataset. */
  String effectivePeriod() {
    return RankingsDailyQuery.effectivePeriod(period, category, languageType);
  }

  BucketCalendar calendar() {
    return BucketCalendar.of(effectivePeriod(), sampled());
  }

  RankingsDailyQuery query(Window window) {
    return new RankingsDailyQuery(
        window.start(), window.end(), period, modality, contextBucket, category, languageType);
  }

  /**
   * Where this parameter set's completed days are kept in memory, or null when they are not: with
   * the cache disabled, and for weeks and months (their buckets are not days).
   */
  DayCache.Scope dayCacheScope(ClientSettings client, ApiKey key, CacheSettings cache) {
    if (!cache.enabled() || calendar() != BucketCalendar.DAY) {
      return null;
    }
    return new DayCache.Scope(client.baseUrl(), key.fingerprint(), apiParameters(), cache.ttl());
  }

  /** The parameters a request of this set sends besides its dates, e.g. {@code modality=text}. */
  String apiParameters() {
    LocalDate any = LocalDate.EPOCH;
    return query(new Window(any, any)).toRequest().params().entrySet().stream()
        .filter(e -> !e.getKey().equals("start_date") && !e.getKey().equals("end_date"))
        .map(e -> e.getKey() + "=" + e.getValue())
        .collect(Collectors.joining("&"));
  }

  /** E.g. {@code period=week category=programming}; an unsent period shows as its default. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("period=").append(effectivePeriod());
    if (period == null) {
      sb.append(" (default)");
    }
    append(sb, "modality", modality);
    append(sb, "context_bucket", contextBucket);
    append(sb, "category", category);
    append(sb, "language_type", languageType);
    return sb.toString();
  }

  private static void append(StringBuilder sb, String name, String value) {
    if (value != null) {
      sb.append(' ').append(name).append('=').append(value);
    }
  }
}
