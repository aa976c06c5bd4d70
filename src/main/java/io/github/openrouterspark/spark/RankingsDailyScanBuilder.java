package io.github.openrouterspark.spark;

import io.github.openrouterspark.options.ReadOptions;
import io.github.openrouterspark.plan.DateSet;
import io.github.openrouterspark.plan.DatePlan;
import io.github.openrouterspark.plan.DatePlanner;
import io.github.openrouterspark.spark.pushdown.DatePredicates;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.connector.expressions.filter.Predicate;
import org.apache.spark.sql.connector.read.Scan;
import org.apache.spark.sql.connector.read.ScanBuilder;
import org.apache.spark.sql.connector.read.SupportsPushDownRequiredColumns;
import org.apache.spark.sql.connector.read.SupportsPushDownV2Filters;
import org.apache.spark.sql.types.StructType;

/**
 * Collects what Spark pushes (date predicates, the columns it needs) and freezes it into a scan.
 *
 * <p>There are 3 kinds of predicates, and Spark is told which is which:
 * (1) predicates only on {@code date}: fully handled (windows narrow to the dates they allow, and
 * readers drop other rows), not returned to Spark;
 * (2) predicates that imply a date bound but also test other columns (e.g. {@code date = d AND
 * model_permaslug = 'x'}): the bound narrows the windows, and Spark still evaluates them;
 * (3) anything else: left entirely to Spark.
 */
final class RankingsDailyScanBuilder
    implements ScanBuilder, SupportsPushDownV2Filters, SupportsPushDownRequiredColumns {
  private static final DatePredicates DATES = new DatePredicates(RankingsDailyColumns.DATE.name);

  private final ReadOptions options;
  private final Clock clock;
  private DateSet allowed = DateSet.ALL;
  private List<Predicate> fullyPushed = List.of();
  private List<Predicate> partiallyPushed = List.of();
  private List<Predicate> postScan = List.of();
  private StructType requiredSchema = RankingsDailyColumns.SCHEMA;

  RankingsDailyScanBuilder(ReadOptions options) {
    this(options, Clock.systemUTC());
  }

  RankingsDailyScanBuilder(ReadOptions options, Clock clock) {
    this.options = options;
    this.clock = clock;
  }

  @Override
  public Predicate[] pushPredicates(Predicate[] predicates) {
    List<Predicate> full = new ArrayList<>();
    List<Predicate> partial = new ArrayList<>();
    List<Predicate> residual = new ArrayList<>();
    DateSet dates = DateSet.ALL;
    for (Predicate p : predicates) {
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
    this.allowed = dates;
    this.fullyPushed = List.copyOf(full);
    this.partiallyPushed = List.copyOf(partial);
    this.postScan = List.copyOf(residual);
    return residual.toArray(new Predicate[0]);
  }

  @Override
  public Predicate[] pushedPredicates() {
    List<Predicate> pushed = new ArrayList<>(fullyPushed);
    pushed.addAll(partiallyPushed);
    return pushed.toArray(new Predicate[0]);
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
    DatePlan plan =
        DatePlanner.plan(options.startDate(), options.endDate(), allowed, today, windowDays);
    return new RankingsDailyScan(options, plan, requiredSchema, fullyPushed, partiallyPushed, postScan);
  }
}
