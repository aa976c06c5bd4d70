package io.github.openrouterspark.spark.pushdown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.apache.spark.sql.connector.expressions.Expression;
import org.apache.spark.sql.connector.expressions.FieldReference;
import org.apache.spark.sql.connector.expressions.GeneralScalarExpression;
import org.apache.spark.sql.connector.expressions.LiteralValue;
import org.apache.spark.sql.connector.expressions.NamedReference;
import org.apache.spark.sql.connector.expressions.filter.AlwaysTrue;
import org.apache.spark.sql.connector.expressions.filter.And;
import org.apache.spark.sql.connector.expressions.filter.Not;
import org.apache.spark.sql.connector.expressions.filter.Or;
import org.apache.spark.sql.connector.expressions.filter.Predicate;
import org.apache.spark.sql.types.DataTypes;
import org.junit.jupiter.api.Test;

class ReferencesTest {
  static NamedReference col(String name) {
    return FieldReference.apply(name);
  }

  static LiteralValue<Integer> i(int n) {
    return new LiteralValue<>(n, DataTypes.IntegerType);
  }

  static Predicate p(String op, Expression... children) {
    return new Predicate(op, children);
  }

  @Test
  void aLiteralRefersToNothing() {
    assertEquals(Set.of(), References.columns(i(1)));
    assertFalse(References.mentions(i(1), "rank"));
    assertEquals(Set.of(), References.columns(new AlwaysTrue()));
  }

  @Test
  void aColumnRefersToItselfLowerCased() {
    assertEquals(List.of("rank"), List.copyOf(References.columns(col("Rank"))));
    assertTrue(References.mentions(col("Rank"), "rank"));
    assertTrue(References.mentions(col("rank"), "RANK"));
    assertFalse(References.mentions(col("rank"), "ran"));
    assertFalse(References.mentions(col("rank"), "rank_x"));
  }

  @Test
  void nestedFieldsCountAsTheirTopLevelColumn() {
    assertEquals(Set.of("payload"), References.columns(col("payload.inner.x")));
    assertTrue(References.mentions(col("payload.inner"), "payload"));
    assertFalse(References.mentions(col("payload.inner"), "inner"));
  }

  @Test
  void columnsOfAPredicateTreeInFirstAppearanceOrderWithoutDuplicates() {
    Predicate tree =
        new Or(
            new And(p("=", col("Category"), i(1)), p(">", i(2), col("rank"))),
            new Not(p("IN", col("CATEGORY"), col("sort"), i(3))));
    assertEquals(List.of("category", "rank", "sort"), List.copyOf(References.columns(tree)));
    assertTrue(References.mentions(tree, "sort"));
    assertTrue(References.mentions(tree, "Rank"));
    assertFalse(References.mentions(tree, "app_id"));
  }

  @Test
  void looksInsideScalarExpressions() {
    Expression sum = new GeneralScalarExpression("+", new Expression[] {col("a"), col("B")});
    Predicate pr = p("=", sum, i(3));
    assertEquals(List.of("a", "b"), List.copyOf(References.columns(pr)));
    assertTrue(References.mentions(pr, "b"));
    assertFalse(References.mentions(pr, "c"));
  }

  @Test
  void columnsAreLowerCasedWithTheRootLocale() {
    // Locale.ROOT: "I" becomes "i" even where the default locale would give a dotless one.
    java.util.Locale saved = java.util.Locale.getDefault();
    try {
      java.util.Locale.setDefault(java.util.Locale.forLanguageTag("tr-TR"));
      assertEquals(Set.of("id"), References.columns(col("ID")));
    } finally {
      java.util.Locale.setDefault(saved);
    }
  }
}
