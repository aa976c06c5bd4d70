package io.github.openrouterspark.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.openrouterspark.emulator.AnalyticsLog;
import io.github.openrouterspark.emulator.OpenRouterEmulator;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AnalyticsMetaTest {
  private static final String SMALL =
      "{\"data\":{"
          + "\"metrics\":[{\"name\":\"request_count\",\"display_label\":\"Request Count\",\"is_rate\":false,"
          + "\"display_format\":\"number\"},"
          + "{\"name\":\"p90_latency\",\"display_label\":\"P90 Latency\",\"is_rate\":true,\"display_format\":\"LATENCY\","
          + "\"new_field\":{\"nested\":[1,2]}}],"
          + "\"dimensions\":[{\"name\":\"model\",\"display_label\":\"Model\"}],"
          + "\"operators\":[{\"name\":\"eq\",\"value_type\":\"scalar\"},{\"name\":\"in\",\"value_type\":\"array\"}],"
          + "\"granularities\":[{\"name\":\"day\",\"display_label\":\"Day\"}],"
          + "\"unknown\":[1]},"
          + "\"extra\":{\"x\":1}}";

  private static AnalyticsMeta read(String body) {
    return AnalyticsMeta.read(AnalyticsMeta.request(), stream(body));
  }

  private static InputStream stream(String body) {
    return new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void decodesTheEmulatorsMetaResponse() {
    try (OpenRouterEmulator emulator = OpenRouterEmulator.builder().start()) {
      AnalyticsMeta meta =
          new AnalyticsClient(
                  new OpenRouterClient(
                      ClientSettings.defaults(emulator.baseUrl()),
                      ApiKey.of(OpenRouterEmulator.DEFAULT_MANAGEMENT_KEY)))
              .meta(new RequestMetrics());

      assertEquals(
          AnalyticsLog.metricNames(),
          meta.metrics().stream().map(AnalyticsMeta.Metric::name).toList());
      assertEquals(
          AnalyticsLog.dimensionNames(),
          meta.dimensions().stream().map(AnalyticsMeta.Dimension::name).toList());
      assertEquals(
          AnalyticsLog.granularityNames(),
          meta.granularities().stream().map(AnalyticsMeta.Granularity::name).toList());
      assertEquals(String.join(", ", AnalyticsLog.metricNames()), meta.metricNames());
      assertEquals(String.join(", ", AnalyticsLog.dimensionNames()), meta.dimensionNames());
      assertEquals(String.join(", ", AnalyticsLog.granularityNames()), meta.granularityNames());

      assertEquals(
          new AnalyticsMeta.Metric("request_count", "Request Count", false, "number"),
          meta.metric("request_count"));
      assertTrue(meta.metric("request_count").isCount());
      assertEquals(
          new AnalyticsMeta.Metric("p90_latency", "P90 Latency", true, "latency"),
          meta.metric("p90_latency"));
      assertFalse(meta.metric("p90_latency").isCount());
      assertEquals("currency", meta.metric("total_usage").displayFormat());
      assertFalse(meta.metric("total_usage").isRate());
      assertEquals("throughput", meta.metric("avg_throughput").displayFormat());
      assertEquals("percent", meta.metric("cache_hit_rate").displayFormat());
      assertNull(meta.metric("no_such_metric"));

      assertEquals(new AnalyticsMeta.Dimension("model", "Model"), meta.dimension("model"));
      assertNull(meta.dimension("date"));

      assertEquals(
          List.of("eq", "neq", "in", "not_in", "gt", "gte", "lt", "lte"),
          meta.operators().stream().map(AnalyticsMeta.Operator::name).toList());
      assertEquals(new AnalyticsMeta.Operator("in", "array"), meta.operators().get(2));
      assertEquals(new AnalyticsMeta.Operator("eq", "scalar"), meta.operators().get(0));
      assertTrue(meta.hasOperator("not_in"));
      assertFalse(meta.hasOperator("like"));
      assertTrue(meta.hasGranularity("week"));
      assertFalse(meta.hasGranularity("quarter"));

      assertEquals(1, emulator.requestLog().forPath("/analytics/meta").size());
      assertEquals("GET", emulator.requestLog().forPath("/analytics/meta").get(0).method());
    }
  }

  @Test
  void ignoresUnknownFieldsAndLowerCasesTheFormat() {
    AnalyticsMeta meta = read(SMALL);
    assertEquals(
        List.of(
            new AnalyticsMeta.Metric("request_count", "Request Count", false, "number"),
            new AnalyticsMeta.Metric("p90_latency", "P90 Latency", true, "latency")),
        meta.metrics());
    assertEquals(List.of(new AnalyticsMeta.Dimension("model", "Model")), meta.dimensions());
    assertEquals(
        List.of(
            new AnalyticsMeta.Operator("eq", "scalar"), new AnalyticsMeta.Operator("in", "array")),
        meta.operators());
    assertEquals(List.of(new AnalyticsMeta.Granularity("day", "Day")), meta.granularities());
  }

  @Test
  void memberOrderDoesNotMatter() {
    String reordered =
        "{\"extra\":[1,{\"a\":2}],\"data\":{"
            + "\"granularities\":[],\"operators\":[],\"dimensions\":[],"
            + "\"metrics\":[{\"display_format\":\"currency\",\"is_rate\":false,\"display_label\":\"Total Usage\","
            + "\"name\":\"total_usage\"}]}}";
    AnalyticsMeta meta = read(reordered);
    assertEquals(
        List.of(new AnalyticsMeta.Metric("total_usage", "Total Usage", false, "currency")),
        meta.metrics());
    assertEquals(List.of(), meta.dimensions());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "[]",
        "{}",
        "{\"data\":[]}",
        "{\"data\":{\"metrics\":[],\"dimensions\":[],\"operators\":[]}}",
        "{\"data\":{\"metrics\":{},\"dimensions\":[],\"operators\":[],\"granularities\":[]}}",
        "{\"data\":{\"metrics\":[1],\"dimensions\":[],\"operators\":[],\"granularities\":[]}}",
        "{\"data\":{\"metrics\":[{\"name\":\"x\",\"display_label\":\"X\",\"is_rate\":\"no\",\"display_format\":\"number\"}],"
            + "\"dimensions\":[],\"operators\":[],\"granularities\":[]}}",
        "{\"data\":{\"metrics\":[{\"name\":1,\"display_label\":\"X\",\"is_rate\":false,\"display_format\":\"number\"}],"
            + "\"dimensions\":[],\"operators\":[],\"granularities\":[]}}",
        "{\"data\":{\"metrics\":[],\"dimensions\":[{\"name\":\"model\"}],\"operators\":[],\"granularities\":[]}}",
        "{\"data\":{\"metrics\":[],\"dimensions\":[],\"operators\":[],\"granularities\":[]",
        "{\"data\":{\"metrics\":[{\"name\":\"request_co",
        "not json"
      })
  void malformedBodiesFailNamingTheRequest(String body) {
    ApiException e = assertThrows(ApiException.class, () -> read(body));
    assertEquals(200, e.status());
    assertEquals(AnalyticsMeta.request(), e.request());
    assertTrue(e.getMessage().contains("GET /analytics/meta"), e.getMessage());
    assertTrue(e.getMessage().contains("the response body"), e.getMessage());
  }

  @Test
  void malformedMessagesSayWhatIsWrong() {
    ApiException missing =
        assertThrows(
            ApiException.class,
            () -> read("{\"data\":{\"metrics\":[],\"dimensions\":[],\"operators\":[]}}"));
    assertTrue(missing.getMessage().contains("data.granularities"), missing.getMessage());
    ApiException wrongType =
        assertThrows(
            ApiException.class,
            () ->
                read(
                    "{\"data\":{\"metrics\":[{\"name\":\"x\",\"display_label\":\"X\",\"is_rate\":\"no\",\"display_format\":\"n\"}],"
                        + "\"dimensions\":[],\"operators\":[],\"granularities\":[]}}"));
    assertTrue(wrongType.getMessage().contains("data.metrics[0].is_rate"), wrongType.getMessage());
    ApiException cut = assertThrows(ApiException.class, () -> read("{\"data\":{\"metrics\":["));
    assertTrue(cut.getMessage().contains("truncated or not valid JSON"), cut.getMessage());
    ApiException noData = assertThrows(ApiException.class, () -> read("{\"meta\":{}}"));
    assertTrue(noData.getMessage().contains("'data' is missing"), noData.getMessage());
  }
}
