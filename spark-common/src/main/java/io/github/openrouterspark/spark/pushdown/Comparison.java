package io.github.openrouterspark.spark.pushdown;

import java.util.Optional;
import org.apache.spark.sql.connector.expressions.Expression;
import org.apache.spark.sql.connector.expressions.NamedReference;
import org.apache.spark.sql.connector.expressions.filter.Predicate;

/**
 * A binary comparison of one column with another expression, normalised so the column is on the
 * left: {@code 5 < rank} becomes {@code rank > 5}.
 *
 * @param op {@code =}, {@code <=>}, {@code <>}, {@code <}, {@code <=}, {@code >} or {@code >=}
 */
public record Comparison(String op, Expression other) {

  /** The comparison {@code p} makes of {@code column}, or empty when it is not one. */
  public static Optional<Comparison> of(Predicate p, String column) {
    Expression[] c = p.children();
    if (c.length != 2 || !isComparison(p.name())) {
      return Optional.empty();
    }
    if (isColumn(c[0], column)) {
      return Optional.of(new Comparison(p.name(), c[1]));
    }
    if (isColumn(c[1], column)) {
      return Optional.of(new Comparison(flip(p.name()), c[0]));
    }
    return Optional.empty();
  }

  /** The operator that keeps the meaning when the operands swap sides. */
  static String flip(String op) {
    return switch (op) {
      case "<" -> ">";
      case "<=" -> ">=";
      case ">" -> "<";
      case ">=" -> "<=";
      default -> op;
    };
  }

  static boolean isColumn(Expression e, String column) {
    return e instanceof NamedReference ref
        && ref.fieldNames().length == 1
        && ref.fieldNames()[0].equalsIgnoreCase(column);
  }

  private static boolean isComparison(String name) {
    return switch (name) {
      case "=", "<=>", "<>", "<", "<=", ">", ">=" -> true;
      default -> false;
    };
  }
}
