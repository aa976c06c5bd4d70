package io.github.openrouterspark.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.openrouterspark.emulator.Fault;
import io.github.openrouterspark.emulator.OpenRouterEmulator;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.execution.SparkPlan;
import org.apache.spark.sql.execution.metric.SQLMetric;
import org.junit.jupiter.api.Test;

/** The scan's custom metrics, as the Spark UI's SQL tab shows them, count what really happened. */
class ScanMetricsTest {

  /** The metric values of every node of the executed plan, by metric name. */
  private static Map<String, Long> metrics(Dataset<Row> df) {
    Map<String, Long> out = new HashMap<>();
    collect(df.queryExecution().executedPlan(), out);
    return out;
  }

  // Scala iterators, not a converter class: the converters differ between Scala 2.12 (Spark 3.5)
  // and 2.13 (Spark 4), Iterator's hasNext/next do not.
  private static void collect(SparkPlan plan, Map<String, Long> out) {
    scala.collection.Iterator<scala.Tuple2<String, SQLMetric>> metrics = plan.metrics().iterator();
    while (metrics.hasNext()) {
      scala.Tuple2<String, SQLMetric> e = metrics.next();
      out.merge(e._1(), e._2().value(), Long::sum);
    }
    scala.collection.Iterator<SparkPlan> children = plan.children().iterator();
    while (children.hasNext()) {
      collect(children.next(), out);
    }
  }

  @Test
  void requestsRetriesRateLimitedResponsesBytesAndRowsAreCounted() {
    try (OpenRouterEmulator emulator = TestEmulators.lenient()) {
      emulator.faults().failNext(1, Fault.status(429, Duration.ofMillis(100)));
      Dataset<Row> df =
          TestSpark.reader(emulator)
              .option("startDate", "2026-02-01")
              .option("endDate", "2026-02-01")
              .option("maxRank", "150")
              .load("app-rankings");
      long rows = df.collectAsList().size();
      Map<String, Long> m = metrics(df);
      assertEquals(150, rows);
      assertEquals(3, m.get("openrouterRequests"), m.toString());
      assertEquals(1, m.get("openrouter429s"), m.toString());
      assertEquals(1, m.get("openrouterRetries"), m.toString());
      assertEquals(150, m.get("openrouterRows"), m.toString());
      assertEquals(0, m.get("openrouterCacheHits"), m.toString());
      assertTrue(m.get("openrouterBytes") > 10_000, m.toString());
      assertEquals(3, emulator.requestLog().size());
    }
  }

  @Test
  void cacheHitsAreCountedAndCostNoRequest() {
    try (OpenRouterEmulator emulator = TestEmulators.lenient()) {
      Dataset<Row> df =
          TestSpark.reader(emulator)
              .option("cache", "true")
              .option("startDate", "2026-02-02")
              .option("endDate", "2026-02-02")
              .load("app-rankings");
      df.collectAsList();
      Dataset<Row> again =
          TestSpark.reader(emulator)
              .option("cache", "true")
              .option("startDate", "2026-02-02")
              .option("endDate", "2026-02-02")
              .load("app-rankings");
      assertEquals(50, again.collectAsList().size());
      Map<String, Long> m = metrics(again);
      assertEquals(1, m.get("openrouterCacheHits"), m.toString());
      assertEquals(0, m.get("openrouterRequests"), m.toString());
      assertEquals(1, emulator.requestLog().size(), "the second query was served from memory");
    }
  }
}
