package io.github.openrouterspark.api;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.Serializable;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The JSON body of one {@code POST /analytics/query} (docs/api-contract.md §5). Members are written
 * in a fixed order, so equal queries are equal bodies (the response cache and the tests rely on
 * it).
 *
 * @param dimensions at most 2
 * @param filters ANDed, at most 20
 * @param granularity null for totals over the time range
 * @param orderBy null for the API's default order
 * @param limit null for the API's default (1000)
 * @param groupLimit null to send none
 */
public record AnalyticsQueryBody(
    List<String> metrics,
    List<String> dimensions,
    List<Filter> filters,
    String granularity,
    Instant start,
    Instant end,
    OrderBy orderBy,
    Integer limit,
    Integer groupLimit)
    implements Serializable {

  public static final String PATH = "/analytics/query";

  /** The API's largest {@code limit} and {@code group_limit}. */
  public static final int MAX_LIMIT = 10_000;

  public static final int MAX_DIMENSIONS = 2;
  public static final int MAX_FILTERS = 20;

  private static final JsonFactory JSON = new JsonFactory();

  /**
   * One filter on a dimension.
   *
   * @param value a String, or for {@code in}/{@code not_in} a list of Strings
   */
  public record Filter(String field, String operator, Object value) implements Serializable {
    public Filter {
      Objects.requireNonNull(field, "field");
      Objects.requireNonNull(operator, "operator");
      value =
          value instanceof List<?> list
              ? List.copyOf(list)
              : Objects.requireNonNull(value, "value");
    }
  }

  /**
   * @param field a requested metric, {@code request_count}, a requested dimension or {@code date}
   */
  public record OrderBy(String field, boolean descending) implements Serializable {}

  public AnalyticsQueryBody {
    metrics = List.copyOf(metrics);
    dimensions = List.copyOf(dimensions);
    filters = List.copyOf(filters);
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
  }

  /** The same query over another time range. */
  public AnalyticsQueryBody over(Instant from, Instant to) {
    return new AnalyticsQueryBody(
        metrics, dimensions, filters, granularity, from, to, orderBy, limit, groupLimit);
  }

  public ApiRequest toRequest() {
    return ApiRequest.post(PATH, json());
  }

  String json() {
    StringWriter out = new StringWriter();
    try (JsonGenerator g = JSON.createGenerator(out)) {
      g.writeStartObject();
      strings(g, "metrics", metrics);
      if (!dimensions.isEmpty()) {
        strings(g, "dimensions", dimensions);
      }
      if (!filters.isEmpty()) {
        g.writeArrayFieldStart("filters");
        for (Filter f : filters) {
          g.writeStartObject();
          g.writeStringField("field", f.field());
          g.writeStringField("operator", f.operator());
          g.writeFieldName("value");
          if (f.value() instanceof List<?> values) {
            g.writeStartArray();
            for (Object v : values) {
              g.writeString(String.valueOf(v));
            }
            g.writeEndArray();
          } else {
            g.writeString(String.valueOf(f.value()));
          }
          g.writeEndObject();
        }
        g.writeEndArray();
      }
      if (granularity != null) {
        g.writeStringField("granularity", granularity);
      }
      g.writeObjectFieldStart("time_range");
      g.writeStringField("start", start.toString());
      g.writeStringField("end", end.toString());
      g.writeEndObject();
      if (orderBy != null) {
        g.writeObjectFieldStart("order_by");
        g.writeStringField("field", orderBy.field());
        g.writeStringField("direction", orderBy.descending() ? "desc" : "asc");
        g.writeEndObject();
      }
      if (limit != null) {
        g.writeNumberField("limit", limit);
      }
      if (groupLimit != null) {
        g.writeNumberField("group_limit", groupLimit);
      }
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  private static void strings(JsonGenerator g, String field, List<String> values)
      throws IOException {
    g.writeArrayFieldStart(field);
    for (String v : values) {
      g.writeString(v);
    }
    g.writeEndArray();
  }
}
