package io.github.openrouterspark.spark.pushdown;

import io.github.openrouterspark.plan.RankRange;
import java.util.Optional;
import org.apache.spark.sql.connector.expressions.Expression;
import org.apache.spark.sql.connector.expressions.Literal;
import org.apache.spark.sql.connector.expressions.NamedReference;
import org.apache.spark.sql.connector.expressions.filter.Predicate;

/**
 * Translates predicates on the non-null integer {@code rank} column into the range of ranks they
 * allow. {@link #exact} covers comparisons, {@code =} and AND of them (BETWEEN arrives as AND);
 * {@link #bound} also gives the hull of an {@code IN} list, which still narrows the pages read
 * while Spark keeps the predicate.
 */
public final class RankPredicates {
  private final String column;

  public RankPredicates(String column) {
    this.column = column;
  }

  public Optional<RankRange> exact(Predicate p) {
    Expression[] c = p.children();
    switch (p.name()) {
      case "AND" -> {
        Optional<RankRange> l = exact((Predicate) c[0]);
        Optional<RankRange> r = exact((Predicate) c[1]);
        return l.isPresent() && r.isPresent()
            ? Optional.of(l.get().intersect(r.get()))
            : Optional.empty();
      }
      case "IS_NOT_NULL" -> {
        return c.length == 1 && isColumn(c[0]) ? Optional.of(RankRange.ALL) : Optional.empty();
      }
      case "=", "<=>", "<", "<=", ">", ">=" -> {
        return comparison(p.name(), c);
      }
      default -> {
        return Optional.empty();
      }
    }
  }

  /** A range containing every rank {@code p} keeps; {@link RankRange#ALL} when nothing is known. */
  public RankRange bound(Predicate p) {
    Optional<RankRange> exact = exact(p);
    if (exact.isPresent()) {
      return exact.get();
    }
    Expression[] c = p.children();
    switch (p.name()) {
      case "AND" -> {
        return bound((Predicate) c[0]).intersect(bound((Predicate) c[1]));
      }
      case "IN" -> {
        if (c.length < 1 || !isColumn(c[0])) {
          return RankRange.ALL;
        }
        long lo = Long.MAX_VALUE;
        long hi = Long.MIN_VALUE;
        for (int i = 1; i < c.length; i++) {
          Optional<Long> v = intLiteral(c[i]);
          if (v.isEmpty()) {
            return RankRange.ALL;
          }
          lo = Math.min(lo, v.get());
          hi = Math.max(hi, v.get());
        }
        return lo > hi ? RankRange.NONE : RankRange.atLeast(lo).intersect(RankRange.atMost(hi));
      }
      default -> {
        return RankRange.ALL;
      }
    }
  }

  private Optional<RankRange> comparison(String op, Expression[] c) {
    if (c.length != 2) {
      return Optional.empty();
    }
    String normalized = op;
    Expression literal;
    if (isColumn(c[0])) {
      literal = c[1];
    } else if (isColumn(c[1])) {
      literal = c[0];
      normalized =
          switch (op) {
            case "<" -> ">";
            case "<=" -> ">=";
            case ">" -> "<";
            case ">=" -> "<=";
            default -> op;
          };
    } else {
      return Optional.empty();
    }
    Optional<Long> v = intLiteral(literal);
    if (v.isEmpty()) {
      return Optional.empty();
    }
    long n = v.get();
    if ((normalized.equals(">") && n == Long.MAX_VALUE)
        || (normalized.equals("<") && n == Long.MIN_VALUE)) {
      return Optional.of(RankRange.NONE);
    }
    return Optional.of(
        switch (normalized) {
          case "=", "<=>" -> RankRange.atLeast(n).intersect(RankRange.atMost(n));
          case "<" -> RankRange.atMost(n - 1);
          case "<=" -> RankRange.atMost(n);
          case ">" -> RankRange.atLeast(n + 1);
          default -> RankRange.atLeast(n);
        });
  }

  private boolean isColumn(Expression e) {
    return e instanceof NamedReference ref
        && ref.fieldNames().length == 1
        && ref.fieldNames()[0].equalsIgnoreCase(column);
  }

  /** Integer-typed literals only; a NULL or other type is not translated. */
  private static Optional<Long> intLiteral(Expression e) {
    if (e instanceof Literal<?> literal
        && literal.value() instanceof Number n
        && (n instanceof Integer || n instanceof Long || n instanceof Short || n instanceof Byte)) {
      return Optional.of(n.longValue());
    }
    return Optional.empty();
  }
}
