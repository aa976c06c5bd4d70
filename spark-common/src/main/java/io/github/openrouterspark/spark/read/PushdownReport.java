package io.github.openrouterspark.spark.read;

import io.github.openrouterspark.spark.pushdown.PredicateText;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.connector.expressions.filter.Predicate;

/**
 * What a scan builder took over from Spark, in the one form every dataset's EXPLAIN shows it.
 *
 * @param full predicates the scan answers exactly, removed from Spark's plan
 * @param partial predicates that narrow the requests while Spark still evaluates them
 * @param postScan predicates Spark evaluates over the rows read (the partial ones included)
 * @param aggregation the pushed aggregation, or {@code none}
 * @param limit the pushed LIMIT or top-N, or {@code none}
 */
public record PushdownReport(
    List<Predicate> full,
    List<Predicate> partial,
    List<Predicate> postScan,
    String aggregation,
    String limit) {
  public static final String NONE = "none";

  /**
   * Nothing pushed: what a scan reports before Spark pushes anything, or when it pushes nothing.
   */
  public static final PushdownReport NOTHING =
      new PushdownReport(List.of(), List.of(), List.of(), NONE, NONE);

  public PushdownReport {
    full = List.copyOf(full);
    partial = List.copyOf(partial);
    postScan = List.copyOf(postScan);
  }

  /**
   * This report with Spark's predicates sorted into fully pushed, partially pushed and post-scan.
   */
  public PushdownReport withPredicates(
      List<Predicate> full, List<Predicate> partial, List<Predicate> postScan) {
    return new PushdownReport(full, partial, postScan, aggregation, limit);
  }

  public PushdownReport withAggregation(String aggregation) {
    return new PushdownReport(full, partial, postScan, aggregation, limit);
  }

  public PushdownReport withLimit(String limit) {
    return new PushdownReport(full, partial, postScan, aggregation, limit);
  }

  /** For {@code SupportsPushDownV2Filters.pushedPredicates()}: the full and the partial ones. */
  public Predicate[] pushedPredicates() {
    return Stream.concat(full.stream(), partial.stream()).toArray(Predicate[]::new);
  }

  /** For {@code SupportsPushDownV2Filters.pushPredicates()}: what Spark must still evaluate. */
  public Predicate[] postScanPredicates() {
    return postScan.toArray(new Predicate[0]);
  }

  /** E.g. {@code PushedFilters: [date = DATE '2025-09-09'], PartiallyPushedFilters: [], ...}. */
  public String explain() {
    return "PushedFilters: "
        + PredicateText.render(full)
        + ", PartiallyPushedFilters: "
        + PredicateText.render(partial)
        + ", PostScanFilters: "
        + PredicateText.render(postScan)
        + ", PushedAggregation: "
        + aggregation
        + ", PushedLimit: "
        + limit;
  }
}
