package io.github.openrouterspark.spark.pushdown;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.apache.spark.sql.connector.expressions.filter.Predicate;

/**
 * SQL's three-valued logic for predicates on one column, over any representation of sets of that
 * column's values (date sets, a finite domain of strings): the one place the connector combines
 * AND, OR and NOT, so every translator gets NULL semantics right the same way.
 *
 * <p>A predicate's {@link Truth} is where it is TRUE and where it is FALSE; elsewhere it is NULL.
 * NOT needs the FALSE set because it is not the complement of the TRUE set once a NULL is involved:
 * {@code NOT (x IN (1, NULL))} keeps no row at all.
 *
 * @param <S> the set representation
 */
public final class ThreeValuedLogic<S> {
  /** The set operations a representation offers. */
  public interface Sets<S> {
    S all();

    S none();

    S union(S a, S b);

    S intersect(S a, S b);

    /** Subsets of a finite universe, in the universe's order (it may hold null). */
    static <T> Sets<Set<T>> subsetsOf(Collection<T> universe) {
      List<T> members = new ArrayList<>(universe);
      return new Sets<>() {
        @Override
        public Set<T> all() {
          return new LinkedHashSet<>(members);
        }

        @Override
        public Set<T> none() {
          return new LinkedHashSet<>();
        }

        @Override
        public Set<T> union(Set<T> a, Set<T> b) {
          Set<T> out = new LinkedHashSet<>(a);
          out.addAll(b);
          return out;
        }

        @Override
        public Set<T> intersect(Set<T> a, Set<T> b) {
          Set<T> out = new LinkedHashSet<>(a);
          out.retainAll(b);
          return out;
        }
      };
    }
  }

  /** Where a predicate is TRUE and where it is FALSE. */
  public record Truth<S>(S whenTrue, S whenFalse) {}

  private final Sets<S> sets;
  private final Function<Predicate, Optional<Truth<S>>> leaves;

  /**
   * @param leaves the truth of a predicate that is not AND, OR, NOT or a constant, or empty when it
   *     is not understood (then neither is any predicate containing it)
   */
  public ThreeValuedLogic(Sets<S> sets, Function<Predicate, Optional<Truth<S>>> leaves) {
    this.sets = sets;
    this.leaves = leaves;
  }

  /** The truth of {@code p}, if every part of it is understood. */
  public Optional<Truth<S>> truth(Predicate p) {
    switch (p.name()) {
      case "AND", "OR" -> {
        Optional<Truth<S>> l = truth(child(p, 0));
        Optional<Truth<S>> r = truth(child(p, 1));
        if (l.isEmpty() || r.isEmpty()) {
          return Optional.empty();
        }
        Truth<S> a = l.get();
        Truth<S> b = r.get();
        return Optional.of(
            p.name().equals("AND")
                ? new Truth<>(
                    sets.intersect(a.whenTrue(), b.whenTrue()),
                    sets.union(a.whenFalse(), b.whenFalse()))
                : new Truth<>(
                    sets.union(a.whenTrue(), b.whenTrue()),
                    sets.intersect(a.whenFalse(), b.whenFalse())));
      }
      case "NOT" -> {
        return truth(child(p, 0)).map(t -> new Truth<>(t.whenFalse(), t.whenTrue()));
      }
      case "ALWAYS_TRUE" -> {
        return Optional.of(new Truth<>(sets.all(), sets.none()));
      }
      case "ALWAYS_FALSE" -> {
        return Optional.of(new Truth<>(sets.none(), sets.all()));
      }
      default -> {
        return leaves.apply(p);
      }
    }
  }

  private static Predicate child(Predicate p, int i) {
    return (Predicate) p.children()[i];
  }
}
