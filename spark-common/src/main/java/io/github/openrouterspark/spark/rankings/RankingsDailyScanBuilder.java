package io.github.openrouterspark.spark.rankings;

import io.github.openrouterspark.api.DayCache;
import io.github.openrouterspark.api.RankingsDailyQuery;
import io.github.openrouterspark.options.RankingSelection;
import io.github.openrouterspark.options.ReadOptions;
import io.github.openrouterspark.plan.BucketCalendar;
import io.github.openrouterspark.plan.BucketPlan;
import io.github.openrouterspark.plan.BucketPlanner;
import io.github.openrouterspark.plan.CachedDaysPlan;
import io.github.openrouterspark.plan.CachedDaysPlanner;
import io.github.openrouterspark.plan.DatePlanner;
import io.github.openrouterspark.plan.DateRange;
import io.github.openrouterspark.plan.DateSet;
import io.github.openrouterspark.spark.pushdown.DatePredicates;
import io.github.openrouterspark.spark.pushdown.KeyColumns;
import io.github.openrouterspark.spark.pushdown.References;
import io.github.openrouterspark.spark.read.ConnectorClock;
import io.github.openrouterspark.spark.read.DatasetScan;
import io.github.openrouterspark.spark.read.PushdownReport;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.spark.sql.connector.expressions.filter.Predicate;
import org.apache.spark.sql.connector.read.Scan;
import org.apache.spark.sql.connector.read.ScanBuilder;
import org.apache.spark.sql.connector.read.SupportsPushDownRequiredColumns;
import org.apache.spark.sql.connector.read.SupportsPushDownV2Filters;
import org.apache.spark.sql.types.StructType;

/**
 * Collects what Spark pushes (predicates, the columns it needs) and freezes it into a scan.
 *
 * <p>Key columns ({@code period}, {@code modality}, {@code context_bucket}, {@code category},
 * {@code language_type}) "override and narrow" their options: a column no predicate mentions reads
 * its option's value (null: not sent, and for {@code period} the API's default); a mentioned one
 * reads every value of its finite domain that the fully pushed predicates on it allow (its whole
 * domain with {@code pushDownFilters=false}). The scan reads the cross product of the columns'
 * values, minus combinations the API rejects, which have no rows.
 *
 * <p>Predicates are of 4 kinds, and Spark is told which is which: (1) predicates only on {@code
 * date}: fully handled (windows narrow to the buckets they allow, and readers drop other rows), not
 * returned to Spark; (2) predicates on exactly one key column that translate exactly: fully
 * handled, as the rows carry their parameter set; (3) predicates that imply a date bound but also
 * test other columns (e.g. {@code date = d AND model_permaslug = 'x'}): the bound narrows the
 * windows, and Spark still evaluates them; (4) anything else: left entirely to Spark (a key column
 * it mentions reads its whole domain).
 *
 * <p>With {@code pushDownFilters=false} every predicate is left to Spark and reported as not
 * pushed; date predicates then only choose the range (the hull of the dates they allow, as a date
 * filter replaces the default range), so both settings return the same rows.
 *
 * <p>With the {@code cache} option on, the daily rows of a parameter set that this JVM's {@link
 * io.github.openrouterspark.api.DayCache} holds (completed days read by earlier scans) are not
 * fetched again: the remaining days are covered with the fewest windows, and the held days outside
 * those windows are read from memory by their own partitions. {@code PlannedRequests}, and the
 * {@code maxRequestsPerQuery} check, count only the windows.
 */
final class RankingsDailyScanBuilder
    implements ScanBuilder, SupportsPushDownV2Filters, SupportsPushDownRequiredColumns {
  private static final DatePredicates DATES = new DatePredicates(RankingsDailyColumns.DATE.name);

  private final ReadOptions options;
  private final Clock clock;
  private final KeyColumns keys = new KeyColumns();
  private DateSet allowed = DateSet.ALL;
  private PushdownReport pushdown = PushdownReport.NOTHING;
  private StructType requiredSchema = RankingsDailyColumns.SCHEMA;

  RankingsDailyScanBuilder(ReadOptions options) {
    this(options, ConnectorClock.current());
  }

  RankingsDailyScanBuilder(ReadOptions options, Clock clock) {
    this.options = options;
    this.clock = clock;
    RankingSelection s = options.selection();
    // period is never null in rows: unmentioned and without the option it is the API's default.
    keys.add(RankingsDailyColumns.PERIOD.name, RankingsDailyQuery.PERIODS, false, s.period())
        .add(RankingsDailyColumns.MODALITY.name, RankingsDailyQuery.MODALITIES, true, s.modality())
        .add(
            RankingsDailyColumns.CONTEXT_BUCKET.name,
            RankingsDailyQuery.CONTEXT_BUCKETS,
            true,
            s.contextBucket())
        .add(RankingsDailyColumns.CATEGORY.name, RankingsDailyQuery.CATEGORIES, true, s.category())
        .add(
            RankingsDailyColumns.LANGUAGE_TYPE.name,
            RankingsDailyQuery.LANGUAGE_TYPES,
            true,
            s.languageType());
  }

  @Override
  public Predicate[] pushPredicates(Predicate[] predicates) {
    boolean pushDown = options.pushDownFilters();
    List<Predicate> full = new ArrayList<>();
    List<Predicate> partial = new ArrayList<>();
    List<Predicate> residual = new ArrayList<>();
    DateSet dates = DateSet.ALL;
    for (Predicate p : predicates) {
      Set<String> columns = References.columns(p);
      keys.mention(columns);
      if (!pushDown) {
        dates = dates.intersect(DATES.bound(p));
        residual.add(p);
        continue;
      }
      if (keys.narrow(p, columns)) {
        full.add(p);
        continue;
      }
      Optional<DateSet> exact = DATES.exact(p);
      if (exact.isPresent()) {
        dates = dates.intersect(exact.get());
        full.add(p);
        continue;
      }
      DateSet bound = DATES.bound(p);
      if (!bound.isAll()) {
        dates = dates.intersect(bound);
        partial.add(p);
      }
      residual.add(p);
    }
    this.allowed = pushDown ? dates : hull(dates);
    this.pushdown = pushdown.withPredicates(full, partial, residual);
    return pushdown.postScanPredicates();
  }

  /** The smallest range holding {@code dates}: their bounds, without their holes. */
  private static DateSet hull(DateSet dates) {
    if (dates.isEmpty()) {
      return DateSet.NONE;
    }
    return DateSet.of(
        dates.isBoundedBelow() ? dates.first() : LocalDate.MIN,
        dates.isBoundedAbove() ? dates.last() : LocalDate.MAX);
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
  public Scan build() {
    options.requireApiKey();
    int windowDays = options.windowDays().orElse(DatePlanner.MAX_WINDOW_DAYS);
    LocalDate today = LocalDate.now(clock);
    List<RankingsDailySlice> slices =
        RankingsDailySlice.combinations(
            keys.values(RankingsDailyColumns.PERIOD.name),
            keys.values(RankingsDailyColumns.MODALITY.name),
            keys.values(RankingsDailyColumns.CONTEXT_BUCKET.name),
            keys.values(RankingsDailyColumns.CATEGORY.name),
            keys.values(RankingsDailyColumns.LANGUAGE_TYPE.name));
    Map<BucketCalendar, BucketPlan> plans = new EnumMap<>(BucketCalendar.class);
    Map<RankingsDailySlice, CachedDaysPlan> reads = new LinkedHashMap<>();
    for (RankingsDailySlice slice : slices) {
      BucketPlan plan =
          plans.computeIfAbsent(
              slice.calendar(),
              calendar ->
                  BucketPlanner.plan(
                      options.startDate(),
                      options.endDate(),
                      allowed,
                      today,
                      windowDays,
                      calendar));
      reads.put(slice, reads(slice, plan, today, windowDays));
    }
    return DatasetScan.of(
        options, new RankingsDailyRead(slices, plans, reads, windowDays, requiredSchema, pushdown));
  }

  /**
   * What one parameter set fetches: its period's windows, except that with the cache enabled the
   * completed days this JVM's day cache holds are taken out first and the remaining days covered
   * with the fewest windows (reading the in-memory cache is not I/O).
   */
  private CachedDaysPlan reads(
      RankingsDailySlice slice, BucketPlan plan, LocalDate today, int windowDays) {
    DayCache.Scope dayCache =
        slice.dayCacheScope(options.client(), options.requireApiKey(), options.cache());
    if (dayCache == null || plan.bucketCount() == 0) {
      return CachedDaysPlan.fetchAll(plan.windows());
    }
    List<LocalDate> cached = new ArrayList<>();
    for (DateRange range : plan.starts().intersect(DateSet.before(today)).ranges()) {
      for (LocalDate d = range.start(); !d.isAfter(range.end()); d = d.plusDays(1)) {
        if (dayCache.get(d).isPresent()) {
          cached.add(d);
        }
      }
    }
    if (cached.isEmpty()) {
      return CachedDaysPlan.fetchAll(plan.windows());
    }
    return CachedDaysPlanner.plan(plan.starts(), DateSet.ofDates(cached), windowDays);
  }

  @Override
  public String toString() {
    return "RankingsDailyScanBuilder" + Arrays.toString(pushedPredicates());
  }
}
