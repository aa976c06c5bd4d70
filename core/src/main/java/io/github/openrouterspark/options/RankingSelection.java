package io.github.openrouterspark.options;

import io.github.openrouterspark.api.AppRankingsQuery;
import io.github.openrouterspark.api.RankingsDailyQuery;
import java.io.Serializable;
import java.util.List;

/**
 * The API parameters the options choose for what a dataset reads when no predicate says
 * otherwise: sort/category/subcategory/maxRank for app-rankings, the slice parameters for
 * rankings-daily. Null means "not sent". Validated against the API's vocabulary and its
 * documented incompatibilities, so a combination the API would reject fails before any request.
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

  static RankingSelection parse(DatasetName dataset, OptionMap map) {
    return switch (dataset) {
      case APP_RANKINGS -> appRankings(map);
      case RANKINGS_DAILY -> rankingsDaily(map);
      case ANALYTICS, ANALYTICS_META -> {
        rejectAll(map, dataset, ReaderOption.SORT, ReaderOption.CATEGORY, ReaderOption.SUBCATEGORY,
            ReaderOption.MAX_RANK, ReaderOption.PERIOD, ReaderOption.MODALITY, ReaderOption.CONTEXT_BUCKET,
            ReaderOption.LANGUAGE_TYPE);
        yield new RankingSelection(null, null, null, 0, null, null, null, null);
      }
    };
  }

  private static RankingSelection appRankings(OptionMap map) {
    rejectAll(map, DatasetName.APP_RANKINGS, ReaderOption.PERIOD, ReaderOption.MODALITY,
        ReaderOption.CONTEXT_BUCKET, ReaderOption.LANGUAGE_TYPE);
    String sort = oneOf(map, ReaderOption.SORT, AppRankingsQuery.SORTS);
    String category = oneOf(map, ReaderOption.CATEGORY, AppRankingsQuery.CATEGORIES);
    String subcategory = oneOf(map, ReaderOption.SUBCATEGORY, AppRankingsQuery.SUBCATEGORIES);
    if (!AppRankingsQuery.consistent(category, subcategory)) {
      throw new InvalidOptionException("Option 'subcategory' ('" + subcategory + "') is not in option 'category' ('"
          + category + "'): the subcategories of " + category + " are "
          + AppRankingsQuery.SUBCATEGORY_GROUPS.get(category) + ". Give a matching pair, or only one of them.");
    }
    int maxRank = map.get(ReaderOption.MAX_RANK)
        .map(v -> OptionValues.intInRange(ReaderOption.MAX_RANK, v, 1, 200)).orElse(DEFAULT_MAX_RANK);
    return new RankingSelection(sort == null ? "popular" : sort, category, subcategory, maxRank,
        null, null, null, null);
  }

  private static RankingSelection rankingsDaily(OptionMap map) {
    rejectAll(map, DatasetName.RANKINGS_DAILY, ReaderOption.SORT, ReaderOption.SUBCATEGORY, ReaderOption.MAX_RANK);
    String period = oneOf(map, ReaderOption.PERIOD, RankingsDailyQuery.PERIODS);
    String modality = oneOf(map, ReaderOption.MODALITY, RankingsDailyQuery.MODALITIES);
    String contextBucket = oneOf(map, ReaderOption.CONTEXT_BUCKET, RankingsDailyQuery.CONTEXT_BUCKETS);
    String category = oneOf(map, ReaderOption.CATEGORY, RankingsDailyQuery.CATEGORIES);
    String languageType = oneOf(map, ReaderOption.LANGUAGE_TYPE, RankingsDailyQuery.LANGUAGE_TYPES);
    String problem = RankingsDailyQuery.incompatibility(period, modality, contextBucket, category, languageType);
    if (problem != null) {
      throw new InvalidOptionException("The rankings-daily options conflict: " + problem
          + ". Remove one of them (see docs/api-contract.md §2: the sampled category/languageType datasets are weekly and"
          + " exclusive with modality/contextBucket).");
    }
    return new RankingSelection(null, category, null, 0, period, modality, contextBucket, languageType);
  }

  private static String oneOf(OptionMap map, ReaderOption option, List<String> allowed) {
    return map.get(option).map(String::strip).map(v -> {
      if (!allowed.contains(v)) {
        throw InvalidOptionException.badValue(option.key(), v, "expected one of " + String.join(", ", allowed));
      }
      return v;
    }).orElse(null);
  }

  static void rejectAll(OptionMap map, DatasetName dataset, ReaderOption... options) {
    for (ReaderOption o : options) {
      if (map.get(o).isPresent()) {
        throw new InvalidOptionException("Option '" + o.key() + "' does not apply to dataset '" + dataset.apiName()
            + "'. " + o.description());
      }
    }
  }
}
