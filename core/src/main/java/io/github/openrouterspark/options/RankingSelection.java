package io.github.openrouterspark.options;

import io.github.openrouterspark.api.AppRankingsQuery;
import io.github.openrouterspark.api.RankingsDailyQuery;
import java.io.Serializable;
import java.util.List;

/**
 * The API parameters the options choose for what a dataset reads when no predicate says otherwise:
 * sort/category/subcategory/maxRank for app-rankings, the slice parameters for rankings-daily. Null
 * means "not sent". Validated against the API's vocabulary and its documented incompatibilities, so
 * a combination the API would reject fails before any request.
 */
public record RankingSelection(
    String sort,
    String category,
    String subcategory,
    int maxRank,
    String period,
    String modality,
    String contextBucket,
    String languageType)
    implements Serializable {

  public static final int DEFAULT_MAX_RANK = 50;

  /** The options must apply to {@code dataset} ({@link OptionMap#requireApplicable}). */
  static RankingSelection parse(DatasetName dataset, OptionMap map) {
    return switch (dataset) {
      case APP_RANKINGS -> appRankings(map);
      case RANKINGS_DAILY -> rankingsDaily(map);
      case ANALYTICS, ANALYTICS_META ->
          new RankingSelection(null, null, null, 0, null, null, null, null);
    };
  }

  private static RankingSelection appRankings(OptionMap map) {
    DatasetName app = DatasetName.APP_RANKINGS;
    String sort = map.valueOrDefault(ReaderOption.SORT, app, String.class);
    String category = category(map, AppRankingsQuery.CATEGORIES);
    String subcategory = map.valueOrDefault(ReaderOption.SUBCATEGORY, app, String.class);
    if (!AppRankingsQuery.consistent(category, subcategory)) {
      throw new InvalidOptionException(
          "Option 'subcategory' ('"
              + subcategory
              + "') is not in option 'category' ('"
              + category
              + "'): the subcategories of "
              + category
              + " are "
              + AppRankingsQuery.SUBCATEGORY_GROUPS.get(category)
              + ". Give a matching pair, or only one of them.");
    }
    int maxRank = map.valueOrDefault(ReaderOption.MAX_RANK, app, Integer.class);
    return new RankingSelection(sort, category, subcategory, maxRank, null, null, null, null);
  }

  private static RankingSelection rankingsDaily(OptionMap map) {
    DatasetName daily = DatasetName.RANKINGS_DAILY;
    String period = map.valueOrDefault(ReaderOption.PERIOD, daily, String.class);
    String modality = map.valueOrDefault(ReaderOption.MODALITY, daily, String.class);
    String contextBucket = map.valueOrDefault(ReaderOption.CONTEXT_BUCKET, daily, String.class);
    String category = category(map, RankingsDailyQuery.CATEGORIES);
    String languageType = map.valueOrDefault(ReaderOption.LANGUAGE_TYPE, daily, String.class);
    String problem =
        RankingsDailyQuery.incompatibility(period, modality, contextBucket, category, languageType);
    if (problem != null) {
      throw new InvalidOptionException(
          "The rankings-daily options conflict: "
              + problem
              + ". Remove one of them (see docs/api-contract.md §2: the sampled category/languageType datasets are weekly and"
              + " exclusive with modality/contextBucket).");
    }
    return new RankingSelection(
        null, category, null, 0, period, modality, contextBucket, languageType);
  }

  /** The category option, whose vocabulary is the dataset's: null when not given (not sent). */
  private static String category(OptionMap map, List<String> allowed) {
    return map.get(ReaderOption.CATEGORY)
        .map(v -> OptionValues.oneOf(ReaderOption.CATEGORY, v, allowed))
        .orElse(null);
  }
}
