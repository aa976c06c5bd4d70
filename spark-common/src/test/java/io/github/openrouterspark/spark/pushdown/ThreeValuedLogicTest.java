package io.github.openrouterspark.spark.pushdown;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.openrouterspark.spark.pushdown.ThreeValuedLogic.Truth;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.sql.connector.expressions.Expression;
import org.apache.spark.sql.connector.expressions.FieldReference;
import org.apache.spark.sql.connector.expressions.LiteralValue;
import org.apache.spark.sql.connector.expressions.filter.AlwaysFalse;
import org.apache.spark.sql.connector.expressions.filter.AlwaysTrue;
import org.apache.spark.sql.connector.expressions.filter.And;
import org.apache.spark.sql.connector.expressions.filter.Not;
import org.apache.spark.sql.connector.expressions.filter.Or;
import org.apache.spark.sql.connector.expressions.filter.Predicate;
import org.apache.spark.sql.types.DataTypes;
import org.junit.jupiter.api.Test;

/**
 * The shared AND/OR/NOT of SQL's three-valued logic, over a universe {1, 2, 3}, with two leaves:
 * {@code x = v} (TRUE on v, FALSE elsewhere) and {@code x = NULL} (NULL everywhere).
 */
class ThreeValuedLogicTest {
  private static final Set<Integer> ALL = Set.of(1, 2, 3);

  private static final ThreeValuedLogic.Sets<Set<Integer>> SETS =
      ThreeValuedLogic.Sets.subsetsOf(List.of(1, 2, 3));

  private static final ThreeValuedLogic<Set<Integer>> LOGIC =
      new ThreeValuedLogic<>(SETS, ThreeValuedLogicTest::leaf);

  private static Optional<Truth<Set<Integer>>> leaf(Predicate p) {
    if (!p.name().equals("=")) {
      return Optional.empty();
    }
    Object v = ((LiteralValue<?>) p.children()[1]).value();
    if (v == null) {
      return Optional.of(new Truth<>(Set.of(), Set.of()));
    }
    Set<Integer> rest = new TreeSet<>(ALL);
    rest.remove(v);
    return Optional.of(new Truth<>(Set.of((Integer) v), rest));
  }

  private static Predicate eq(Integer v) {
    return new Predicate(
        "=",
        new Expression[] {FieldReference.apply("x"), new LiteralValue<>(v, DataTypes.IntegerType)});
  }

  private static Truth<Set<Integer>> truth(Predicate p) {
    return LOGIC.truth(p).orElseThrow();
  }

  @Test
  void andOrNotCombineTrueAndFalseSets() {
    assertEquals(new Truth<>(Set.of(), Set.of(1, 2, 3)), truth(new And(eq(1), eq(2))));
    assertEquals(new Truth<>(Set.of(1, 2), Set.of(3)), truth(new Or(eq(1), eq(2))));
    assertEquals(new Truth<>(Set.of(2, 3), Set.of(1)), truth(new Not(eq(1))));
  }

  @Test
  void nullIsNeitherTrueNorFalseAndNotKeepsItSo() {
    // NOT (x = 1 OR x = NULL): TRUE nowhere (2 and 3 give NULL), FALSE on 1.
    assertEquals(new Truth<>(Set.of(), Set.of(1)), truth(new Not(new Or(eq(1), eq(null)))));
    // x = 1 AND x = NULL: FALSE where x = 1 is FALSE, NULL on 1.
    assertEquals(new Truth<>(Set.of(), Set.of(2, 3)), truth(new And(eq(1), eq(null))));
  }

  @Test
  void constantsAreTheWholeUniverseOrNothing() {
    assertEquals(new Truth<>(ALL, Set.of()), truth(new AlwaysTrue()));
    assertEquals(new Truth<>(Set.of(), ALL), truth(new AlwaysFalse()));
  }

  @Test
  void aPartNotUnderstoodMakesTheWholeUnknown() {
    Predicate other = new Predicate("STARTS_WITH", new Expression[] {FieldReference.apply("x")});
    assertEquals(Optional.empty(), LOGIC.truth(new And(eq(1), other)));
    assertEquals(Optional.empty(), LOGIC.truth(new Not(other)));
  }
}
