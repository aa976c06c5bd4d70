package io.github.openrouterspark.spark.pushdown;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.spark.sql.connector.expressions.Expression;
import org.apache.spark.sql.connector.expressions.Literal;
import org.apache.spark.sql.connector.expressions.NamedReference;
import org.apache.spark.sql.connector.expressions.filter.Predicate;
import org.apache.spark.sql.types.DataTypes;

/**
 * Renders predicates for EXPLAIN. Spark's own text shows DATE literals as day numbers ({@code date
 * >= 20089}) and TIMESTAMPs as microseconds; this shows them as dates ({@code date >= DATE
 * '2025-01-01'}) and instants ({@code TIMESTAMP '2026-10-04T12:00:00Z'}).
 */
public final class PredicateText {
  private PredicateText() {}

  public static String render(List<Predicate> predicates) {
    return predicates.stream()
        .map(PredicateText::render)
        .collect(Collectors.joining(", ", "[", "]"));
  }

  public static String render(Expression e) {
    if (e instanceof Literal<?> literal) {
      return literal(literal);
    }
    if (e instanceof NamedReference ref) {
      return String.join(".", ref.fieldNames());
    }
    if (!(e instanceof Predicate p)) {
      return e.toString();
    }
    Expression[] c = p.children();
    return switch (p.name()) {
      case "AND", "OR" -> "(" + render(c[0]) + " " + p.name() + " " + render(c[1]) + ")";
      case "NOT" -> "NOT " + render(c[0]);
      case "IS_NULL" -> render(c[0]) + " IS NULL";
      case "IS_NOT_NULL" -> render(c[0]) + " IS NOT NULL";
      case "IN" ->
          render(c[0])
              + " IN "
              + Arrays.stream(c, 1, c.length)
                  .map(PredicateText::render)
                  .collect(Collectors.joining(", ", "(", ")"));
      case "=", "<=>", "<>", "<", "<=", ">", ">=" ->
          render(c[0]) + " " + p.name() + " " + render(c[1]);
      default -> p.toString();
    };
  }

  private static String literal(Literal<?> literal) {
    Object v = literal.value();
    if (v == null) {
      return "NULL";
    }
    if (literal.dataType().equals(DataTypes.DateType) && v instanceof Integer days) {
      return "DATE '" + LocalDate.ofEpochDay(days) + "'";
    }
    if (literal.dataType().equals(DataTypes.TimestampType) && v instanceof Long micros) {
      return "TIMESTAMP '"
          + java.time.Instant.EPOCH.plus(micros, java.time.temporal.ChronoUnit.MICROS)
          + "'";
    }
    if (literal.dataType().equals(DataTypes.StringType)) {
      return "'" + v.toString().replace("'", "\\'") + "'";
    }
    return v.toString();
  }
}
