package io.github.openrouterspark.spark.pushdown;

import io.github.openrouterspark.api.AnalyticsQueryBody;
import io.github.openrouterspark.plan.AnalyticsGranularity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.connector.expressions.Expression;
import org.apache.spark.sql.connector.expressions.Literal;
import org.apache.spark.sql.connector.expressions.filter.Predicate;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.unsafe.types.UTF8String;

/**
 * Translates Spark predicates on the analytics table into API terms, only where the API's answer is
 * exactly what Spark would keep: a comparison of one dimension column with string literals becomes
 * a filter ({@code eq}, {@code neq}, {@code in}, {@code not_in}, {@code gt}, {@code gte}, {@code
 * lt}, {@code lte}; an unset value matches none of them, as a NULL matches no SQL comparison), and
 * bounds on the {@code date} bucket column become the time range, rounded to whole buckets.
 */
public final class AnalyticsPredicates {
  private AnalyticsPredicates() {}

  /** {@code [start, end)} of bucket starts a predicate keeps; null members are unbounded. */
  public record TimeBounds(Instant start, Instant end) {
    public static final TimeBounds ALL = new TimeBounds(null, null);

    public TimeBounds intersect(TimeBounds o) {
      return new TimeBounds(later(start, o.start), earlier(end, o.end));
    }

    private static Instant later(Instant a, Instant b) {
      return a == null ? b : b == null ? a : a.isAfter(b) ? a : b;
    }

    private static Instant earlier(Instant a, Instant b) {
      return a == null ? b : b == null ? a : a.isBefore(b) ? a : b;
    }
  }

  /**
   * The API filter equal to {@code p}, a predicate on {@code column} alone, or empty.
   *
   * @param operatorOffered whether {@code /analytics/meta} lists an operator
   */
  public static Optional<AnalyticsQueryBody.Filter> filter(
      Predicate p, String column, java.util.function.Predicate<String> operatorOffered) {
    Optional<AnalyticsQueryBody.Filter> f = translate(p, column);
    return f.filter(x -> operatorOffered.test(x.operator()));
  }

  private static Optional<AnalyticsQueryBody.Filter> translate(Predicate p, String column) {
    Expression[] c = p.children();
    switch (p.name()) {
      case "NOT" -> {
        if (c.length == 1 && c[0] instanceof Predicate inner) {
          return translate(inner, column)
              .flatMap(
                  f ->
                      switch (f.operator()) {
                        case "eq" ->
                            Optional.of(new AnalyticsQueryBody.Filter(column, "neq", f.value()));
                        case "in" ->
                            Optional.of(new AnalyticsQueryBody.Filter(column, "not_in", f.value()));
                        default -> Optional.empty();
                      });
        }
        return Optional.empty();
      }
      case "IN" -> {
        if (c.length < 2 || !Comparison.isColumn(c[0], column)) {
          return Optional.empty();
        }
        List<String> values = new ArrayList<>();
        for (int i = 1; i < c.length; i++) {
          String v = string(c[i]);
          if (v == null) {
            return Optional
                .empty(); // a NULL in the list changes NOT IN's meaning: leave it to Spark
          }
          if (!values.contains(v)) {
            values.add(v);
          }
        }
        return Optional.of(new AnalyticsQueryBody.Filter(column, "in", values));
      }
      case "=", "<>", "<", "<=", ">", ">=" -> {
        Optional<Comparison> cmp = Comparison.of(p, column);
        if (cmp.isEmpty()) {
          return Optional.empty();
        }
        String op = cmp.get().op();
        Expression literal = cmp.get().other();
        String v = string(literal);
        if (v == null) {
          return Optional.empty();
        }
        String operator =
            switch (op) {
              case "=" -> "eq";
              case "<>" -> "neq";
              case "<" -> "lt";
              case "<=" -> "lte";
              case ">" -> "gt";
              default -> "gte";
            };
        return Optional.of(new AnalyticsQueryBody.Filter(column, operator, v));
      }
      default -> {
        return Optional.empty();
      }
    }
  }

  /**
   * The buckets a predicate on the {@code date} column keeps, as a time range, when that is exact:
   * comparisons with TIMESTAMP literals and ANDs of them. A bound between bucket starts moves to
   * the next bucket start, since rows carry bucket starts.
   */
  public static Optional<TimeBounds> timeBounds(
      Predicate p, String column, AnalyticsGranularity g) {
    Expression[] c = p.children();
    switch (p.name()) {
      case "AND" -> {
        Optional<TimeBounds> l = timeBounds((Predicate) c[0], column, g);
        Optional<TimeBounds> r = timeBounds((Predicate) c[1], column, g);
        return l.isPresent() && r.isPresent()
            ? Optional.of(l.get().intersect(r.get()))
            : Optional.empty();
      }
      case "=", "<", "<=", ">", ">=" -> {
        Optional<Comparison> cmp = Comparison.of(p, column);
        if (cmp.isEmpty()) {
          return Optional.empty();
        }
        String op = cmp.get().op();
        Expression literal = cmp.get().other();
        Instant t = timestamp(literal);
        if (t == null) {
          return Optional.empty();
        }
        // Bucket starts s with s >= t are those >= ceil(t); s > t: >= ceil(t + 1µs); s < t: <
        // ceil(t);
        // s <= t: < ceil(t + 1µs). Rows exist only at bucket starts.
        Instant after = t.plusNanos(1_000);
        return Optional.of(
            switch (op) {
              case ">=" -> new TimeBounds(g.ceil(t), null);
              case ">" -> new TimeBounds(g.ceil(after), null);
              case "<" -> new TimeBounds(null, g.ceil(t));
              case "<=" -> new TimeBounds(null, g.ceil(after));
              default ->
                  g.isBucketStart(t)
                      ? new TimeBounds(t, g.next(t))
                      : new TimeBounds(t, t); // "=": empty if off-bucket
            });
      }
      default -> {
        return Optional.empty();
      }
    }
  }

  private static String string(Expression e) {
    if (e instanceof Literal<?> literal
        && literal.dataType().equals(DataTypes.StringType)
        && literal.value() instanceof UTF8String s) {
      return s.toString();
    }
    return null;
  }

  private static Instant timestamp(Expression e) {
    if (e instanceof Literal<?> literal
        && literal.dataType().equals(DataTypes.TimestampType)
        && literal.value() instanceof Long micros) {
      return Instant.EPOCH.plusNanos(Math.multiplyExact(micros, 1_000L));
    }
    return null;
  }
}
