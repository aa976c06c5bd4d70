package io.github.openrouterspark.spark.pushdown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.openrouterspark.plan.DateSet;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.connector.expressions.Expression;
import org.apache.spark.sql.connector.expressions.FieldReference;
import org.apache.spark.sql.connector.expressions.LiteralValue;
import org.apache.spark.sql.connector.expressions.NamedReference;
import org.apache.spark.sql.connector.expressions.filter.AlwaysFalse;
import org.apache.spark.sql.connector.expressions.filter.AlwaysTrue;
import org.apache.spark.sql.connector.expressions.filter.And;
import org.apache.spark.sql.connector.expressions.filter.Not;
import org.apache.spark.sql.connector.expressions.filter.Or;
import org.apache.spark.sql.connector.expressions.filter.Predicate;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.unsafe.types.UTF8String;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DatePredicatesTest {
  static final DatePredicates DATES = new DatePredicates("date");
  static final LocalDate D = LocalDate.parse("2025-03-01");
  static final LocalDate E = LocalDate.parse("2025-03-10");

  static NamedReference col(String name) {
    return FieldReference.apply(name);
  }

  static NamedReference date() {
    return col("date");
  }

  static LiteralValue<Integer> lit(LocalDate d) {
    return new LiteralValue<>((int) d.toEpochDay(), DataTypes.DateType);
  }

  static LiteralValue<Integer> lit(String iso) {
    return lit(LocalDate.parse(iso));
  }

  static LiteralValue<Object> nullDate() {
    return new LiteralValue<>(null, DataTypes.DateType);
  }

  static LiteralValue<UTF8String> str(String s) {
    return new LiteralValue<>(UTF8String.fromString(s), DataTypes.StringType);
  }

  static Predicate p(String op, Expression... children) {
    return new Predicate(op, children);
  }

  static Predicate cmp(String op, LocalDate d) {
    return p(op, date(), lit(d));
  }

  static Predicate modelIs(String model) {
    return p("=", col("model_permaslug"), str(model));
  }

  static void assertExact(DateSet expected, Predicate predicate) {
    assertEquals(Optional.of(expected), DATES.exact(predicate), predicate.toString());
    assertEquals(
        expected,
        DATES.bound(predicate),
        "bound of an exact predicate is the exact set: " + predicate);
  }

  static void assertNotExact(DateSet expectedBound, Predicate predicate) {
    // Spark's own toString fails on malformed or unknown predicates, so describe by name only.
    assertEquals(Optional.empty(), DATES.exact(predicate), predicate.name());
    assertEquals(expectedBound, DATES.bound(predicate), predicate.name());
  }

  @Nested
  class Comparisons {
    @Test
    void equalTo() {
      assertExact(DateSet.of(D, D), cmp("=", D));
    }

    @Test
    void nullSafeEqualTo() {
      assertExact(DateSet.of(D, D), cmp("<=>", D));
    }

    @Test
    void notEqualTo() {
      assertExact(DateSet.of(D, D).complement(), cmp("<>", D));
    }

    @Test
    void lessThan() {
      assertExact(DateSet.atOrBefore(D.minusDays(1)), cmp("<", D));
    }

    @Test
    void lessThanOrEqual() {
      assertExact(DateSet.atOrBefore(D), cmp("<=", D));
    }

    @Test
    void greaterThan() {
      assertExact(DateSet.atOrAfter(D.plusDays(1)), cmp(">", D));
    }

    @Test
    void greaterThanOrEqual() {
      assertExact(DateSet.atOrAfter(D), cmp(">=", D));
    }

    @Test
    void literalOnTheLeftIsFlipped() {
      assertExact(DateSet.atOrAfter(D.plusDays(1)), p("<", lit(D), date())); // d < date
      assertExact(DateSet.atOrAfter(D), p("<=", lit(D), date())); // d <= date
      assertExact(DateSet.atOrBefore(D.minusDays(1)), p(">", lit(D), date())); // d > date
      assertExact(DateSet.atOrBefore(D), p(">=", lit(D), date())); // d >= date
      assertExact(DateSet.of(D, D), p("=", lit(D), date()));
      assertExact(DateSet.of(D, D), p("<=>", lit(D), date()));
      assertExact(DateSet.of(D, D).complement(), p("<>", lit(D), date()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"=", "<", "<=", ">", ">=", "<>"})
    void nullLiteralKeepsNothing(String op) {
      assertExact(DateSet.NONE, p(op, date(), nullDate()));
      assertExact(DateSet.NONE, p(op, nullDate(), date()));
    }

    @Test
    void nullSafeEqualToNullKeepsNothingOnANonNullColumn() {
      assertExact(DateSet.NONE, p("<=>", date(), nullDate()));
      // date <=> NULL is false (never null) on a non-null column, so its negation keeps every row.
      assertExact(DateSet.ALL, new Not(p("<=>", date(), nullDate())));
    }

    @Test
    void epochAndFarDates() {
      LocalDate epoch = LocalDate.ofEpochDay(0);
      assertExact(DateSet.of(epoch, epoch), cmp("=", epoch));
      LocalDate old = LocalDate.parse("1900-01-01");
      assertExact(DateSet.before(old), cmp("<", old));
    }

    @Test
    void columnNameMatchesCaseInsensitively() {
      assertExact(DateSet.of(D, D), p("=", col("DATE"), lit(D)));
      assertExact(DateSet.of(D, D), p("=", col("Date"), lit(D)));
      assertEquals(
          Optional.of(DateSet.of(D, D)), new DatePredicates("DATE").exact(p("=", date(), lit(D))));
      assertEquals(
          Optional.of(DateSet.of(D, D)),
          new DatePredicates("Date").exact(p("=", col("dAtE"), lit(D))));
    }

    @Test
    void otherColumnsAreNotDates() {
      assertNotExact(DateSet.ALL, p("=", col("dates"), lit(D)));
      assertNotExact(DateSet.ALL, p("=", col("other_date"), lit(D)));
      assertNotExact(
          DateSet.ALL, p("=", col("s.date"), lit(D))); // nested field, not the top-level column
      assertNotExact(DateSet.ALL, modelIs("openai/gpt-5"));
    }

    @Test
    void columnComparedWithColumnIsNotExact() {
      assertNotExact(DateSet.ALL, p("=", date(), date()));
      assertNotExact(DateSet.ALL, p("<", date(), col("other")));
      assertNotExact(DateSet.ALL, p("<", col("other"), date()));
    }

    @Test
    void literalComparedWithLiteralIsNotExact() {
      assertNotExact(DateSet.ALL, p("=", lit(D), lit(D)));
    }

    @Test
    void nonDateLiteralsAreNotExact() {
      long micros = D.toEpochDay() * 86_400_000_000L;
      assertNotExact(
          DateSet.ALL, p(">=", date(), new LiteralValue<>(micros, DataTypes.TimestampType)));
      assertNotExact(
          DateSet.ALL, p(">=", date(), new LiteralValue<>(micros, DataTypes.TimestampNTZType)));
      assertNotExact(DateSet.ALL, p("=", date(), str("2025-03-01")));
      assertNotExact(
          DateSet.ALL,
          p("=", date(), new LiteralValue<>((int) D.toEpochDay(), DataTypes.IntegerType)));
      assertNotExact(
          DateSet.ALL, p("=", date(), new LiteralValue<>(D.toEpochDay(), DataTypes.LongType)));
      assertNotExact(
          DateSet.ALL, p("=", date(), new LiteralValue<>(null, DataTypes.TimestampType)));
    }

    @Test
    void dateTypedLiteralWithUnexpectedValueIsNotExact() {
      assertNotExact(DateSet.ALL, p("=", date(), new LiteralValue<>(D, DataTypes.DateType)));
      assertNotExact(
          DateSet.ALL, p("=", date(), new LiteralValue<>(D.toEpochDay(), DataTypes.DateType)));
    }

    @Test
    void wrongArityIsNotExact() {
      assertNotExact(DateSet.ALL, p("=", date()));
      assertNotExact(DateSet.ALL, p("=", date(), lit(D), lit(E)));
    }

    @Test
    void unknownOperatorsAreNotExact() {
      assertNotExact(DateSet.ALL, p("STARTS_WITH", col("model_permaslug"), str("openai/")));
      assertNotExact(DateSet.ALL, p("LIKE", date(), str("2025%")));
      assertNotExact(DateSet.ALL, p("BOOLEAN_EXPRESSION", col("flag")));
    }
  }

  @Nested
  class NullChecksAndIn {
    @Test
    void isNullKeepsNothing() {
      assertExact(DateSet.NONE, p("IS_NULL", date()));
    }

    @Test
    void isNotNullKeepsEverything() {
      assertExact(DateSet.ALL, p("IS_NOT_NULL", date()));
    }

    @Test
    void nullChecksOnOtherColumnsAreNotExact() {
      assertNotExact(DateSet.ALL, p("IS_NULL", col("model_permaslug")));
      assertNotExact(DateSet.ALL, p("IS_NOT_NULL", col("model_permaslug")));
      assertNotExact(DateSet.ALL, p("IS_NULL", lit(D)));
    }

    @Test
    void in() {
      assertExact(DateSet.ofDates(List.of(D, E)), p("IN", date(), lit(E), lit(D)));
      assertExact(
          DateSet.of(D, D.plusDays(2)),
          p("IN", date(), lit(D), lit(D.plusDays(1)), lit(D.plusDays(2))));
      assertExact(DateSet.of(D, D), p("IN", date(), lit(D), lit(D)));
      assertExact(DateSet.of(D, D), p("IN", col("DATE"), lit(D)));
    }

    @Test
    void inWithEmptyListKeepsNothing() {
      assertExact(DateSet.NONE, p("IN", date()));
    }

    @Test
    void nullInTheListMatchesNothing() {
      assertExact(DateSet.of(D, D), p("IN", date(), lit(D), nullDate()));
      assertExact(DateSet.NONE, p("IN", date(), nullDate()));
    }

    @Test
    void inWithNonDateValueIsNotExact() {
      assertNotExact(DateSet.ALL, p("IN", date(), lit(D), str("2025-03-02")));
      assertNotExact(DateSet.ALL, p("IN", date(), lit(D), col("other")));
    }

    @Test
    void inOnOtherColumnIsNotExact() {
      assertNotExact(DateSet.ALL, p("IN", col("model_permaslug"), str("a"), str("b")));
      assertNotExact(DateSet.ALL, p("IN", lit(D), date()));
    }
  }

  @Nested
  class Combinations {
    @Test
    void andIntersects() {
      assertExact(DateSet.of(D, E), new And(cmp(">=", D), cmp("<=", E)));
      assertExact(DateSet.NONE, new And(cmp(">", E), cmp("<", D)));
      assertExact(
          DateSet.of(D, D), new And(p("IN", date(), lit(D), lit(E.plusDays(5))), cmp("<=", E)));
    }

    @Test
    void orUnites() {
      assertExact(DateSet.ofDates(List.of(D, E)), new Or(cmp("=", D), cmp("=", E)));
      assertExact(DateSet.of(D, E).complement(), new Or(cmp("<", D), cmp(">", E)));
      assertExact(DateSet.ALL, new Or(cmp("<", D), cmp(">=", D)));
    }

    @Test
    void notComplements() {
      assertExact(DateSet.of(D, D).complement(), new Not(cmp("=", D)));
      assertExact(DateSet.atOrAfter(D), new Not(cmp("<", D)));
      assertExact(DateSet.of(D, E), new Not(new Or(cmp("<", D), cmp(">", E))));
      assertExact(
          DateSet.ofDates(List.of(D, E)).complement(), new Not(p("IN", date(), lit(D), lit(E))));
      assertExact(DateSet.of(D, D), new Not(new Not(cmp("=", D))));
      assertExact(DateSet.ALL, new Not(p("IS_NULL", date())));
      assertExact(DateSet.NONE, new Not(p("IS_NOT_NULL", date())));
    }

    @Test
    void nestedCombination() {
      // (date >= D AND date <= E AND NOT date = D+3) OR date IN (E+10)
      Predicate p =
          new Or(
              new And(new And(cmp(">=", D), cmp("<=", E)), new Not(cmp("=", D.plusDays(3)))),
              p("IN", date(), lit(E.plusDays(10))));
      DateSet expected =
          DateSet.of(D, D.plusDays(2))
              .union(DateSet.of(D.plusDays(4), E))
              .union(DateSet.of(E.plusDays(10), E.plusDays(10)));
      assertExact(expected, p);
    }

    @Test
    void alwaysTrueAndFalse() {
      assertExact(DateSet.ALL, new AlwaysTrue());
      assertExact(DateSet.NONE, new AlwaysFalse());
      assertExact(DateSet.of(D, D), new And(new AlwaysTrue(), cmp("=", D)));
      assertExact(DateSet.NONE, new And(new AlwaysFalse(), cmp("=", D)));
      assertExact(DateSet.ALL, new Or(new AlwaysTrue(), cmp("=", D)));
      assertExact(DateSet.NONE, new Not(new AlwaysTrue()));
      assertExact(DateSet.ALL, new Not(new AlwaysFalse()));
    }

    @Test
    void notOverOtherColumnIsNotExact() {
      assertNotExact(DateSet.ALL, new Not(modelIs("x")));
      assertNotExact(DateSet.ALL, new Not(new And(cmp("=", D), modelIs("x"))));
    }

    @Test
    void dateAndOtherColumnIsBoundedByTheDatePart() {
      Predicate p = new And(cmp("=", D), modelIs("x"));
      assertNotExact(DateSet.of(D, D), p);
      assertNotExact(DateSet.of(D, D), new And(modelIs("x"), cmp("=", D)));
      assertNotExact(DateSet.of(D, E), new And(new And(cmp(">=", D), modelIs("x")), cmp("<=", E)));
    }

    @Test
    void orMixingDateAndOtherColumnIsUnbounded() {
      assertNotExact(DateSet.ALL, new Or(cmp("=", D), modelIs("x")));
      assertNotExact(DateSet.ALL, new Or(modelIs("x"), cmp("=", D)));
    }

    @Test
    void orOfBoundedMixedSidesIsBoundedByTheUnion() {
      Predicate p = new Or(new And(cmp("=", D), modelIs("x")), new And(cmp("=", E), modelIs("y")));
      assertNotExact(DateSet.ofDates(List.of(D, E)), p);
      Predicate q = new Or(new And(cmp("=", D), modelIs("x")), cmp("=", E));
      assertNotExact(DateSet.ofDates(List.of(D, E)), q);
    }

    @Test
    void andWithUnboundedMixedSideKeepsTheExactSide() {
      Predicate p = new And(new Or(cmp("=", D), modelIs("x")), cmp(">=", E));
      assertNotExact(DateSet.atOrAfter(E), p);
    }

    @Test
    void notOfMixedIsUnbounded() {
      assertNotExact(DateSet.ALL, new Not(new And(cmp(">=", D), modelIs("x"))));
      assertNotExact(DateSet.ALL, new Not(new Or(cmp(">=", D), modelIs("x"))));
    }

    @Test
    void contradictoryMixedPredicateHasEmptyBound() {
      assertNotExact(DateSet.NONE, new And(new And(cmp("<", D), modelIs("x")), cmp(">", E)));
    }
  }

  @Nested
  class ThreeValuedLogic {
    @Test
    void notInWithNullKeepsNothing() {
      Predicate notIn = new Not(p("IN", date(), lit(D), nullDate()));
      Optional<DateSet> exact = DATES.exact(notIn);
      assertTrue(exact.isEmpty() || exact.get().isEmpty(), "got " + exact);
    }

    @Test
    void notOfComparisonWithNullKeepsNothing() {
      for (String op : List.of("=", "<", "<=", ">", ">=")) {
        Predicate p = new Not(p(op, date(), nullDate()));
        Optional<DateSet> exact = DATES.exact(p);
        assertTrue(exact.isEmpty() || exact.get().isEmpty(), op + ": got " + exact);
      }
    }

    @Test
    void nullInOrIsHarmless() {
      // date = D OR date IN (NULL): NULL OR x keeps exactly the rows x keeps.
      assertExact(DateSet.of(D, D), new Or(cmp("=", D), p("IN", date(), nullDate())));
    }

    @Test
    void nullInAndIsHarmless() {
      assertExact(DateSet.NONE, new And(cmp(">=", D), p("=", date(), nullDate())));
    }
  }
}
