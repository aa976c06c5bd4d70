package io.github.openrouterspark.spark.read;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.apache.spark.sql.connector.expressions.Expression;
import org.apache.spark.sql.connector.expressions.FieldReference;
import org.apache.spark.sql.connector.expressions.LiteralValue;
import org.apache.spark.sql.connector.expressions.filter.Predicate;
import org.apache.spark.sql.types.DataTypes;
import org.junit.jupiter.api.Test;

/** Every dataset's EXPLAIN shows what was pushed in this one form. */
class PushdownReportTest {
  private static Predicate equalTo(String column, int value) {
    return new Predicate(
        "=",
        new Expression[] {
          FieldReference.apply(column), new LiteralValue<>(value, DataTypes.IntegerType)
        });
  }

  @Test
  void nothingPushedSaysSoForEveryKind() {
    assertEquals(
        "PushedFilters: [], PartiallyPushedFilters: [], PostScanFilters: [], PushedAggregation: none,"
            + " PushedLimit: none",
        PushdownReport.NOTHING.explain());
  }

  @Test
  void sparkIsToldTheFullAndPartialOnesAsPushedAndThePartialAndRestAsPostScan() {
    Predicate full = equalTo("a", 1);
    Predicate partial = equalTo("b", 2);
    Predicate rest = equalTo("c", 3);
    PushdownReport report =
        PushdownReport.NOTHING
            .withPredicates(List.of(full), List.of(partial), List.of(partial, rest))
            .withLimit("LIMIT 5");
    assertArrayEquals(new Predicate[] {full, partial}, report.pushedPredicates());
    assertArrayEquals(new Predicate[] {partial, rest}, report.postScanPredicates());
    assertEquals(
        "PushedFilters: [a = 1], PartiallyPushedFilters: [b = 2], PostScanFilters: [b = 2, c = 3],"
            + " PushedAggregation: none, PushedLimit: LIMIT 5",
        report.explain());
  }
}
