package io.github.openrouterspark.spark.pushdown;

import io.github.openrouterspark.plan.DateSet;
import io.github.openrouterspark.spark.pushdown.ThreeValuedLogic.Truth;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.connector.expressions.Expression;
import org.apache.spark.sql.connector.expressions.Literal;
import org.apache.spark.sql.connector.expressions.NamedReference;
import org.apache.spark.sql.connector.expressions.filter.Predicate;
import org.apache.spark.sql.types.DataTypes;

/**
 * Translates Spark's V2 predicates on a non-null DATE column into the {@link DateSet} they allow.
 *
 * <p>{@link #exact} succeeds only when a predicate constrains nothing but the date column with
 * operators understood here; then the set is exactly the rows it keeps, and Spark need not
 * re-evaluate it (readers drop rows outside the set). For any other predicate {@link #bound} gives
 * a superset (possibly all dates) that can still narrow the requests while Spark keeps the
 * predicate: e.g. {@code date = d AND model = 'x'} reads only {@code d}.
 */
public final class DatePredicates {
  private final String column;

  public DatePredicates(String column) {
    this.column = column;
  }

  /** The exact set of dates {@code p} keeps, if {@code p} only constrains the date column. */
  public Optional<DateSet> exact(Predicate p) {
    return truth(p).map(Truth::whenTrue);
  }

  /** Date sets for the shared three-valued logic; a set's complement is where a leaf is FALSE. */
  private static final ThreeValuedLogic.Sets<DateSet> DATE_SETS =
      new ThreeValuedLogic.Sets<>() {
        @Override
        public DateSet all() {
          return DateSet.ALL;
        }

        @Override
        public DateSet none() {
          return DateSet.NONE;
        }

        @Override
        public DateSet union(DateSet a, DateSet b) {
          return a.union(b);
        }

        @Override
        public DateSet intersect(DateSet a, DateSet b) {
          return a.intersect(b);
        }
      };

  private static final Truth<DateSet> ALWAYS_NULL = new Truth<>(DateSet.NONE, DateSet.NONE);

  private final ThreeValuedLogic<DateSet> logic = new ThreeValuedLogic<>(DATE_SETS, this::leaf);

  private Optional<Truth<DateSet>> truth(Predicate p) {
    return logic.truth(p);
  }

  private static Truth<DateSet> exactly(DateSet whenTrue) {
    return new Truth<>(whenTrue, whenTrue.complement());
  }

  /** A superset of the dates {@code p} keeps; {@link DateSet#ALL} when nothing is known. */
  public DateSet bound(Predicate p) {
    Optional<DateSet> exact = exact(p);
    if (exact.isPresent()) {
      return exact.get();
    }
    return switch (p.name()) {
      case "AND" -> bound(child(p, 0)).intersect(bound(child(p, 1)));
      case "OR" -> bound(child(p, 0)).union(bound(child(p, 1)));
      default -> DateSet.ALL;
    };
  }

  private Optional<Truth<DateSet>> leaf(Predicate p) {
    Expression[] c = p.children();
    switch (p.name()) {
      case "IS_NULL" -> {
        return isColumn(c, 0) && c.length == 1
            ? Optional.of(exactly(DateSet.NONE))
            : Optional.empty();
      }
      case "IS_NOT_NULL" -> {
        return isColumn(c, 0) && c.length == 1
            ? Optional.of(exactly(DateSet.ALL))
            : Optional.empty();
      }
      case "IN" -> {
        if (c.length < 1 || !isColumn(c, 0)) {
          return Optional.empty();
        }
        List<LocalDate> dates = new ArrayList<>();
        boolean listHasNull = false;
        for (int i = 1; i < c.length; i++) {
          Optional<Optional<LocalDate>> value = dateLiteral(c[i]);
          if (value.isEmpty()) {
            return Optional.empty();
          }
          value.get().ifPresentOrElse(dates::add, () -> {});
          listHasNull |= value.get().isEmpty();
        }
        DateSet in = DateSet.ofDates(dates);
        // With a NULL in the list, a date not listed makes the IN NULL rather than FALSE.
        return Optional.of(listHasNull ? new Truth<>(in, DateSet.NONE) : exactly(in));
      }
      case "=", "<=>", "<>", "<", "<=", ">", ">=" -> {
        return comparison(p.name(), c);
      }
      default -> {
        return Optional.empty();
      }
    }
  }

  private Optional<Truth<DateSet>> comparison(String op, Expression[] c) {
    if (c.length != 2) {
      return Optional.empty();
    }
    String normalized = op;
    Expression literal;
    if (isColumn(c, 0)) {
      literal = c[1];
    } else if (isColumn(c, 1)) {
      literal = c[0];
      normalized = Comparison.flip(op);
    } else {
      return Optional.empty();
    }
    Optional<Optional<LocalDate>> value = dateLiteral(literal);
    if (value.isEmpty()) {
      return Optional.empty();
    }
    if (value.get().isEmpty()) {
      // On a non-null column, <=> NULL is FALSE everywhere; any other comparison with NULL is NULL.
      return Optional.of(normalized.equals("<=>") ? exactly(DateSet.NONE) : ALWAYS_NULL);
    }
    LocalDate d = value.get().get();
    return Optional.of(
        exactly(
            switch (normalized) {
              case "=", "<=>" -> DateSet.of(d, d);
              case "<>" -> DateSet.of(d, d).complement();
              case "<" -> DateSet.before(d);
              case "<=" -> DateSet.atOrBefore(d);
              case ">" -> DateSet.after(d);
              default -> DateSet.atOrAfter(d); // ">="
            }));
  }

  private boolean isColumn(Expression[] c, int i) {
    return i < c.length
        && c[i] instanceof NamedReference ref
        && ref.fieldNames().length == 1
        && ref.fieldNames()[0].equalsIgnoreCase(column);
  }

  /** Empty when not a DATE literal; a present-but-empty value for a NULL literal. */
  private static Optional<Optional<LocalDate>> dateLiteral(Expression e) {
    if (!(e instanceof Literal<?> literal) || !literal.dataType().equals(DataTypes.DateType)) {
      return Optional.empty();
    }
    Object value = literal.value();
    if (value == null) {
      return Optional.of(Optional.empty());
    }
    if (value instanceof Integer days) {
      return Optional.of(Optional.of(LocalDate.ofEpochDay(days)));
    }
    return Optional.empty();
  }

  private static Predicate child(Predicate p, int i) {
    return (Predicate) p.children()[i];
  }
}
