package io.github.openrouterspark.spark.pushdown;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.openrouterspark.api.AnalyticsQueryBody.Filter;
import io.github.openrouterspark.plan.AnalyticsGranularity;
import io.github.openrouterspark.spark.pushdown.AnalyticsPredicates.TimeBounds;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.spark.sql.connector.expressions.Expression;
import org.apache.spark.sql.connector.expressions.Expressions;
import org.apache.spark.sql.connector.expressions.FieldReference;
import org.apache.spark.sql.connector.expressions.LiteralValue;
import org.apache.spark.sql.connector.expressions.filter.And;
import org.apache.spark.sql.connector.expressions.filter.Not;
import org.apache.spark.sql.connector.expressions.filter.Or;
import org.apache.spark.sql.connector.expressions.filter.Predicate;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.unsafe.types.UTF8String;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AnalyticsPredicatesTest {
  private static final java.util.function.Predicate<String> ALL_OPERATORS = op -> true;
  private static final AnalyticsGranularity DAY = AnalyticsGranularity.DAY;
  private static final AnalyticsGranularity WEEK = AnalyticsGranularity.WEEK;
  private static final AnalyticsGranularity MONTH = AnalyticsGranularity.MONTH;

  private static Expression col(String name) {
    return Expressions.column(name);
  }

  private static LiteralValue<UTF8String> s(String value) {
    return new LiteralValue<>(UTF8String.fromString(value), DataTypes.StringType);
  }

  private static LiteralValue<Object> nullString() {
    return new LiteralValue<>(null, DataTypes.StringType);
  }

  private static LiteralValue<Long> ts(String iso) {
    Instant t = Instant.parse(iso);
    return new LiteralValue<>(ChronoUnit.MICROS.between(Instant.EPOCH, t), DataTypes.TimestampType);
  }

  private static Predicate p(String name, Expression... children) {
    return new Predicate(name, children);
  }

  private static Optional<Filter> filter(Predicate p) {
    return AnalyticsPredicates.filter(p, "provider", ALL_OPERATORS);
  }

  private static Optional<Filter> f(String operator, Object value) {
    return Optional.of(new Filter("provider", operator, value));
  }

  private static Instant t(String iso) {
    return Instant.parse(iso);
  }

  private static Optional<TimeBounds> bounds(Predicate p, AnalyticsGranularity g) {
    return AnalyticsPredicates.timeBounds(p, "date", g);
  }

  private static Optional<TimeBounds> b(String start, String end) {
    return Optional.of(
        new TimeBounds(start == null ? null : t(start), end == null ? null : t(end)));
  }

  // ---- filters

  @Test
  void equalsAndNotEquals() {
    assertEquals(f("eq", "openai"), filter(p("=", col("provider"), s("openai"))));
    assertEquals(f("neq", "openai"), filter(p("<>", col("provider"), s("openai"))));
    assertEquals(f("neq", "openai"), filter(new Not(p("=", col("provider"), s("openai")))));
    // The literal may come first.
    assertEquals(f("eq", "openai"), filter(p("=", s("openai"), col("provider"))));
    assertEquals(f("neq", "openai"), filter(p("<>", s("openai"), col("provider"))));
  }

  @Test
  void theColumnNameIgnoresCaseAndMayBeAFieldReference() {
    assertEquals(f("eq", "openai"), filter(p("=", FieldReference.apply("Provider"), s("openai"))));
    assertEquals(Optional.empty(), filter(p("=", col("model"), s("openai"))));
    assertEquals(
        Optional.empty(), filter(p("=", FieldReference.apply("provider.name"), s("openai"))));
  }

  @Test
  void inAndNotIn() {
    assertEquals(
        f("in", List.of("openai", "anthropic")),
        filter(p("IN", col("provider"), s("openai"), s("anthropic"), s("openai"))));
    assertEquals(
        f("not_in", List.of("openai", "anthropic")),
        filter(new Not(p("IN", col("provider"), s("openai"), s("anthropic")))));
    assertEquals(f("in", List.of("openai")), filter(p("IN", col("provider"), s("openai"))));
  }

  @Test
  void inWithANullOrANonStringLiteralIsNotTranslated() {
    assertEquals(Optional.empty(), filter(p("IN", col("provider"), s("openai"), nullString())));
    assertEquals(
        Optional.empty(), filter(new Not(p("IN", col("provider"), s("openai"), nullString()))));
    assertEquals(
        Optional.empty(),
        filter(
            p("IN", col("provider"), s("openai"), new LiteralValue<>(1, DataTypes.IntegerType))));
    assertEquals(Optional.empty(), filter(p("IN", col("provider"))));
    assertEquals(Optional.empty(), filter(p("IN", s("openai"), col("provider"))));
  }

  @ParameterizedTest
  @CsvSource({"<, lt, gt", "<=, lte, gte", ">, gt, lt", ">=, gte, lte"})
  void rangeComparisonsFlipWhenTheLiteralIsOnTheLeft(
      String op, String columnFirst, String literalFirst) {
    assertEquals(f(columnFirst, "m"), filter(p(op, col("provider"), s("m"))));
    assertEquals(f(literalFirst, "m"), filter(p(op, s("m"), col("provider"))));
  }

  @Test
  void nonStringLiteralsAreNotTranslated() {
    assertEquals(
        Optional.empty(),
        filter(p("=", col("provider"), new LiteralValue<>(42L, DataTypes.LongType))));
    assertEquals(Optional.empty(), filter(p("=", col("provider"), nullString())));
    assertEquals(Optional.empty(), filter(p("=", col("provider"), ts("2026-05-01T00:00:00Z"))));
    assertEquals(
        Optional.empty(),
        filter(p(">", new LiteralValue<>(1, DataTypes.IntegerType), col("provider"))));
  }

  @Test
  void otherShapesAreNotTranslated() {
    assertEquals(Optional.empty(), filter(p("=", col("provider"), col("model"))));
    assertEquals(Optional.empty(), filter(p("=", s("a"), s("b"))));
    assertEquals(Optional.empty(), filter(p("IS_NULL", col("provider"))));
    assertEquals(Optional.empty(), filter(p("STARTS_WITH", col("provider"), s("open"))));
    assertEquals(Optional.empty(), filter(p("<=>", col("provider"), s("openai"))));
    assertEquals(
        Optional.empty(),
        filter(new Or(p("=", col("provider"), s("a")), p("=", col("provider"), s("b")))));
    assertEquals(
        Optional.empty(),
        filter(new And(p("=", col("provider"), s("a")), p("=", col("provider"), s("b")))));
    // NOT only of = and IN: NOT(<) and NOT(<>) are left to Spark.
    assertEquals(Optional.empty(), filter(new Not(p("<", col("provider"), s("a")))));
    assertEquals(Optional.empty(), filter(new Not(p("<>", col("provider"), s("a")))));
    assertEquals(Optional.empty(), filter(new Not(new Not(p("=", col("provider"), s("a"))))));
  }

  @Test
  void anOperatorTheApiDoesNotOfferIsNotTranslated() {
    java.util.function.Predicate<String> eqAndIn = Set.of("eq", "in")::contains;
    assertEquals(
        f("eq", "a"),
        AnalyticsPredicates.filter(p("=", col("provider"), s("a")), "provider", eqAndIn));
    assertEquals(
        Optional.empty(),
        AnalyticsPredicates.filter(p("<>", col("provider"), s("a")), "provider", eqAndIn));
    assertEquals(
        Optional.empty(),
        AnalyticsPredicates.filter(new Not(p("IN", col("provider"), s("a"))), "provider", eqAndIn));
    assertEquals(
        Optional.empty(),
        AnalyticsPredicates.filter(p(">", col("provider"), s("a")), "provider", op -> false));
  }

  // ---- time bounds

  @Test
  void boundsOnADayStart() {
    assertEquals(
        b("2026-05-03T00:00:00Z", null),
        bounds(p(">=", col("date"), ts("2026-05-03T00:00:00Z")), DAY));
    assertEquals(
        b("2026-05-04T00:00:00Z", null),
        bounds(p(">", col("date"), ts("2026-05-03T00:00:00Z")), DAY));
    assertEquals(
        b(null, "2026-05-03T00:00:00Z"),
        bounds(p("<", col("date"), ts("2026-05-03T00:00:00Z")), DAY));
    assertEquals(
        b(null, "2026-05-04T00:00:00Z"),
        bounds(p("<=", col("date"), ts("2026-05-03T00:00:00Z")), DAY));
    assertEquals(
        b("2026-05-03T00:00:00Z", "2026-05-04T00:00:00Z"),
        bounds(p("=", col("date"), ts("2026-05-03T00:00:00Z")), DAY));
  }

  @Test
  void boundsBetweenDayStartsMoveToTheNextStart() {
    String noon = "2026-05-03T12:00:00Z";
    assertEquals(b("2026-05-04T00:00:00Z", null), bounds(p(">=", col("date"), ts(noon)), DAY));
    assertEquals(b("2026-05-04T00:00:00Z", null), bounds(p(">", col("date"), ts(noon)), DAY));
    assertEquals(b(null, "2026-05-04T00:00:00Z"), bounds(p("<", col("date"), ts(noon)), DAY));
    assertEquals(b(null, "2026-05-04T00:00:00Z"), bounds(p("<=", col("date"), ts(noon)), DAY));
    // No bucket starts at noon: an empty range.
    assertEquals(b(noon, noon), bounds(p("=", col("date"), ts(noon)), DAY));
  }

  @Test
  void aMicrosecondBeforeABucketStart() {
    String justBefore = "2026-05-03T23:59:59.999999Z";
    assertEquals(b("2026-05-04T00:00:00Z", null), bounds(p(">", col("date"), ts(justBefore)), DAY));
    assertEquals(
        b(null, "2026-05-04T00:00:00Z"), bounds(p("<=", col("date"), ts(justBefore)), DAY));
    assertEquals(b(null, "2026-05-04T00:00:00Z"), bounds(p("<", col("date"), ts(justBefore)), DAY));
  }

  @Test
  void literalOnTheLeftFlips() {
    // '2026-05-03' < date  ==  date > '2026-05-03'
    assertEquals(
        b("2026-05-04T00:00:00Z", null),
        bounds(p("<", ts("2026-05-03T00:00:00Z"), col("date")), DAY));
    assertEquals(
        b("2026-05-03T00:00:00Z", null),
        bounds(p("<=", ts("2026-05-03T00:00:00Z"), col("date")), DAY));
    assertEquals(
        b(null, "2026-05-03T00:00:00Z"),
        bounds(p(">", ts("2026-05-03T00:00:00Z"), col("date")), DAY));
    assertEquals(
        b(null, "2026-05-04T00:00:00Z"),
        bounds(p(">=", ts("2026-05-03T00:00:00Z"), col("date")), DAY));
    assertEquals(
        b("2026-05-03T00:00:00Z", "2026-05-04T00:00:00Z"),
        bounds(p("=", ts("2026-05-03T00:00:00Z"), col("date")), DAY));
  }

  @Test
  void weekBoundsUseSundays() {
    String sunday = "2026-05-10T00:00:00Z";
    String tuesday = "2026-05-12T00:00:00Z";
    assertEquals(b(sunday, null), bounds(p(">=", col("date"), ts(sunday)), WEEK));
    assertEquals(b("2026-05-17T00:00:00Z", null), bounds(p(">", col("date"), ts(sunday)), WEEK));
    assertEquals(b("2026-05-17T00:00:00Z", null), bounds(p(">=", col("date"), ts(tuesday)), WEEK));
    assertEquals(b(null, "2026-05-17T00:00:00Z"), bounds(p("<", col("date"), ts(tuesday)), WEEK));
    assertEquals(b(null, "2026-05-17T00:00:00Z"), bounds(p("<=", col("date"), ts(sunday)), WEEK));
    assertEquals(b(null, sunday), bounds(p("<", col("date"), ts(sunday)), WEEK));
    assertEquals(b(sunday, "2026-05-17T00:00:00Z"), bounds(p("=", col("date"), ts(sunday)), WEEK));
    assertEquals(b(tuesday, tuesday), bounds(p("=", col("date"), ts(tuesday)), WEEK));
  }

  @Test
  void monthBounds() {
    String may = "2026-05-01T00:00:00Z";
    assertEquals(b(may, null), bounds(p(">=", col("date"), ts(may)), MONTH));
    assertEquals(b("2026-06-01T00:00:00Z", null), bounds(p(">", col("date"), ts(may)), MONTH));
    assertEquals(
        b("2026-06-01T00:00:00Z", null),
        bounds(p(">=", col("date"), ts("2026-05-15T00:00:00Z")), MONTH));
    assertEquals(b(null, may), bounds(p("<", col("date"), ts(may)), MONTH));
    assertEquals(b(null, "2026-06-01T00:00:00Z"), bounds(p("<=", col("date"), ts(may)), MONTH));
    assertEquals(b(may, "2026-06-01T00:00:00Z"), bounds(p("=", col("date"), ts(may)), MONTH));
    assertEquals(
        b("2026-02-01T00:00:00Z", "2026-03-01T00:00:00Z"),
        bounds(p("=", col("date"), ts("2026-02-01T00:00:00Z")), MONTH));
    String mid = "2026-05-15T00:00:00Z";
    assertEquals(b(mid, mid), bounds(p("=", col("date"), ts(mid)), MONTH));
  }

  @Test
  void anAndOfTwoBoundsIntersects() {
    Predicate range =
        new And(
            p(">=", col("date"), ts("2026-05-01T00:00:00Z")),
            p("<", col("date"), ts("2026-05-08T00:00:00Z")));
    assertEquals(b("2026-05-01T00:00:00Z", "2026-05-08T00:00:00Z"), bounds(range, DAY));
    Predicate tighter = new And(range, p(">", col("date"), ts("2026-05-03T06:00:00Z")));
    assertEquals(b("2026-05-04T00:00:00Z", "2026-05-08T00:00:00Z"), bounds(tighter, DAY));
    Predicate twoStarts =
        new And(
            p(">=", col("date"), ts("2026-05-01T00:00:00Z")),
            p(">=", col("date"), ts("2026-05-05T00:00:00Z")));
    assertEquals(b("2026-05-05T00:00:00Z", null), bounds(twoStarts, DAY));
  }

  @Test
  void anAndWithAnUntranslatablePartIsNotTranslated() {
    Predicate mixed =
        new And(
            p(">=", col("date"), ts("2026-05-01T00:00:00Z")), p("=", col("provider"), s("openai")));
    assertEquals(Optional.empty(), bounds(mixed, DAY));
  }

  @Test
  void otherTimePredicatesAreNotTranslated() {
    assertEquals(Optional.empty(), bounds(p("<>", col("date"), ts("2026-05-01T00:00:00Z")), DAY));
    assertEquals(
        Optional.empty(), bounds(new Not(p("=", col("date"), ts("2026-05-01T00:00:00Z"))), DAY));
    assertEquals(
        Optional.empty(),
        bounds(
            new Or(
                p("<", col("date"), ts("2026-05-01T00:00:00Z")),
                p(">", col("date"), ts("2026-05-08T00:00:00Z"))),
            DAY));
    assertEquals(Optional.empty(), bounds(p(">=", col("date"), s("2026-05-01")), DAY));
    assertEquals(
        Optional.empty(),
        bounds(p(">=", col("date"), new LiteralValue<>(null, DataTypes.TimestampType)), DAY));
    assertEquals(Optional.empty(), bounds(p(">=", col("other"), ts("2026-05-01T00:00:00Z")), DAY));
    assertEquals(Optional.empty(), bounds(p("IN", col("date"), ts("2026-05-01T00:00:00Z")), DAY));
  }

  @Test
  void timeBoundsIntersect() {
    assertEquals(TimeBounds.ALL, TimeBounds.ALL.intersect(TimeBounds.ALL));
    TimeBounds a = new TimeBounds(t("2026-05-01T00:00:00Z"), null);
    TimeBounds c = new TimeBounds(null, t("2026-05-05T00:00:00Z"));
    assertEquals(
        new TimeBounds(t("2026-05-01T00:00:00Z"), t("2026-05-05T00:00:00Z")), a.intersect(c));
    assertEquals(a, a.intersect(TimeBounds.ALL));
    assertEquals(a, TimeBounds.ALL.intersect(a));
  }
}
