package io.github.openrouterspark.spark.analytics;

import io.github.openrouterspark.api.AnalyticsMeta;
import io.github.openrouterspark.api.AnalyticsQueryBody;
import io.github.openrouterspark.options.ReadOptions;
import io.github.openrouterspark.plan.AnalyticsCaps;
import io.github.openrouterspark.plan.AnalyticsGrain;
import io.github.openrouterspark.plan.AnalyticsGranularity;
import io.github.openrouterspark.plan.AnalyticsRollup;
import io.github.openrouterspark.plan.AnalyticsWindowPlanner;
import io.github.openrouterspark.plan.TimeWindow;
import io.github.openrouterspark.spark.pushdown.PredicateText;
import io.github.openrouterspark.spark.read.DatasetScan;
import io.github.openrouterspark.spark.read.PushdownReport;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.connector.expressions.NullOrdering;
import org.apache.spark.sql.connector.expressions.SortDirection;
import org.apache.spark.sql.connector.expressions.SortOrder;
import org.apache.spark.sql.connector.expressions.aggregate.Aggregation;
import org.apache.spark.sql.connector.expressions.filter.Predicate;
import org.apache.spark.sql.connector.read.Scan;
import org.apache.spark.sql.connector.read.ScanBuilder;
import org.apache.spark.sql.connector.read.SupportsPushDownAggregates;
import org.apache.spark.sql.connector.read.SupportsPushDownLimit;
import org.apache.spark.sql.connector.read.SupportsPushDownRequiredColumns;
import org.apache.spark.sql.connector.read.SupportsPushDownTopN;
import org.apache.spark.sql.connector.read.SupportsPushDownV2Filters;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Turns a Spark query over the analytics table into {@code /analytics/query} bodies, one per
 * window. Each row of the table aggregates the generations of one bucket (with a granularity) and
 * one combination of the grain's dimensions, both fixed by the options ({@link AnalyticsGrain}):
 * every request of a plain scan groups by exactly that grain, whatever columns Spark reads, so
 * pruning only drops metrics from the request ({@code request_count} when none is read) and never
 * changes the rows.
 *
 * <p>Pushed exactly, and so removed from Spark's plan: comparisons of a dimension column with
 * strings (except the labelled ones: {@code api_key_id}, {@code app}, {@code workspace}, {@code
 * user} show names but filter by ids), up to the API's 20 filters; bounds on {@code date}, as the
 * time range; {@code SUM} of summable metrics grouped by a subset of the grain, as one coarser
 * query ({@link AnalyticsRollup}; Spark adds up the windows' partial sums); {@code LIMIT n} and
 * {@code ORDER BY <metric or date> LIMIT n} (exact with one window, per window with several).
 * Everything else stays with Spark, over the grain's rows.
 */
final class AnalyticsScanBuilder
    implements ScanBuilder,
        SupportsPushDownV2Filters,
        SupportsPushDownRequiredColumns,
        SupportsPushDownAggregates,
        SupportsPushDownLimit,
        SupportsPushDownTopN {
  private final ReadOptions options;
  private final AnalyticsSchema schema;
  private final AnalyticsMeta meta;
  private final AnalyticsGrain grain;
  private final AnalyticsGranularity granularity;
  private final Clock clock;

  private final AnalyticsFilterPushdown filterPushdown;
  private PushdownReport pushdown = PushdownReport.NOTHING;
  private StructType required;
  private AnalyticsRollup rollup;

  /** The GROUP BY columns of the pushed rollup, as Spark orders them. */
  private List<AnalyticsColumn> rollupKeys;

  private AnalyticsQueryBody.OrderBy orderBy;
  private Integer limit;

  AnalyticsScanBuilder(ReadOptions options, AnalyticsSchema schema, Clock clock) {
    this.options = options;
    this.schema = schema;
    this.meta = schema.meta();
    this.grain = options.analytics().grain();
    this.granularity = grain.granularity();
    this.clock = clock;
    this.required = schema.struct();
    this.filterPushdown = new AnalyticsFilterPushdown(schema, granularity);
  }

  @Override
  public Predicate[] pushPredicates(Predicate[] predicates) {
    List<Predicate> full = new ArrayList<>();
    List<Predicate> residual = new ArrayList<>();
    List<Predicate> notNull = new ArrayList<>();
    for (Predicate p : predicates) {
      if (p.name().equals("IS_NOT_NULL")) {
        notNull.add(p); // decided once the other predicates are known
      } else if (options.pushDownFilters() && filterPushdown.push(p)) {
        full.add(p);
      } else {
        if (!options.pushDownFilters()) {
          filterPushdown.narrowByDate(
              p); // Spark filters, but the range must still cover the dates asked for
        }
        residual.add(p);
      }
    }
    for (Predicate p : notNull) {
      if (options.pushDownFilters() && filterPushdown.impliedNotNull(p)) {
        full.add(p);
      } else {
        residual.add(p);
      }
    }
    pushdown = pushdown.withPredicates(full, List.of(), residual);
    return pushdown.postScanPredicates();
  }

  @Override
  public Predicate[] pushedPredicates() {
    return pushdown.pushedPredicates();
  }

  @Override
  public void pruneColumns(StructType requiredSchema) {
    this.required = requiredSchema;
  }

  @Override
  public boolean pushAggregation(Aggregation aggregation) {
    Optional<AnalyticsAggregationPushdown.Pushed> pushed =
        AnalyticsAggregationPushdown.translate(aggregation, schema, grain);
    pushed.ifPresent(
        p -> {
          rollup = p.rollup();
          rollupKeys = p.keys();
        });
    return pushed.isPresent();
  }

  /** Never complete: the windows' (and split windows') partial sums are for Spark to add up. */
  @Override
  public boolean supportCompletePushDown(Aggregation aggregation) {
    return false;
  }

  @Override
  public boolean pushLimit(int n) {
    if (!options.pushDownLimit() || n > AnalyticsQueryBody.MAX_LIMIT || n < 1) {
      return false;
    }
    limit = limit == null ? n : Math.min(limit, n);
    return true;
  }

  @Override
  public boolean pushTopN(SortOrder[] orders, int n) {
    if (!options.pushDownLimit()
        || orders.length != 1
        || n > AnalyticsQueryBody.MAX_LIMIT
        || n < 1) {
      return false;
    }
    AnalyticsColumn column = schema.column(orders[0].expression());
    if (column == null || !(column.isMetric() || column.kind() == AnalyticsColumn.Kind.DATE)) {
      return false;
    }
    // The API sorts nulls last; counts and dates are never null.
    boolean nullsAgree =
        orders[0].nullOrdering() == NullOrdering.NULLS_LAST
            || column.kind() == AnalyticsColumn.Kind.COUNT
            || column.kind() == AnalyticsColumn.Kind.DATE;
    if (!nullsAgree) {
      return false;
    }
    orderBy =
        new AnalyticsQueryBody.OrderBy(
            column.name(), orders[0].direction() == SortDirection.DESCENDING);
    limit = n;
    return true;
  }

  /** Exact with one window; with several, each returns its own first n and Spark picks. */
  @Override
  public boolean isPartiallyPushed() {
    // The columns are not pruned yet: plan with the shortest window any column could force.
    Duration shortest =
        granularity == AnalyticsGranularity.MINUTE
            ? AnalyticsCaps.MINUTE_BUCKETS
            : AnalyticsCaps.GENERATIONS;
    TimeWindow range = range();
    return range != null
        && AnalyticsWindowPlanner.plan(range.start(), range.end(), granularity, shortest).size()
            > 1;
  }

  @Override
  public Scan build() {
    options.requireApiKey();
    List<AnalyticsColumn> outputs = new ArrayList<>();
    Map<String, String> metrics = new LinkedHashMap<>();
    StructType readSchema;
    // A plain scan asks for the table's grain; a pushed rollup for its coarser one.
    AnalyticsGrain requestGrain = rollup == null ? grain : rollup.grain();
    if (rollup != null) {
      List<StructField> fields = new ArrayList<>();
      for (AnalyticsColumn c : rollupKeys) {
        outputs.add(c);
        fields.add(schema.struct().apply(c.name()));
      }
      for (String s : rollup.sums()) {
        AnalyticsColumn c = schema.column(s);
        outputs.add(c);
        fields.add(new StructField("sum(" + s + ")", c.type(), true, Metadata.empty()));
        metrics.put(s, meta.metric(s).displayFormat());
      }
      readSchema = new StructType(fields.toArray(new StructField[0]));
    } else {
      readSchema = required;
      for (StructField f : required.fields()) {
        AnalyticsColumn c = schema.column(f.name());
        outputs.add(c);
        if (c.isMetric()) {
          metrics.put(c.name(), meta.metric(c.name()).displayFormat());
        }
      }
    }
    if (metrics.isEmpty()) {
      metrics.put("request_count", "number"); // the API needs one metric; the rows are what counts
    }
    if (orderBy != null && meta.metric(orderBy.field()) != null) {
      metrics.putIfAbsent(orderBy.field(), meta.metric(orderBy.field()).displayFormat());
    }
    boolean limited = limit != null;
    boolean partialSums = rollup != null;
    AnalyticsRequestPlanner.Plan plan =
        AnalyticsRequestPlanner.plan(
            new AnalyticsRequestPlanner.Request(
                requestGrain, metrics, filterPushdown.filters(), orderBy, limit, partialSums),
            range());
    AnalyticsGranularity requestGranularity = requestGrain.granularity();
    boolean timeSeries = requestGrain.isTimeSeries();
    List<AnalyticsPartition> partitions = new ArrayList<>();
    for (AnalyticsQueryBody body : plan.bodies()) {
      partitions.add(new AnalyticsPartition(partitions.size(), body));
    }
    AnalyticsReading reading =
        new AnalyticsReading(
            new AnalyticsRowLayout(outputs),
            requestGranularity,
            !limited && (timeSeries || partialSums),
            limited);
    return DatasetScan.of(
        options,
        new AnalyticsRead(readSchema, partitions, reading, plan.describe(grain), pushdownReport()));
  }

  /** The time range to read, or null when the predicates leave nothing. */
  private TimeWindow range() {
    return AnalyticsRequestPlanner.range(
        options.analytics(), filterPushdown.dateBounds(), granularity, clock);
  }

  /** The predicates as pushed, with the pushed rollup and limit. */
  private PushdownReport pushdownReport() {
    return pushdown
        .withAggregation(
            rollup == null
                ? PushdownReport.NONE
                : rollup.sums().stream().map(s -> "SUM(" + s + ")").toList()
                    + " GROUP BY "
                    + rollupKeys.stream().map(AnalyticsColumn::name).toList())
        .withLimit(
            limit == null
                ? PushdownReport.NONE
                : (orderBy == null
                        ? ""
                        : "ORDER BY "
                            + orderBy.field()
                            + (orderBy.descending() ? " DESC" : " ASC")
                            + " ")
                    + "LIMIT "
                    + limit);
  }

  @Override
  public String toString() {
    return "AnalyticsScanBuilder" + PredicateText.render(List.of(pushdown.pushedPredicates()));
  }
}
