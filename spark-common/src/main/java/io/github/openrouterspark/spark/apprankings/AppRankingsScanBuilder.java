package io.github.openrouterspark.spark.apprankings;

import io.github.openrouterspark.api.AppRankingsQuery;
import io.github.openrouterspark.options.RankingSelection;
import io.github.openrouterspark.options.ReadOptions;
import io.github.openrouterspark.plan.AppRankingsPlanner;
import io.github.openrouterspark.plan.AppRankingsTask;
import io.github.openrouterspark.plan.DatePlanner;
import io.github.openrouterspark.plan.DateSet;
import io.github.openrouterspark.plan.RankRange;
import io.github.openrouterspark.plan.Window;
import io.github.openrouterspark.spark.pushdown.KeyColumns;
import io.github.openrouterspark.spark.pushdown.RankPredicates;
import io.github.openrouterspark.spark.pushdown.References;
import io.github.openrouterspark.spark.read.ConnectorClock;
import io.github.openrouterspark.spark.read.DatasetScan;
import io.github.openrouterspark.spark.read.PushdownReport;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.spark.sql.connector.expressions.NamedReference;
import org.apache.spark.sql.connector.expressions.SortDirection;
import org.apache.spark.sql.connector.expressions.SortOrder;
import org.apache.spark.sql.connector.expressions.filter.Predicate;
import org.apache.spark.sql.connector.read.Scan;
import org.apache.spark.sql.connector.read.ScanBuilder;
import org.apache.spark.sql.connector.read.SupportsPushDownLimit;
import org.apache.spark.sql.connector.read.SupportsPushDownRequiredColumns;
import org.apache.spark.sql.connector.read.SupportsPushDownTopN;
import org.apache.spark.sql.connector.read.SupportsPushDownV2Filters;
import org.apache.spark.sql.types.StructType;

/**
 * Turns predicates on the parameter columns into API parameters. {@code sort}, {@code category} and
 * {@code subcategory} are key columns: a column no predicate mentions reads its option's value (or
 * is not sent); a mentioned one reads every value of its domain that the fully pushed predicates
 * allow (all of them with {@code pushDownFilters=false}, so both settings return the same rows).
 * {@code rank} works the same way over ranks 1..200, with {@code maxRank} as the unmentioned
 * default.
 *
 * <p>A predicate is fully handled when it tests exactly one of these columns and translates
 * exactly; every other predicate stays with Spark. LIMIT and ORDER BY rank LIMIT n shrink each
 * ranking's rank range; they are exact with one ranking and partial with several.
 */
final class AppRankingsScanBuilder
    implements ScanBuilder,
        SupportsPushDownV2Filters,
        SupportsPushDownRequiredColumns,
        SupportsPushDownLimit,
        SupportsPushDownTopN {
  private static final RankPredicates RANK = new RankPredicates(AppRankingsColumns.RANK.name);

  private final ReadOptions options;
  private final Clock clock;
  private final KeyColumns keys = new KeyColumns();
  private RankRange ranks;
  private PushdownReport pushdown = PushdownReport.NOTHING;
  private StructType requiredSchema = AppRankingsColumns.SCHEMA;

  AppRankingsScanBuilder(ReadOptions options) {
    this(options, ConnectorClock.current());
  }

  AppRankingsScanBuilder(ReadOptions options, Clock clock) {
    this.options = options;
    this.clock = clock;
    RankingSelection s = options.selection();
    keys.add(AppRankingsColumns.SORT.name, AppRankingsQuery.SORTS, false, s.sort())
        .add(AppRankingsColumns.CATEGORY.name, AppRankingsQuery.CATEGORIES, true, s.category())
        .add(
            AppRankingsColumns.SUBCATEGORY.name,
            AppRankingsQuery.SUBCATEGORIES,
            true,
            s.subcategory());
    this.ranks = RankRange.atMost(s.maxRank());
  }

  @Override
  public Predicate[] pushPredicates(Predicate[] predicates) {
    boolean pushDown = options.pushDownFilters();
    RankRange rankConstraint = RankRange.ALL;
    boolean rankMentioned = false;
    List<Predicate> full = new ArrayList<>();
    List<Predicate> partial = new ArrayList<>();
    List<Predicate> residual = new ArrayList<>();
    for (Predicate p : predicates) {
      Set<String> columns = References.columns(p);
      keys.mention(columns);
      rankMentioned |= columns.contains(AppRankingsColumns.RANK.name);
      String only = columns.size() == 1 ? columns.iterator().next() : null;
      if (pushDown && keys.narrow(p, columns)) {
        full.add(p);
        continue;
      }
      if (pushDown && AppRankingsColumns.RANK.name.equals(only)) {
        Optional<RankRange> exact = RANK.exact(p);
        if (exact.isPresent()) {
          rankConstraint = rankConstraint.intersect(exact.get());
          full.add(p);
          continue;
        }
        RankRange bound = RANK.bound(p);
        if (!bound.equals(RankRange.ALL)) {
          rankConstraint = rankConstraint.intersect(bound);
          partial.add(p);
        }
      }
      residual.add(p);
    }
    if (rankMentioned) {
      ranks = new RankRange(1, RankRange.DEEPEST).intersect(rankConstraint);
    }
    pushdown = pushdown.withPredicates(full, partial, residual);
    return pushdown.postScanPredicates();
  }

  @Override
  public Predicate[] pushedPredicates() {
    return pushdown.pushedPredicates();
  }

  @Override
  public void pruneColumns(StructType required) {
    this.requiredSchema = required;
  }

  @Override
  public boolean pushLimit(int limit) {
    if (!options.pushDownLimit()) {
      return false;
    }
    ranks = ranks.firstN(limit);
    pushdown = pushdown.withLimit("LIMIT " + limit);
    return true;
  }

  @Override
  public boolean pushTopN(SortOrder[] orders, int limit) {
    boolean byRankAscending =
        orders.length == 1
            && orders[0].direction() == SortDirection.ASCENDING
            && orders[0].expression() instanceof NamedReference ref
            && ref.fieldNames().length == 1
            && ref.fieldNames()[0].equalsIgnoreCase(AppRankingsColumns.RANK.name);
    if (!options.pushDownLimit() || !byRankAscending) {
      return false;
    }
    ranks = ranks.firstN(limit);
    pushdown = pushdown.withLimit("ORDER BY rank LIMIT " + limit);
    return true;
  }

  /** Each ranking applies the limit to itself; Spark must still combine several rankings. */
  @Override
  public boolean isPartiallyPushed() {
    return tasks().size() > 1;
  }

  @Override
  public Scan build() {
    options.requireApiKey();
    return DatasetScan.of(options, new AppRankingsRead(tasks(), requiredSchema, pushdown));
  }

  private List<AppRankingsTask> tasks() {
    LocalDate today = LocalDate.now(clock);
    // One ranking over the whole range by default; windowDays tiles it into a time series.
    List<Window> windows =
        DatePlanner.plan(
                options.startDate(),
                options.endDate(),
                DateSet.ALL,
                today,
                options.windowDays().orElse(DatePlanner.MAX_WINDOW_DAYS))
            .windows();
    return AppRankingsPlanner.plan(
        windows,
        keys.values(AppRankingsColumns.SORT.name),
        keys.values(AppRankingsColumns.CATEGORY.name),
        keys.values(AppRankingsColumns.SUBCATEGORY.name),
        ranks);
  }

  @Override
  public String toString() {
    return "AppRankingsScanBuilder" + Arrays.toString(pushedPredicates());
  }
}
