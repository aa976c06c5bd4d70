package io.github.openrouterspark.emulator;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs an {@link AnalyticsPlan} over generations: filter (ANDed), group by time bucket and
 * dimensions, aggregate, sort, keep {@code group_limit} rows per dimension combination, then {@code
 * limit} rows. Groups exist only where generations are: empty buckets have no row, as in a SQL
 * GROUP BY.
 */
final class AnalyticsEngine {
  /** Time buckets as the spec's example writes them: {@code 2025-01-01T00:00:00.000Z}. */
  static final DateTimeFormatter BUCKET =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  /** Writes the row columns of one dimension value: usually one, {@code user} adds an email. */
  @FunctionalInterface
  interface Labels {
    void write(AnalyticsDimension dimension, Object key, Map<String, Object> row);
  }

  private AnalyticsEngine() {}

  private record GroupKey(long bucket, Object first, Object second) {}

  private static final class Group {
    final GroupKey key;
    final Aggregate aggregate;
    Object[] values;
    Object orderValue;

    Group(GroupKey key, Aggregate aggregate) {
      this.key = key;
      this.aggregate = aggregate;
    }

    Object dimension(int i) {
      return i == 0 ? key.first() : key.second();
    }
  }

  static AnalyticsResult run(AnalyticsPlan plan, Iterable<Generation> generations, Labels labels) {
    boolean distributions = plan.needsDistributions();
    int dims = plan.dimensions().size();
    Map<GroupKey, Group> groups = new HashMap<>();
    for (Generation g : generations) {
      Instant t = g.createdAt();
      if (t.isBefore(plan.start()) || !t.isBefore(plan.end()) || !matches(plan, g)) {
        continue;
      }
      long bucket = plan.granularity() == null ? 0 : plan.granularity().bucket(t).getEpochSecond();
      Object first = dims > 0 ? plan.dimensions().get(0).key(g) : null;
      Object second = dims > 1 ? plan.dimensions().get(1).key(g) : null;
      GroupKey key = new GroupKey(bucket, first, second);
      groups.computeIfAbsent(key, k -> new Group(k, new Aggregate(distributions))).aggregate.add(g);
    }

    List<Group> rows = new ArrayList<>(groups.values());
    for (Group group : rows) {
      group.values = new Object[plan.metrics().size()];
      for (int i = 0; i < group.values.length; i++) {
        group.values[i] = plan.metrics().get(i).value(group.aggregate);
      }
      AnalyticsPlan.Order order = plan.order();
      if (order.metric() != null) {
        int i = plan.metrics().indexOf(order.metric());
        group.orderValue = i >= 0 ? group.values[i] : order.metric().value(group.aggregate);
      }
    }
    rows.sort(comparator(plan));

    if (plan.groupLimit() != null) {
      Map<List<Object>, Integer> perCombination = new HashMap<>();
      List<Group> kept = new ArrayList<>();
      for (Group group : rows) {
        List<Object> combination = java.util.Arrays.asList(group.key.first(), group.key.second());
        if (perCombination.merge(combination, 1, Integer::sum) <= plan.groupLimit()) {
          kept.add(group);
        }
      }
      rows = kept;
    }
    int limit = plan.limit();
    if (plan.limitRaisable()) {
      limit = Math.max(limit, Math.min(rows.size(), AnalyticsPlanner.MAX_LIMIT));
    }
    boolean truncated = rows.size() > limit;
    if (truncated) {
      rows = rows.subList(0, limit);
    }

    List<Map<String, Object>> out = new ArrayList<>(rows.size());
    for (Group group : rows) {
      Map<String, Object> row = new LinkedHashMap<>();
      if (plan.granularity() != null) {
        row.put(
            plan.granularity().column(), BUCKET.format(Instant.ofEpochSecond(group.key.bucket())));
      }
      for (int i = 0; i < dims; i++) {
        labels.write(plan.dimensions().get(i), group.dimension(i), row);
      }
      for (int i = 0; i < group.values.length; i++) {
        AnalyticsMetric metric = plan.metrics().get(i);
        row.put(metric.metricName(), metric.json(group.values[i]));
      }
      out.add(row);
    }
    return new AnalyticsResult(out, truncated, plan.warnings());
  }

  private static boolean matches(AnalyticsPlan plan, Generation g) {
    for (AnalyticsFilter filter : plan.filters()) {
      if (!filter.test(g)) {
        return false;
      }
    }
    return true;
  }

  /**
   * The plan's order, then time bucket ascending, then each dimension's underlying value ascending.
   * Nulls sort last in either direction, as ClickHouse's default NULLS LAST does.
   */
  private static Comparator<Group> comparator(AnalyticsPlan plan) {
    AnalyticsPlan.Order order = plan.order();
    Comparator<Group> primary;
    if (order.date()) {
      primary = directed(Comparator.comparingLong(g -> g.key.bucket()), order.descending());
    } else if (order.metric() != null) {
      primary = nullsLast(g -> g.orderValue, order.descending());
    } else {
      int i = order.dimension();
      primary = nullsLast(g -> g.dimension(i), order.descending());
    }
    Comparator<Group> chain = primary.thenComparingLong(g -> g.key.bucket());
    for (int i = 0; i < plan.dimensions().size(); i++) {
      int index = i;
      chain = chain.thenComparing(nullsLast(g -> g.dimension(index), false));
    }
    return chain;
  }

  private static <T> Comparator<T> directed(Comparator<T> ascending, boolean descending) {
    return descending ? ascending.reversed() : ascending;
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Comparator<Group> nullsLast(
      java.util.function.Function<Group, Object> value, boolean descending) {
    Comparator<Object> natural = (a, b) -> ((Comparable) a).compareTo(b);
    Comparator<Object> values = Comparator.nullsLast(descending ? natural.reversed() : natural);
    return (a, b) -> values.compare(value.apply(a), value.apply(b));
  }
}
