package io.github.openrouterspark.spark.pushdown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.openrouterspark.plan.RankRange;
import java.util.Optional;
import java.util.Random;
import org.apache.spark.sql.connector.expressions.Expression;
import org.apache.spark.sql.connector.expressions.FieldReference;
import org.apache.spark.sql.connector.expressions.LiteralValue;
import org.apache.spark.sql.connector.expressions.NamedReference;
import org.apache.spark.sql.connector.expressions.filter.AlwaysTrue;
import org.apache.spark.sql.connector.expressions.filter.And;
import org.apache.spark.sql.connector.expressions.filter.Not;
import org.apache.spark.sql.connector.expressions.filter.Or;
import org.apache.spark.sql.connector.expressions.filter.Predicate;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.Decimal;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.unsafe.types.UTF8String;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RankPredicatesTest {
  static final RankPredicates RANKS = new RankPredicates("rank");
  static final int MAX = Integer.MAX_VALUE;

  static NamedReference col(String name) {
    return FieldReference.apply(name);
  }

  static NamedReference rank() {
    return col("rank");
  }

  static LiteralValue<Integer> i(int n) {
    return new LiteralValue<>(n, DataTypes.IntegerType);
  }

  static LiteralValue<Long> l(long n) {
    return new LiteralValue<>(n, DataTypes.LongType);
  }

  static Predicate p(String op, Expression... children) {
    return new Predicate(op, children);
  }

  static Predicate cmp(String op, int n) {
    return p(op, rank(), i(n));
  }

  static Predicate in(int... values) {
    Expression[] c = new Expression[values.length + 1];
    c[0] = rank();
    for (int k = 0; k < values.length; k++) {
      c[k + 1] = i(values[k]);
    }
    return p("IN", c);
  }

  static RankRange r(int lo, int hi) {
    return new RankRange(lo, hi);
  }

  static void assertExact(RankRange expected, Predicate predicate) {
    assertEquals(Optional.of(expected), RANKS.exact(predicate), predicate.name());
    assertEquals(
        expected,
        RANKS.bound(predicate),
        "bound of an exact predicate is its range: " + predicate.name());
  }

  static void assertExactlyEmpty(Predicate predicate) {
    Optional<RankRange> exact = RANKS.exact(predicate);
    assertTrue(exact.isPresent() && exact.get().isEmpty(), predicate.name() + " -> " + exact);
    assertTrue(RANKS.bound(predicate).isEmpty(), predicate.name());
  }

  static void assertNotExact(RankRange expectedBound, Predicate predicate) {
    assertEquals(Optional.empty(), RANKS.exact(predicate), predicate.name());
    assertEquals(expectedBound, RANKS.bound(predicate), predicate.name());
  }

  @Nested
  class Comparisons {
    @Test
    void equalTo() {
      assertExact(r(5, 5), cmp("=", 5));
      assertExact(r(200, 200), cmp("=", 200));
    }

    @Test
    void nullSafeEqualTo() {
      assertExact(r(7, 7), cmp("<=>", 7));
    }

    @Test
    void lessThan() {
      assertExact(r(1, 9), cmp("<", 10));
    }

    @Test
    void lessThanOrEqual() {
      assertExact(r(1, 10), cmp("<=", 10));
    }

    @Test
    void greaterThan() {
      assertExact(r(11, MAX), cmp(">", 10));
    }

    @Test
    void greaterThanOrEqual() {
      assertExact(r(10, MAX), cmp(">=", 10));
    }

    @Test
    void literalOnTheLeftIsFlipped() {
      assertExact(r(11, MAX), p("<", i(10), rank())); // 10 < rank
      assertExact(r(10, MAX), p("<=", i(10), rank())); // 10 <= rank
      assertExact(r(1, 9), p(">", i(10), rank())); // 10 > rank
      assertExact(r(1, 10), p(">=", i(10), rank())); // 10 >= rank
      assertExact(r(10, 10), p("=", i(10), rank()));
      assertExact(r(10, 10), p("<=>", i(10), rank()));
    }

    @Test
    void ranksBelowOneDoNotExist() {
      assertExactlyEmpty(cmp("=", 0));
      assertExactlyEmpty(cmp("=", -3));
      assertExactlyEmpty(cmp("<", 1));
      assertExactlyEmpty(cmp("<=", 0));
      assertExactlyEmpty(cmp("<", Integer.MIN_VALUE));
      assertExact(RankRange.ALL, cmp(">", 0));
      assertExact(RankRange.ALL, cmp(">=", -100));
      assertExact(RankRange.ALL, cmp(">", Integer.MIN_VALUE));
    }

    @Test
    void intExtremes() {
      assertExactlyEmpty(cmp(">", Integer.MAX_VALUE));
      assertExact(r(MAX, MAX), cmp(">=", Integer.MAX_VALUE));
      assertExact(r(1, MAX - 1), cmp("<", Integer.MAX_VALUE));
    }

    @Test
    void columnNameMatchesCaseInsensitively() {
      assertExact(r(3, 3), p("=", col("RANK"), i(3)));
      assertExact(r(1, 3), p("<=", col("Rank"), i(3)));
    }

    @Test
    void isNotNullKeepsEveryRank() {
      assertExact(RankRange.ALL, p("IS_NOT_NULL", rank()));
      assertExact(RankRange.ALL, p("IS_NOT_NULL", col("RANK")));
    }
  }

  @Nested
  class Literals {
    @Test
    void longLiterals() {
      assertExact(r(5, 5), p("=", rank(), l(5)));
      assertExact(r(1, 99), p("<", rank(), l(100)));
      assertExact(r(1, 99), p(">", l(100), rank()));
    }

    @Test
    void longLiteralsBeyondIntRange() {
      assertExactlyEmpty(p(">=", rank(), l(3_000_000_000L)));
      assertExactlyEmpty(p("=", rank(), l(3_000_000_000L)));
      assertExact(RankRange.ALL, p("<=", rank(), l(3_000_000_000L)));
      assertExactlyEmpty(p("<=", rank(), l(-3_000_000_000L)));
      assertExact(RankRange.ALL, p(">", rank(), l(-3_000_000_000L)));
    }

    @Test
    void longExtremesDoNotOverflow() {
      assertExactlyEmpty(p(">", rank(), l(Long.MAX_VALUE)));
      assertExactlyEmpty(p("<", rank(), l(Long.MIN_VALUE)));
      assertExactlyEmpty(p("<", l(Long.MAX_VALUE), rank()));
      assertExactlyEmpty(p(">", l(Long.MIN_VALUE), rank()));
    }

    @Test
    void longExtremesThatDoNotOverflow() {
      assertExactlyEmpty(p(">=", rank(), l(Long.MAX_VALUE)));
      assertExact(RankRange.ALL, p("<=", rank(), l(Long.MAX_VALUE)));
      assertExactlyEmpty(p("<=", rank(), l(Long.MIN_VALUE)));
      assertExact(RankRange.ALL, p(">=", rank(), l(Long.MIN_VALUE)));
    }

    @Test
    void shortAndByteLiteralsAreIntegers() {
      assertExact(r(4, 4), p("=", rank(), new LiteralValue<>((short) 4, DataTypes.ShortType)));
      assertExact(r(1, 4), p("<=", rank(), new LiteralValue<>((byte) 4, DataTypes.ByteType)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"=", "<=>", "<", "<=", ">", ">="})
    void nullLiteralIsNotExact(String op) {
      assertNotExact(RankRange.ALL, p(op, rank(), new LiteralValue<>(null, DataTypes.IntegerType)));
      assertNotExact(RankRange.ALL, p(op, new LiteralValue<>(null, DataTypes.LongType), rank()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"=", "<=>", "<", "<=", ">", ">="})
    void otherLiteralTypesAreNotExact(String op) {
      assertNotExact(RankRange.ALL, p(op, rank(), new LiteralValue<>(5.0, DataTypes.DoubleType)));
      assertNotExact(RankRange.ALL, p(op, rank(), new LiteralValue<>(5.0f, DataTypes.FloatType)));
      assertNotExact(
          RankRange.ALL,
          p(op, rank(), new LiteralValue<>(Decimal.apply(5), new DecimalType(10, 0))));
      assertNotExact(
          RankRange.ALL,
          p(op, rank(), new LiteralValue<>(UTF8String.fromString("5"), DataTypes.StringType)));
    }
  }

  @Nested
  class Combinations {
    @Test
    void andIntersects() {
      assertExact(r(5, 20), new And(cmp(">=", 5), cmp("<=", 20))); // BETWEEN 5 AND 20
      assertExact(r(6, 19), new And(cmp(">", 5), cmp("<", 20)));
      assertExact(r(10, 10), new And(cmp("=", 10), cmp("<=", 50)));
      assertExact(r(1, 50), new And(p("IS_NOT_NULL", rank()), cmp("<=", 50)));
      assertExact(
          r(3, 7), new And(new And(cmp(">=", 2), cmp("<=", 7)), new And(cmp(">", 2), cmp("<", 9))));
    }

    @Test
    void contradictoryAndIsEmpty() {
      assertExactlyEmpty(new And(cmp(">", 20), cmp("<", 5)));
      assertExactlyEmpty(new And(cmp("=", 3), cmp("=", 4)));
    }

    @Test
    void orAndNotAreNotExact() {
      assertNotExact(RankRange.ALL, new Or(cmp("=", 1), cmp("=", 2)));
      assertNotExact(RankRange.ALL, new Not(cmp(">", 10)));
      assertNotExact(RankRange.ALL, p("IS_NULL", rank()));
    }

    @Test
    void andWithANonExactSideIsNotExactButBounded() {
      Predicate other = p("=", col("app_id"), l(42));
      assertNotExact(r(1, 10), new And(cmp("<=", 10), other));
      assertNotExact(r(1, 10), new And(other, cmp("<=", 10)));
      assertNotExact(r(5, 5), new And(cmp("=", 5), new Or(cmp("=", 1), cmp("=", 2))));
      assertNotExact(RankRange.ALL, new And(other, new AlwaysTrue()));
    }
  }

  @Nested
  class InBound {
    @Test
    void inIsBoundedByItsHull() {
      assertNotExact(r(3, 7), in(7, 3, 5));
      assertNotExact(r(9, 9), in(9));
      assertNotExact(r(150, 250), in(250, 150));
    }

    @Test
    void inWithRanksBelowOne() {
      assertNotExact(r(1, 3), in(-5, 3));
      assertTrue(RANKS.bound(in(0, -1)).isEmpty());
    }

    @Test
    void emptyInKeepsNothing() {
      assertNotExact(RankRange.NONE, in());
    }

    @Test
    void inWithLongs() {
      assertNotExact(r(2, 40), p("IN", rank(), l(40), i(2)));
    }

    @Test
    void inWithNullOrOtherTypesIsUnbounded() {
      assertNotExact(
          RankRange.ALL, p("IN", rank(), i(3), new LiteralValue<>(null, DataTypes.IntegerType)));
      assertNotExact(
          RankRange.ALL, p("IN", rank(), i(3), new LiteralValue<>(4.0, DataTypes.DoubleType)));
      assertNotExact(RankRange.ALL, p("IN", rank(), col("app_id")));
    }

    @Test
    void inOnAnotherColumnIsUnbounded() {
      assertNotExact(RankRange.ALL, p("IN", col("app_id"), i(3)));
      assertNotExact(RankRange.ALL, p("IN", i(3), rank()));
      assertNotExact(RankRange.ALL, p("IN"));
    }

    @Test
    void andOfBounds() {
      assertNotExact(r(3, 5), new And(in(3, 7), cmp("<=", 5)));
      assertNotExact(r(5, 7), new And(in(3, 7), in(5, 9)));
      assertNotExact(r(3, 7), new And(in(3, 7), p("IS_NOT_NULL", rank())));
      assertNotExact(r(3, 7), new And(p("=", col("app_id"), l(1)), in(3, 7)));
    }

    @Test
    void inUnderOrOrNotIsUnbounded() {
      assertNotExact(RankRange.ALL, new Not(in(3, 7)));
      assertNotExact(RankRange.ALL, new Or(in(3, 7), cmp("=", 100)));
    }
  }

  @Nested
  class NotExact {
    @Test
    void otherColumns() {
      assertNotExact(RankRange.ALL, p("=", col("app_id"), i(3)));
      assertNotExact(RankRange.ALL, p("<", col("total_requests"), i(3)));
      assertNotExact(RankRange.ALL, p("IS_NOT_NULL", col("app_id")));
      assertNotExact(RankRange.ALL, p("=", FieldReference.apply("rank.x"), i(3)));
    }

    @Test
    void columnComparedWithColumn() {
      assertNotExact(RankRange.ALL, p("=", rank(), rank()));
      assertNotExact(RankRange.ALL, p("<", rank(), col("app_id")));
    }

    @Test
    void literalComparedWithLiteral() {
      assertNotExact(RankRange.ALL, p("=", i(1), i(1)));
    }

    @Test
    void wrongArity() {
      assertNotExact(RankRange.ALL, p("=", rank()));
      assertNotExact(RankRange.ALL, p("<", rank(), i(1), i(2)));
      assertNotExact(RankRange.ALL, p("IS_NOT_NULL"));
      assertNotExact(RankRange.ALL, p("IS_NOT_NULL", rank(), rank()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"<>", "!=", "STARTS_WITH", "ALWAYS_TRUE"})
    void unknownOperators(String op) {
      assertNotExact(RankRange.ALL, p(op, rank(), i(1)));
    }
  }

  /** Random ANDs of comparisons, checked rank by rank over 0..260 against direct evaluation. */
  @Test
  void randomConjunctionsMatchDirectEvaluation() {
    Random rnd = new Random(42);
    String[] ops = {"=", "<=>", "<", "<=", ">", ">="};
    for (int t = 0; t < 2000; t++) {
      int terms = 1 + rnd.nextInt(3);
      Predicate pr = null;
      java.util.function.IntPredicate keeps = x -> true;
      for (int k = 0; k < terms; k++) {
        String op = ops[rnd.nextInt(ops.length)];
        int n = rnd.nextInt(260) - 10;
        boolean flip = rnd.nextBoolean();
        Predicate term = flip ? p(op, i(n), rank()) : p(op, rank(), i(n));
        // Evaluate as written: with the literal on the left, "n < rank" etc.
        java.util.function.IntPredicate f =
            switch (op) {
              case "=", "<=>" -> x -> x == n;
              case "<" -> flip ? x -> n < x : x -> x < n;
              case "<=" -> flip ? x -> n <= x : x -> x <= n;
              case ">" -> flip ? x -> n > x : x -> x > n;
              default -> flip ? x -> n >= x : x -> x >= n;
            };
        keeps = keeps.and(f);
        pr = pr == null ? term : new And(pr, term);
      }
      RankRange range = RANKS.exact(pr).orElseThrow();
      for (int x = 1; x <= 260; x++) {
        boolean inRange = x >= range.lo() && x <= range.hi();
        assertEquals(keeps.test(x), inRange, "rank " + x + " under " + pr + " -> " + range);
      }
    }
  }
}
