package io.github.openrouterspark.spark.pushdown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
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

class KeyColumnPredicatesTest {
  /** A category-like domain: null (parameter not sent) first, then the API's values. */
  static final List<String> DOMAIN =
      Arrays.asList(null, "coding", "creative", "productivity", "entertainment");

  static final KeyColumnPredicates KEYS = new KeyColumnPredicates("category", DOMAIN);

  /** A domain without null: a non-nullable key column such as sort. */
  static final KeyColumnPredicates SORTS =
      new KeyColumnPredicates("sort", List.of("popular", "trending"));

  static NamedReference col(String name) {
    return FieldReference.apply(name);
  }

  static NamedReference category() {
    return col("category");
  }

  static LiteralValue<UTF8String> str(String s) {
    return new LiteralValue<>(UTF8String.fromString(s), DataTypes.StringType);
  }

  static LiteralValue<Object> nullStr() {
    return new LiteralValue<>(null, DataTypes.StringType);
  }

  static Predicate p(String op, Expression... children) {
    return new Predicate(op, children);
  }

  static Predicate eq(String value) {
    return p("=", category(), value == null ? nullStr() : str(value));
  }

  static Predicate nullSafeEq(String value) {
    return p("<=>", category(), value == null ? nullStr() : str(value));
  }

  static Predicate in(String... values) {
    Expression[] c = new Expression[values.length + 1];
    c[0] = category();
    for (int i = 0; i < values.length; i++) {
      c[i + 1] = values[i] == null ? nullStr() : str(values[i]);
    }
    return p("IN", c);
  }

  static Predicate isNull() {
    return p("IS_NULL", category());
  }

  static Predicate isNotNull() {
    return p("IS_NOT_NULL", category());
  }

  static List<String> values(String... v) {
    return Arrays.asList(v);
  }

  static void assertKeeps(List<String> expected, Predicate predicate) {
    assertEquals(Optional.of(expected), KEYS.exact(predicate), predicate.name());
  }

  static void assertNotExact(Predicate predicate) {
    assertEquals(Optional.empty(), KEYS.exact(predicate), predicate.name());
  }

  @Test
  void accessors() {
    assertEquals("category", KEYS.column());
    assertEquals(DOMAIN, KEYS.domain());
  }

  @Test
  void domainIsCopied() {
    List<String> domain = new ArrayList<>(List.of("a", "b"));
    KeyColumnPredicates keys = new KeyColumnPredicates("k", domain);
    domain.add("c");
    assertEquals(List.of("a", "b"), keys.domain());
    assertEquals(Optional.of(List.of()), keys.exact(p("=", col("k"), str("c"))));
  }

  @Nested
  class Equality {
    @Test
    void equalTo() {
      assertKeeps(values("coding"), eq("coding"));
      assertKeeps(values("entertainment"), eq("entertainment"));
    }

    @Test
    void literalOnTheLeft() {
      assertKeeps(values("creative"), p("=", str("creative"), category()));
      assertKeeps(values("creative"), p("<=>", str("creative"), category()));
    }

    @Test
    void valueOutsideTheDomainKeepsNothing() {
      assertKeeps(values(), eq("programming"));
      assertKeeps(values(), eq("Coding")); // values are case-sensitive
      assertKeeps(values(), nullSafeEq("programming"));
    }

    @Test
    void nullSafeEqualToValue() {
      assertKeeps(values("coding"), nullSafeEq("coding"));
    }

    @Test
    void nullSafeEqualToNullIsIsNull() {
      assertKeeps(values((String) null), nullSafeEq(null));
      assertKeeps(values((String) null), p("<=>", nullStr(), category()));
    }

    @Test
    void nullSafeEqualToNullOnADomainWithoutNullKeepsNothing() {
      assertEquals(Optional.of(List.of()), SORTS.exact(p("<=>", col("sort"), nullStr())));
    }

    @Test
    void equalToNullOnADomainWithoutNullKeepsNothing() {
      assertEquals(Optional.of(List.of()), SORTS.exact(p("=", col("sort"), nullStr())));
      assertEquals(Optional.of(List.of()), SORTS.exact(new Not(p("=", col("sort"), nullStr()))));
    }

    @Test
    void equalToNullKeepsNothing() {
      assertKeeps(values(), eq(null)); // col = NULL is unknown on every row
      assertKeeps(values(), p("=", nullStr(), category()));
      assertKeeps(values(), new Not(eq(null))); // and so is its negation
    }

    @Test
    void nullRowsAreNotEqualToAValue() {
      // category = 'coding' is NULL (not TRUE) on the null row, and so is its negation.
      assertKeeps(values("creative", "productivity", "entertainment"), new Not(eq("coding")));
    }

    @Test
    void notNullSafeEqualKeepsTheNullRow() {
      assertKeeps(
          values(null, "creative", "productivity", "entertainment"), new Not(nullSafeEq("coding")));
      assertKeeps(
          values("coding", "creative", "productivity", "entertainment"), new Not(nullSafeEq(null)));
    }

    @Test
    void notOfAValueOutsideTheDomain() {
      assertKeeps(
          values("coding", "creative", "productivity", "entertainment"),
          new Not(eq("programming")));
      assertKeeps(DOMAIN, new Not(nullSafeEq("programming")));
    }

    @Test
    void columnNameMatchesCaseInsensitively() {
      assertKeeps(values("coding"), p("=", col("CATEGORY"), str("coding")));
      assertKeeps(values("coding"), p("=", col("Category"), str("coding")));
      assertKeeps(values((String) null), p("IS_NULL", col("CaTeGoRy")));
    }

    @Test
    void javaStringLiteralValueIsAccepted() {
      // Spark passes UTF8String, but the translation only relies on toString().
      assertKeeps(
          values("coding"), p("=", category(), new LiteralValue<>("coding", DataTypes.StringType)));
    }
  }

  @Nested
  class In {
    @Test
    void inKeepsTheListedValuesInDomainOrder() {
      assertKeeps(values("coding", "creative"), in("coding", "creative"));
      assertKeeps(values("coding", "entertainment"), in("entertainment", "coding"));
    }

    @Test
    void duplicatesAndOutsideValuesAreDropped() {
      assertKeeps(values("creative"), in("creative", "programming", "creative", "CREATIVE"));
      assertKeeps(values(), in("programming", "other"));
    }

    @Test
    void emptyListKeepsNothing() {
      assertKeeps(values(), in());
    }

    @Test
    void nullInTheListMatchesNoRowByItself() {
      assertKeeps(values("coding"), in("coding", null));
      assertKeeps(values(), in((String) null));
    }

    @Test
    void notInExcludesTheNullRow() {
      assertKeeps(values("creative", "entertainment"), new Not(in("coding", "productivity")));
    }

    @Test
    void notInWithNullInTheListKeepsNothing() {
      // x NOT IN ('coding', NULL) is never TRUE: FALSE for 'coding', NULL for everything else.
      assertKeeps(values(), new Not(in("coding", null)));
    }

    @Test
    void notInWithNullInTheListKeepsNothingOnADomainWithoutNull() {
      Predicate notIn = new Not(p("IN", col("sort"), str("popular"), nullStr()));
      assertEquals(Optional.of(List.of()), SORTS.exact(notIn));
    }

    @Test
    void inOnADomainWithoutNull() {
      assertEquals(
          Optional.of(List.of("popular", "trending")),
          SORTS.exact(p("IN", col("sort"), str("trending"), str("popular"))));
      assertEquals(
          Optional.of(List.of("trending")),
          SORTS.exact(new Not(p("IN", col("sort"), str("popular")))));
    }

    @Test
    void nonStringElementIsNotExact() {
      assertNotExact(
          p("IN", category(), str("coding"), new LiteralValue<>(1, DataTypes.IntegerType)));
      assertNotExact(p("IN", category(), col("subcategory")));
    }

    @Test
    void inOnAnotherColumnIsNotExact() {
      assertNotExact(p("IN", col("subcategory"), str("coding")));
      assertNotExact(p("IN", str("coding"), category()));
    }
  }

  @Nested
  class NullChecks {
    @Test
    void isNullKeepsTheNullRow() {
      assertKeeps(values((String) null), isNull());
    }

    @Test
    void isNotNullKeepsTheValues() {
      assertKeeps(values("coding", "creative", "productivity", "entertainment"), isNotNull());
    }

    @Test
    void negations() {
      assertKeeps(values("coding", "creative", "productivity", "entertainment"), new Not(isNull()));
      assertKeeps(values((String) null), new Not(isNotNull()));
    }

    @Test
    void onADomainWithoutNull() {
      assertEquals(Optional.of(List.of()), SORTS.exact(p("IS_NULL", col("sort"))));
      assertEquals(
          Optional.of(List.of("popular", "trending")), SORTS.exact(p("IS_NOT_NULL", col("sort"))));
    }

    @Test
    void onAnotherColumnIsNotExact() {
      assertNotExact(p("IS_NULL", col("subcategory")));
      assertNotExact(p("IS_NOT_NULL", col("sort")));
    }
  }

  @Nested
  class Logic {
    @Test
    void andIntersects() {
      assertKeeps(
          values("coding"), new And(in("coding", "creative"), in("coding", "productivity")));
      assertKeeps(values(), new And(eq("coding"), eq("creative")));
      assertKeeps(values(), new And(isNull(), eq("coding")));
    }

    @Test
    void orUnitesInDomainOrder() {
      assertKeeps(values(null, "entertainment"), new Or(eq("entertainment"), isNull()));
      assertKeeps(values("coding", "creative"), new Or(eq("creative"), eq("coding")));
      assertKeeps(DOMAIN, new Or(isNull(), isNotNull()));
    }

    @Test
    void notFollowsThreeValuedLogic() {
      // NOT (category = 'coding' OR category IS NULL): FALSE for coding and null rows.
      assertKeeps(
          values("creative", "productivity", "entertainment"),
          new Not(new Or(eq("coding"), isNull())));
      // NOT (category = 'coding' AND category = 'creative'): NULL on the null row, TRUE elsewhere.
      assertKeeps(
          values("coding", "creative", "productivity", "entertainment"),
          new Not(new And(eq("coding"), eq("creative"))));
      // NOT (category <> 'coding'): only coding.
      assertKeeps(values("coding"), new Not(new Not(eq("coding"))));
      // De Morgan with a null-safe side: NOT (NOT (x <=> NULL) AND x <> 'coding') = x IS NULL OR x
      // = 'coding'.
      assertKeeps(
          values(null, "coding"), new Not(new And(new Not(isNull()), new Not(eq("coding")))));
    }

    @Test
    void falseOrUnknownIsNotTrue() {
      // (x = 'coding') OR (x = 'creative') is NULL on the null row; NOT of it is still NULL there.
      assertKeeps(
          values("productivity", "entertainment"), new Not(new Or(eq("coding"), eq("creative"))));
    }

    @Test
    void anyPartOnAnotherColumnMakesItNotExact() {
      Predicate other = p("=", col("subcategory"), str("cli-agent"));
      assertNotExact(new And(eq("coding"), other));
      assertNotExact(new And(other, eq("coding")));
      assertNotExact(new Or(eq("coding"), other));
      assertNotExact(new Not(other));
    }

    @Test
    void anyUnsupportedPartMakesItNotExact() {
      assertNotExact(new Or(eq("coding"), p("STARTS_WITH", category(), str("cod"))));
      assertNotExact(new And(eq("coding"), p("STARTS_WITH", category(), str("cod"))));
    }
  }

  @Nested
  class NotExact {
    @Test
    void otherColumn() {
      assertNotExact(p("=", col("subcategory"), str("coding")));
      assertNotExact(p("<=>", col("sort"), str("popular")));
    }

    @Test
    void nestedFieldIsNotTheColumn() {
      assertNotExact(p("=", FieldReference.apply("category.name"), str("coding")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"=", "<=>"})
    void nonStringLiterals(String op) {
      assertNotExact(p(op, category(), new LiteralValue<>(1, DataTypes.IntegerType)));
      assertNotExact(p(op, category(), new LiteralValue<>(1L, DataTypes.LongType)));
      assertNotExact(p(op, category(), new LiteralValue<>(true, DataTypes.BooleanType)));
      // A null of another type is not a string literal either.
      assertNotExact(p(op, category(), new LiteralValue<>(null, DataTypes.IntegerType)));
    }

    @Test
    void columnComparedWithColumn() {
      assertNotExact(p("=", category(), category()));
      assertNotExact(p("=", category(), col("subcategory")));
    }

    @Test
    void literalComparedWithLiteral() {
      assertNotExact(p("=", str("coding"), str("coding")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"<", "<=", ">", ">=", "<>", "STARTS_WITH", "ENDS_WITH", "CONTAINS"})
    void otherOperators(String op) {
      assertNotExact(p(op, category(), str("coding")));
    }

    @Test
    void constantsKeepEveryValueOrNone() {
      // The shared three-valued logic (as for dates): TRUE keeps the whole domain, FALSE nothing.
      assertKeeps(DOMAIN, new AlwaysTrue());
      assertKeeps(values(), new AlwaysFalse());
      assertKeeps(values("coding"), new And(eq("coding"), new AlwaysTrue()));
      assertKeeps(values("coding"), new Or(eq("coding"), new AlwaysFalse()));
    }

    @Test
    void wrongArity() {
      assertNotExact(p("=", category()));
      assertNotExact(p("=", category(), str("a"), str("b")));
      assertNotExact(p("IS_NULL", category(), category()));
      assertNotExact(p("IS_NOT_NULL"));
      assertNotExact(p("IN"));
    }
  }

  /**
   * Brute force: random predicate trees over one column with a small domain (including null),
   * evaluated row by row with SQL three-valued logic, must keep exactly the rows exact() keeps.
   */
  @Nested
  class Property {
    static final List<String> SMALL = Arrays.asList("b", null, "a", "c");
    static final KeyColumnPredicates K = new KeyColumnPredicates("k", SMALL);

    /** A predicate with its reference semantics: TRUE, FALSE or null (unknown) per row value. */
    interface Node {
      Predicate predicate();

      Boolean eval(String row);
    }

    record Leaf(Predicate predicate, java.util.function.Function<String, Boolean> f)
        implements Node {
      @Override
      public Boolean eval(String row) {
        return f.apply(row);
      }
    }

    record AndNode(Node l, Node r) implements Node {
      @Override
      public Predicate predicate() {
        return new And(l.predicate(), r.predicate());
      }

      @Override
      public Boolean eval(String row) {
        Boolean a = l.eval(row);
        Boolean b = r.eval(row);
        if (Boolean.FALSE.equals(a) || Boolean.FALSE.equals(b)) {
          return false;
        }
        return a == null || b == null ? null : true;
      }
    }

    record OrNode(Node l, Node r) implements Node {
      @Override
      public Predicate predicate() {
        return new Or(l.predicate(), r.predicate());
      }

      @Override
      public Boolean eval(String row) {
        Boolean a = l.eval(row);
        Boolean b = r.eval(row);
        if (Boolean.TRUE.equals(a) || Boolean.TRUE.equals(b)) {
          return true;
        }
        return a == null || b == null ? null : false;
      }
    }

    record NotNode(Node c) implements Node {
      @Override
      public Predicate predicate() {
        return new Not(c.predicate());
      }

      @Override
      public Boolean eval(String row) {
        Boolean v = c.eval(row);
        return v == null ? null : !v;
      }
    }

    static Expression lit(String v) {
      return v == null ? nullStr() : str(v);
    }

    /** SQL {@code row = v}. */
    static Boolean sqlEq(String row, String v) {
      return row == null || v == null ? null : row.equals(v);
    }

    static Node leaf(Random rnd, boolean nullLiterals) {
      // Literal pool: domain values, a value outside the domain, and (optionally) NULL.
      List<String> pool = new ArrayList<>(Arrays.asList("a", "b", "c", "z"));
      if (nullLiterals) {
        pool.add(null);
      }
      NamedReference k = rnd.nextBoolean() ? col("k") : col("K");
      switch (rnd.nextInt(5)) {
        case 0 -> {
          String v = pool.get(rnd.nextInt(pool.size()));
          Predicate pr = rnd.nextBoolean() ? p("=", k, lit(v)) : p("=", lit(v), k);
          return new Leaf(pr, row -> sqlEq(row, v));
        }
        case 1 -> {
          // <=> NULL is always allowed: it is IS NULL, not an unknown comparison.
          List<String> nsPool = new ArrayList<>(pool);
          if (!nsPool.contains(null)) {
            nsPool.add(null);
          }
          String v = nsPool.get(rnd.nextInt(nsPool.size()));
          Predicate pr = rnd.nextBoolean() ? p("<=>", k, lit(v)) : p("<=>", lit(v), k);
          return new Leaf(pr, row -> java.util.Objects.equals(row, v));
        }
        case 2 -> {
          int n = 1 + rnd.nextInt(3); // never empty: Spark folds x IN () before pushdown
          List<String> list = new ArrayList<>();
          Expression[] c = new Expression[n + 1];
          c[0] = k;
          for (int i = 0; i < n; i++) {
            list.add(pool.get(rnd.nextInt(pool.size())));
            c[i + 1] = lit(list.get(i));
          }
          return new Leaf(
              p("IN", c),
              row -> {
                boolean unknown = false;
                for (String v : list) {
                  Boolean e = sqlEq(row, v);
                  if (Boolean.TRUE.equals(e)) {
                    return true;
                  }
                  unknown |= e == null;
                }
                return unknown ? null : false;
              });
        }
        case 3 -> {
          return new Leaf(p("IS_NULL", k), row -> row == null);
        }
        default -> {
          return new Leaf(p("IS_NOT_NULL", k), row -> row != null);
        }
      }
    }

    static Node tree(Random rnd, int depth, boolean nullLiterals) {
      if (depth == 0 || rnd.nextInt(4) == 0) {
        return leaf(rnd, nullLiterals);
      }
      return switch (rnd.nextInt(3)) {
        case 0 ->
            new AndNode(tree(rnd, depth - 1, nullLiterals), tree(rnd, depth - 1, nullLiterals));
        case 1 ->
            new OrNode(tree(rnd, depth - 1, nullLiterals), tree(rnd, depth - 1, nullLiterals));
        default -> new NotNode(tree(rnd, depth - 1, nullLiterals));
      };
    }

    static void check(long seed, int trees, boolean nullLiterals) {
      Random rnd = new Random(seed);
      for (int i = 0; i < trees; i++) {
        Node n = tree(rnd, 4, nullLiterals);
        List<String> expected = new ArrayList<>();
        for (String row : SMALL) {
          if (Boolean.TRUE.equals(n.eval(row))) {
            expected.add(row);
          }
        }
        Predicate pr = n.predicate();
        String ctx = "seed " + seed + " tree " + i + ": " + pr;
        Optional<List<String>> actual;
        try {
          actual = K.exact(pr);
        } catch (RuntimeException e) {
          throw new AssertionError(ctx + " threw " + e, e);
        }
        assertEquals(Optional.of(expected), actual, ctx);
      }
    }

    @Test
    void matchesThreeValuedEvaluationWithoutNullLiterals() {
      check(20250301L, 5000, false);
    }

    @Test
    void matchesThreeValuedEvaluationWithNullLiterals() {
      check(20250302L, 5000, true);
    }

    @Test
    void everyLeafAloneMatches() {
      // Sanity for the generator itself: trees of depth 0 without null literals.
      Random rnd = new Random(7);
      for (int i = 0; i < 500; i++) {
        Node n = leaf(rnd, false);
        List<String> expected = new ArrayList<>();
        for (String row : SMALL) {
          if (Boolean.TRUE.equals(n.eval(row))) {
            expected.add(row);
          }
        }
        assertEquals(Optional.of(expected), K.exact(n.predicate()), n.predicate().toString());
        assertTrue(expected.stream().allMatch(SMALL::contains));
      }
    }
  }
}
