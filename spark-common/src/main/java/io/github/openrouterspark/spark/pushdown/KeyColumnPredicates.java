package io.github.openrouterspark.spark.pushdown;

import io.github.openrouterspark.spark.pushdown.ThreeValuedLogic.Truth;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.spark.sql.connector.expressions.Expression;
import org.apache.spark.sql.connector.expressions.Literal;
import org.apache.spark.sql.connector.expressions.NamedReference;
import org.apache.spark.sql.connector.expressions.filter.Predicate;
import org.apache.spark.sql.types.DataTypes;

/**
 * Translates predicates on a "key column" (a string column whose value is an API parameter, e.g.
 * {@code category}) into the values of its finite domain they keep. The domain holds every value
 * the API accepts plus null, the value of rows fetched without that parameter.
 *
 * <p>Exact for {@code =}, {@code <=>}, {@code IN}, {@code IS NULL}, {@code IS NOT NULL} and
 * AND/OR/NOT of them, with SQL's three-valued logic: {@code NOT (category = 'coding')} keeps
 * neither 'coding' nor null rows. Anything else is not exact and stays with Spark.
 */
public final class KeyColumnPredicates {
  private final String column;
  private final List<String> domain;

  /**
   * @param domain the accepted values in display order; may contain null
   */
  public KeyColumnPredicates(String column, List<String> domain) {
    this.column = column;
    this.domain = new ArrayList<>(domain);
    this.logic = new ThreeValuedLogic<>(ThreeValuedLogic.Sets.subsetsOf(this.domain), this::leaf);
  }

  public String column() {
    return column;
  }

  public List<String> domain() {
    return domain;
  }

  /** The domain values {@code p} keeps, in domain order, if {@code p} only tests this column. */
  public Optional<List<String>> exact(Predicate p) {
    return truth(p).map(t -> domain.stream().filter(t.whenTrue()::contains).toList());
  }

  private final ThreeValuedLogic<Set<String>> logic;

  private Truth<Set<String>> of(Set<String> keeps, boolean nullIsUnknown) {
    Set<String> rejects = new LinkedHashSet<>(domain);
    rejects.removeAll(keeps);
    if (nullIsUnknown) {
      rejects.remove(null);
    }
    return new Truth<>(keeps, rejects);
  }

  private Optional<Truth<Set<String>>> truth(Predicate p) {
    return logic.truth(p);
  }

  private Optional<Truth<Set<String>>> leaf(Predicate p) {
    Expression[] c = p.children();
    switch (p.name()) {
      case "IS_NULL", "IS_NOT_NULL" -> {
        if (c.length != 1 || !isColumn(c[0])) {
          return Optional.empty();
        }
        Set<String> nullOnly = new LinkedHashSet<>();
        nullOnly.add(null);
        Truth<Set<String>> isNull = of(domainMembers(nullOnly), false);
        return Optional.of(
            p.name().equals("IS_NULL")
                ? isNull
                : new Truth<>(isNull.whenFalse(), isNull.whenTrue()));
      }
      case "=", "<=>" -> {
        if (c.length != 2) {
          return Optional.empty();
        }
        Expression other = isColumn(c[0]) ? c[1] : isColumn(c[1]) ? c[0] : null;
        Optional<Optional<String>> value = other == null ? Optional.empty() : stringLiteral(other);
        if (value.isEmpty()) {
          return Optional.empty();
        }
        Set<String> keeps = new LinkedHashSet<>();
        if (value.get().isPresent()) {
          keeps.add(value.get().get());
        } else if (p.name().equals("<=>")) {
          keeps.add(null); // col <=> NULL is IS NULL, never unknown
        } else {
          return Optional.of(
              new Truth<>(
                  new LinkedHashSet<>(), new LinkedHashSet<>())); // col = NULL: unknown everywhere
        }
        return Optional.of(of(domainMembers(keeps), p.name().equals("=")));
      }
      case "IN" -> {
        if (c.length < 1 || !isColumn(c[0])) {
          return Optional.empty();
        }
        Set<String> keeps = new LinkedHashSet<>();
        boolean listHasNull = false;
        for (int i = 1; i < c.length; i++) {
          Optional<Optional<String>> value = stringLiteral(c[i]);
          if (value.isEmpty()) {
            return Optional.empty();
          }
          value.get().ifPresent(keeps::add);
          listHasNull |= value.get().isEmpty();
        }
        Truth<Set<String>> t = of(domainMembers(keeps), true);
        return Optional.of(listHasNull ? new Truth<>(t.whenTrue(), new LinkedHashSet<>()) : t);
      }
      default -> {
        return Optional.empty();
      }
    }
  }

  private Set<String> domainMembers(Set<String> values) {
    Set<String> out = new LinkedHashSet<>();
    for (String v : values) {
      if (domain.contains(v)) {
        out.add(v);
      }
    }
    return out;
  }

  private boolean isColumn(Expression e) {
    return e instanceof NamedReference ref
        && ref.fieldNames().length == 1
        && ref.fieldNames()[0].equalsIgnoreCase(column);
  }

  /** Empty when not a string literal; a present-but-empty value for a NULL literal. */
  private static Optional<Optional<String>> stringLiteral(Expression e) {
    if (!(e instanceof Literal<?> literal) || !literal.dataType().equals(DataTypes.StringType)) {
      return Optional.empty();
    }
    Object v = literal.value();
    return Optional.of(Optional.ofNullable(v == null ? null : v.toString()));
  }
}
