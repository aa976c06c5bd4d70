package io.github.openrouterspark.spark.pushdown;

import static io.github.openrouterspark.spark.pushdown.DatePredicatesTest.col;
import static io.github.openrouterspark.spark.pushdown.DatePredicatesTest.date;
import static io.github.openrouterspark.spark.pushdown.DatePredicatesTest.lit;
import static io.github.openrouterspark.spark.pushdown.DatePredicatesTest.nullDate;
import static io.github.openrouterspark.spark.pushdown.DatePredicatesTest.p;
import static io.github.openrouterspark.spark.pushdown.DatePredicatesTest.str;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.apache.spark.sql.connector.expressions.Expression;
import org.apache.spark.sql.connector.expressions.GeneralScalarExpression;
import org.apache.spark.sql.connector.expressions.LiteralValue;
import org.apache.spark.sql.connector.expressions.filter.AlwaysFalse;
import org.apache.spark.sql.connector.expressions.filter.AlwaysTrue;
import org.apache.spark.sql.connector.expressions.filter.And;
import org.apache.spark.sql.connector.expressions.filter.Not;
import org.apache.spark.sql.connector.expressions.filter.Or;
import org.apache.spark.sql.connector.expressions.filter.Predicate;
import org.apache.spark.sql.types.DataTypes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PredicateTextTest {
  @Test
  void dateLiteralsRenderAsDates() {
    assertEquals("DATE '2025-01-01'", PredicateText.render(lit("2025-01-01")));
    assertEquals("DATE '2024-02-29'", PredicateText.render(lit("2024-02-29")));
    assertEquals("DATE '1970-01-01'", PredicateText.render(lit("1970-01-01")));
    assertEquals("DATE '1969-12-31'", PredicateText.render(lit("1969-12-31")));
  }

  @ParameterizedTest
  @ValueSource(strings = {"=", "<=>", "<>", "<", "<=", ">", ">="})
  void comparisons(String op) {
    assertEquals(
        "date " + op + " DATE '2025-03-01'",
        PredicateText.render(p(op, date(), lit("2025-03-01"))));
    assertEquals(
        "DATE '2025-03-01' " + op + " date",
        PredicateText.render(p(op, lit("2025-03-01"), date())));
  }

  @Test
  void dayNumberIsNotShown() {
    Predicate p = p(">=", date(), lit("2025-01-01"));
    assertEquals("date >= DATE '2025-01-01'", PredicateText.render(p));
    assertEquals(false, PredicateText.render(p).contains("20089"));
  }

  @Test
  void andOrNot() {
    Predicate between =
        new And(p(">=", date(), lit("2025-03-01")), p("<=", date(), lit("2025-03-31")));
    assertEquals(
        "(date >= DATE '2025-03-01' AND date <= DATE '2025-03-31')", PredicateText.render(between));
    assertEquals(
        "(date = DATE '2025-03-01' OR date = DATE '2025-03-02')",
        PredicateText.render(
            new Or(p("=", date(), lit("2025-03-01")), p("=", date(), lit("2025-03-02")))));
    assertEquals(
        "NOT (date >= DATE '2025-03-01' AND date <= DATE '2025-03-31')",
        PredicateText.render(new Not(between)));
    assertEquals(
        "NOT date = DATE '2025-03-01'",
        PredicateText.render(new Not(p("=", date(), lit("2025-03-01")))));
  }

  @Test
  void inAndNullChecks() {
    assertEquals(
        "date IN (DATE '2025-03-01', DATE '2025-03-05', NULL)",
        PredicateText.render(p("IN", date(), lit("2025-03-01"), lit("2025-03-05"), nullDate())));
    assertEquals("date IS NULL", PredicateText.render(p("IS_NULL", date())));
    assertEquals("date IS NOT NULL", PredicateText.render(p("IS_NOT_NULL", date())));
  }

  @Test
  void otherLiterals() {
    assertEquals(
        "model_permaslug = 'openai/gpt-5'",
        PredicateText.render(p("=", col("model_permaslug"), str("openai/gpt-5"))));
    assertEquals(
        "model_permaslug = 'it\\'s'",
        PredicateText.render(p("=", col("model_permaslug"), str("it's"))));
    assertEquals(
        "total_tokens > 42",
        PredicateText.render(
            p(">", col("total_tokens"), new LiteralValue<>(42L, DataTypes.LongType))));
    assertEquals("date = NULL", PredicateText.render(p("=", date(), nullDate())));
  }

  @Test
  void nestedFieldNamesAreDotted() {
    assertEquals(
        "a.b = DATE '2025-03-01'", PredicateText.render(p("=", col("a.b"), lit("2025-03-01"))));
  }

  @Test
  void alwaysTrueAndFalse() {
    assertEquals("true", PredicateText.render(new AlwaysTrue()));
    assertEquals("false", PredicateText.render(new AlwaysFalse()));
  }

  @Test
  void unknownPredicatesAndExpressionsFallBackToSparkText() {
    Predicate startsWith = p("STARTS_WITH", col("model_permaslug"), str("openai/"));
    assertEquals(startsWith.toString(), PredicateText.render(startsWith));
    Expression plus =
        new GeneralScalarExpression(
            "+", new Expression[] {col("x"), new LiteralValue<>(1, DataTypes.IntegerType)});
    assertEquals(plus.toString(), PredicateText.render(plus));
  }

  @Test
  void listRendering() {
    assertEquals("[]", PredicateText.render(List.of()));
    assertEquals(
        "[date >= DATE '2025-03-01', model_permaslug = 'x']",
        PredicateText.render(
            List.of(p(">=", date(), lit("2025-03-01")), p("=", col("model_permaslug"), str("x")))));
  }
}
