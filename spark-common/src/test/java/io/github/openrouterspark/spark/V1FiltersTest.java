package io.github.openrouterspark.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.sources.And;
import org.apache.spark.sql.sources.EqualTo;
import org.apache.spark.sql.sources.Filter;
import org.apache.spark.sql.sources.GreaterThanOrEqual;
import org.apache.spark.sql.sources.In;
import org.apache.spark.sql.sources.IsNull;
import org.apache.spark.sql.sources.LessThan;
import org.apache.spark.sql.sources.Not;
import org.apache.spark.sql.sources.Or;
import org.apache.spark.sql.sources.StringStartsWith;
import org.junit.jupiter.api.Test;

/** V1 filters become Columns that select exactly the same rows, or nothing is pushed. */
class V1FiltersTest {
  private static final LocalDate D = LocalDate.parse("2025-03-20");

  /** Rows (day, model) with day = D + i for i in 0..3, model a, b or null. */
  private static Dataset<Row> rows() {
    return TestSpark.session()
        .sql(
            "SELECT date_add(DATE '2025-03-20', CAST(id AS INT)) AS date,"
                + " CASE id WHEN 0 THEN 'a' WHEN 1 THEN 'b' WHEN 2 THEN NULL ELSE 'a' END AS model FROM range(4)");
  }

  private static long count(Filter filter) {
    Optional<Column> column = V1Filters.toColumn(filter);
    assertTrue(column.isPresent(), filter.toString());
    return rows().where(column.get()).count();
  }

  @Test
  void comparisonsMembershipAndNullChecksConvertExactly() {
    assertEquals(2, count(new GreaterThanOrEqual("date", D.plusDays(2))));
    assertEquals(1, count(new LessThan("date", D.plusDays(1))));
    assertEquals(2, count(new EqualTo("model", "a")));
    assertEquals(3, count(new In("model", new Object[] {"a", "b"})));
    assertEquals(1, count(new IsNull("model")));
    assertEquals(
        1,
        count(new And(new EqualTo("model", "a"), new GreaterThanOrEqual("date", D.plusDays(1)))));
    assertEquals(2, count(new Or(new EqualTo("model", "b"), new IsNull("model"))));
    // SQL's three-valued logic: NOT (model = 'a') drops the null row too, as Spark's own filter
    // does.
    assertEquals(1, count(new Not(new EqualTo("model", "a"))));
  }

  @Test
  void aFilterWithAPartThatCannotConvertIsNotPushedAtAll() {
    Filter partial =
        new Not(new And(new EqualTo("model", "a"), new StringStartsWith("model", "x")));
    for (Filter f :
        List.of(
            new StringStartsWith("model", "a"),
            partial,
            new Or(new EqualTo("model", "a"), new StringStartsWith("model", "b")))) {
      assertEquals(Optional.empty(), V1Filters.toColumn(f), f.toString());
    }
  }
}
