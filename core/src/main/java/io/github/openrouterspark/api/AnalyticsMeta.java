package io.github.openrouterspark.api;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What {@code GET /analytics/meta} says {@code /analytics/query} accepts: the metrics, dimensions,
 * filter operators and time granularities, in the API's order. Names are not published anywhere
 * else (docs/api-contract.md §4, §9.4), so the connector's analytics schema is built from this.
 */
public record AnalyticsMeta(
    List<Metric> metrics,
    List<Dimension> dimensions,
    List<Operator> operators,
    List<Granularity> granularities)
    implements Serializable {

  public static final String PATH = "/analytics/meta";
  private static final JsonFactory JSON = new JsonFactory();

  /**
   * @param displayFormat {@code number} (counts), {@code currency}, {@code percent}, {@code
   *     latency} or {@code throughput}
   * @param isRate a rate, ratio, average or percentile: averaged by the API, never summable
   */
  public record Metric(String name, String displayLabel, boolean isRate, String displayFormat)
      implements Serializable {
    /** Counts are whole numbers (sent as JSON strings); everything else is a real number. */
    public boolean isCount() {
      return "number".equals(displayFormat);
    }
  }

  public record Dimension(String name, String displayLabel) implements Serializable {}

  /**
   * @param valueType {@code scalar} or {@code array}
   */
  public record Operator(String name, String valueType) implements Serializable {}

  public record Granularity(String name, String displayLabel) implements Serializable {}

  public AnalyticsMeta {
    metrics = List.copyOf(metrics);
    dimensions = List.copyOf(dimensions);
    operators = List.copyOf(operators);
    granularities = List.copyOf(granularities);
  }

  public static ApiRequest request() {
    return new ApiRequest(PATH, Map.of());
  }

  public Metric metric(String name) {
    return metrics.stream().filter(m -> m.name().equals(name)).findFirst().orElse(null);
  }

  public Dimension dimension(String name) {
    return dimensions.stream().filter(d -> d.name().equals(name)).findFirst().orElse(null);
  }

  public boolean hasOperator(String name) {
    return operators.stream().anyMatch(o -> o.name().equals(name));
  }

  public boolean hasGranularity(String name) {
    return granularities.stream().anyMatch(g -> g.name().equals(name));
  }

  public String metricNames() {
    return names(metrics, Metric::name);
  }

  public String dimensionNames() {
    return names(dimensions, Dimension::name);
  }

  public String granularityNames() {
    return names(granularities, Granularity::name);
  }

  private static <T> String names(List<T> items, Function<T, String> name) {
    return items.stream().map(name).collect(Collectors.joining(", "));
  }

  /** Decodes a {@code /analytics/meta} response body; any deviation fails naming the request. */
  static AnalyticsMeta read(ApiRequest request, InputStream body) {
    try (body;
        JsonParser p = JSON.createParser(body)) {
      expect(p.nextToken(), JsonToken.START_OBJECT, "the response");
      AnalyticsMeta meta = null;
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        JsonToken value = p.nextToken();
        if (field.equals("data")) {
          expect(value, JsonToken.START_OBJECT, "field 'data'");
          meta = readData(p);
        } else {
          p.skipChildren();
        }
      }
      if (meta == null) {
        throw new MalformedResponseException("required field 'data' is missing");
      }
      return meta;
    } catch (MalformedResponseException e) {
      throw malformed(request, "is malformed: " + e.getMessage(), e);
    } catch (IOException e) {
      throw malformed(
          request,
          "is truncated or not valid JSON ("
              + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())
              + ")",
          e);
    }
  }

  private static AnalyticsMeta readData(JsonParser p) throws IOException {
    List<Metric> metrics = null;
    List<Dimension> dimensions = null;
    List<Operator> operators = null;
    List<Granularity> granularities = null;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      p.nextToken();
      switch (field) {
        case "metrics" ->
            metrics =
                readArray(
                    p,
                    "data.metrics",
                    o ->
                        new Metric(
                            o.text("name"),
                            o.text("display_label"),
                            o.bool("is_rate"),
                            o.text("display_format").toLowerCase(Locale.ROOT)));
        case "dimensions" ->
            dimensions =
                readArray(
                    p,
                    "data.dimensions",
                    o -> new Dimension(o.text("name"), o.text("display_label")));
        case "operators" ->
            operators =
                readArray(
                    p, "data.operators", o -> new Operator(o.text("name"), o.text("value_type")));
        case "granularities" ->
            granularities =
                readArray(
                    p,
                    "data.granularities",
                    o -> new Granularity(o.text("name"), o.text("display_label")));
        default -> p.skipChildren();
      }
    }
    return new AnalyticsMeta(
        require(metrics, "data.metrics"), require(dimensions, "data.dimensions"),
        require(operators, "data.operators"), require(granularities, "data.granularities"));
  }

  /** The scalar fields of one element; unknown fields are ignored. */
  private static final class Fields {
    private final String where;
    private final Map<String, Object> values = new HashMap<>();

    Fields(String where) {
      this.where = where;
    }

    String text(String name) {
      Object v = values.get(name);
      if (!(v instanceof String s)) {
        throw new MalformedResponseException("field '" + where + "." + name + "' must be a string");
      }
      return s;
    }

    boolean bool(String name) {
      Object v = values.get(name);
      if (!(v instanceof Boolean b)) {
        throw new MalformedResponseException(
            "field '" + where + "." + name + "' must be a boolean");
      }
      return b;
    }
  }

  private static <T> List<T> readArray(JsonParser p, String where, Function<Fields, T> element)
      throws IOException {
    expect(p.currentToken(), JsonToken.START_ARRAY, "field '" + where + "'");
    List<T> out = new ArrayList<>();
    JsonToken t;
    while ((t = p.nextToken()) == JsonToken.START_OBJECT) {
      Fields fields = new Fields(where + "[" + out.size() + "]");
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        JsonToken v = p.nextToken();
        switch (v) {
          case VALUE_STRING -> fields.values.put(name, p.getText());
          case VALUE_TRUE, VALUE_FALSE -> fields.values.put(name, p.getBooleanValue());
          default -> p.skipChildren();
        }
      }
      out.add(element.apply(fields));
    }
    expect(t, JsonToken.END_ARRAY, "the end of '" + where + "'");
    return out;
  }

  private static <T> T require(T value, String field) {
    if (value == null) {
      throw new MalformedResponseException("required field '" + field + "' is missing");
    }
    return value;
  }

  static void expect(JsonToken actual, JsonToken expected, String what) {
    if (actual != expected) {
      throw new MalformedResponseException(
          "expected "
              + expected
              + " for "
              + what
              + " but found "
              + (actual == null ? "the end of the body" : actual));
    }
  }

  static ApiException malformed(ApiRequest request, String detail, Throwable cause) {
    return new ApiException(
        request,
        200,
        "the response body " + detail,
        "This is unexpected from the documented API: if it persists, report it with this message.",
        cause);
  }
}
