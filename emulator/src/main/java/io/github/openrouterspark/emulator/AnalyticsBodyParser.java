package io.github.openrouterspark.emulator;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the JSON body of {@code POST /analytics/query} into an {@link AnalyticsQuery} with
 * Jackson's streaming parser, checking the types the spec's schema declares (the rest is {@link
 * AnalyticsPlanner}'s job). Unknown members are ignored and a repeated member's last value wins, as
 * with {@code JSON.parse} and zod's default object schema.
 *
 * <p>Numbers are read as doubles, as JavaScript reads them; {@code limit} and {@code group_limit}
 * must be integral ({@code 10.0} passes, as {@code Number.isInteger} says). The emulator has no
 * classifiers, so a well-formed {@code classifier_dimensions} or {@code classifier_filters} is a
 * 400 naming the unknown classifier.
 */
final class AnalyticsBodyParser {
  private static final JsonFactory JSON = new JsonFactory();

  private AnalyticsBodyParser() {}

  static AnalyticsQuery parse(byte[] body) throws RequestRejected {
    if (body.length == 0) {
      throw bad("Invalid input: expected object, received undefined");
    }
    try (JsonParser json = JSON.createParser(body)) {
      JsonToken first = json.nextToken();
      if (first != JsonToken.START_OBJECT) {
        throw bad("Invalid input: expected object, received " + type(first));
      }
      AnalyticsQuery query = object(json);
      if (json.nextToken() != null) {
        throw bad("Invalid JSON body: trailing content after the object");
      }
      return query;
    } catch (IOException malformed) {
      throw bad("Invalid JSON body");
    }
  }

  private static AnalyticsQuery object(JsonParser json) throws IOException, RequestRejected {
    List<String> metrics = null;
    List<String> dimensions = List.of();
    List<AnalyticsQuery.Filter> filters = List.of();
    String granularity = null;
    AnalyticsQuery.TimeRange timeRange = null;
    AnalyticsQuery.OrderBy orderBy = null;
    Integer limit = null;
    Integer groupLimit = null;
    String classifier = null;
    while (json.nextToken() == JsonToken.FIELD_NAME) {
      String name = json.currentName();
      JsonToken token = json.nextToken();
      switch (name) {
        case "metrics" -> metrics = strings("metrics", json, token);
        case "dimensions" -> dimensions = strings("dimensions", json, token);
        case "filters" -> filters = filters(json, token);
        case "granularity" -> granularity = string("granularity", json, token);
        case "time_range" -> timeRange = timeRange(json, token);
        case "order_by" -> orderBy = orderBy(json, token);
        case "limit" -> limit = integer("limit", json, token);
        case "group_limit" -> groupLimit = integer("group_limit", json, token);
        case "classifier_dimensions", "classifier_filters" ->
            classifier = classifier(name, json, token);
        default -> json.skipChildren();
      }
    }
    if (metrics == null) {
      throw bad("metrics: Invalid input: expected array, received undefined");
    }
    if (classifier != null) {
      throw bad(classifier);
    }
    return new AnalyticsQuery(
        metrics, dimensions, filters, granularity, timeRange, orderBy, limit, groupLimit);
  }

  private static List<String> strings(String at, JsonParser json, JsonToken token)
      throws IOException, RequestRejected {
    expect(at, token, JsonToken.START_ARRAY, "array");
    List<String> values = new ArrayList<>();
    for (JsonToken t = json.nextToken(); t != JsonToken.END_ARRAY; t = json.nextToken()) {
      values.add(string(at + "." + values.size(), json, t));
    }
    return values;
  }

  private static List<AnalyticsQuery.Filter> filters(JsonParser json, JsonToken token)
      throws IOException, RequestRejected {
    expect("filters", token, JsonToken.START_ARRAY, "array");
    List<AnalyticsQuery.Filter> filters = new ArrayList<>();
    for (JsonToken t = json.nextToken(); t != JsonToken.END_ARRAY; t = json.nextToken()) {
      String at = "filters." + filters.size();
      expect(at, t, JsonToken.START_OBJECT, "object");
      String field = null;
      String operator = null;
      Object value = null;
      boolean hasValue = false;
      Boolean includeUnset = null;
      while (json.nextToken() == JsonToken.FIELD_NAME) {
        String name = json.currentName();
        JsonToken v = json.nextToken();
        switch (name) {
          case "field" -> field = string(at + ".field", json, v);
          case "operator" -> operator = string(at + ".operator", json, v);
          case "value" -> {
            value = filterValue(at + ".value", json, v);
            hasValue = true;
          }
          case "include_unset" -> {
            if (v != JsonToken.VALUE_TRUE && v != JsonToken.VALUE_FALSE) {
              throw bad(
                  at + ".include_unset: Invalid input: expected boolean, received " + type(v));
            }
            includeUnset = v == JsonToken.VALUE_TRUE;
          }
          default -> json.skipChildren();
        }
      }
      if (field == null) {
        throw bad(at + ".field: Invalid input: expected string, received undefined");
      }
      if (operator == null) {
        throw bad(at + ".operator: Invalid input: expected string, received undefined");
      }
      if (!hasValue) {
        throw bad(
            at + ".value: Invalid input: expected string, number or array, received undefined");
      }
      filters.add(new AnalyticsQuery.Filter(field, operator, value, includeUnset));
    }
    return filters;
  }

  /** A string, a double, or a list of strings and doubles. */
  private static Object filterValue(String at, JsonParser json, JsonToken token)
      throws IOException, RequestRejected {
    if (token == JsonToken.START_ARRAY) {
      List<Object> values = new ArrayList<>();
      for (JsonToken t = json.nextToken(); t != JsonToken.END_ARRAY; t = json.nextToken()) {
        Object scalar = scalar(json, t);
        if (scalar == null) {
          throw bad(
              at
                  + "."
                  + values.size()
                  + ": Invalid input: expected string or number, received "
                  + type(t));
        }
        values.add(scalar);
      }
      return values;
    }
    Object scalar = scalar(json, token);
    if (scalar == null) {
      throw bad(at + ": Invalid input: expected string, number or array, received " + type(token));
    }
    return scalar;
  }

  private static Object scalar(JsonParser json, JsonToken token) throws IOException {
    return switch (token) {
      case VALUE_STRING -> json.getText();
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> json.getDoubleValue();
      default -> {
        json.skipChildren();
        yield null;
      }
    };
  }

  private static AnalyticsQuery.TimeRange timeRange(JsonParser json, JsonToken token)
      throws IOException, RequestRejected {
    expect("time_range", token, JsonToken.START_OBJECT, "object");
    Instant start = null;
    Instant end = null;
    while (json.nextToken() == JsonToken.FIELD_NAME) {
      String name = json.currentName();
      JsonToken v = json.nextToken();
      switch (name) {
        case "start" -> start = instant("time_range.start", json, v);
        case "end" -> end = instant("time_range.end", json, v);
        default -> json.skipChildren();
      }
    }
    if (start == null) {
      throw bad("time_range.start: Invalid input: expected string, received undefined");
    }
    if (end == null) {
      throw bad("time_range.end: Invalid input: expected string, received undefined");
    }
    return new AnalyticsQuery.TimeRange(start, end);
  }

  /** RFC 3339 date-time, the spec's {@code format: date-time}: {@code Z} or an offset required. */
  private static Instant instant(String at, JsonParser json, JsonToken token)
      throws IOException, RequestRejected {
    String text = string(at, json, token);
    try {
      return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
    } catch (DateTimeException e) {
      throw bad(at + ": Invalid ISO datetime");
    }
  }

  private static AnalyticsQuery.OrderBy orderBy(JsonParser json, JsonToken token)
      throws IOException, RequestRejected {
    expect("order_by", token, JsonToken.START_OBJECT, "object");
    String field = null;
    String direction = null;
    while (json.nextToken() == JsonToken.FIELD_NAME) {
      String name = json.currentName();
      JsonToken v = json.nextToken();
      switch (name) {
        case "field" -> field = string("order_by.field", json, v);
        case "direction" -> direction = string("order_by.direction", json, v);
        default -> json.skipChildren();
      }
    }
    if (field == null) {
      throw bad("order_by.field: Invalid input: expected string, received undefined");
    }
    if (direction == null) {
      throw bad("order_by.direction: Invalid option: expected one of \"asc\"|\"desc\"");
    }
    return new AnalyticsQuery.OrderBy(field, direction);
  }

  /** Checks a classifier member's shape; returns the 400 message for its unknown classifier. */
  private static String classifier(String at, JsonParser json, JsonToken token)
      throws IOException, RequestRejected {
    expect(at, token, JsonToken.START_OBJECT, "object");
    String id = null;
    while (json.nextToken() == JsonToken.FIELD_NAME) {
      String name = json.currentName();
      JsonToken v = json.nextToken();
      if (name.equals("classifier_id")) {
        id = string(at + ".classifier_id", json, v);
      } else {
        json.skipChildren();
      }
    }
    if (id == null) {
      throw bad(at + ".classifier_id: Invalid input: expected string, received undefined");
    }
    return at + ".classifier_id: Classifier '" + id + "' not found for this account";
  }

  private static Integer integer(String at, JsonParser json, JsonToken token)
      throws IOException, RequestRejected {
    if (token != JsonToken.VALUE_NUMBER_INT && token != JsonToken.VALUE_NUMBER_FLOAT) {
      json.skipChildren();
      throw bad(at + ": Invalid input: expected number, received " + type(token));
    }
    double value = json.getDoubleValue();
    if (value != Math.rint(value) || Double.isInfinite(value)) {
      throw bad(at + ": Invalid input: expected int, received number");
    }
    // Beyond int, the planner's range check reports it as too small or too big.
    return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, value));
  }

  private static String string(String at, JsonParser json, JsonToken token)
      throws IOException, RequestRejected {
    if (token != JsonToken.VALUE_STRING) {
      json.skipChildren();
      throw bad(at + ": Invalid input: expected string, received " + type(token));
    }
    return json.getText();
  }

  private static void expect(String at, JsonToken token, JsonToken wanted, String name)
      throws RequestRejected {
    if (token != wanted) {
      throw bad(at + ": Invalid input: expected " + name + ", received " + type(token));
    }
  }

  /** The type zod names in "received X". */
  private static String type(JsonToken token) {
    if (token == null) {
      return "undefined";
    }
    return switch (token) {
      case START_OBJECT -> "object";
      case START_ARRAY -> "array";
      case VALUE_STRING -> "string";
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "number";
      case VALUE_TRUE, VALUE_FALSE -> "boolean";
      case VALUE_NULL -> "null";
      default -> token.toString();
    };
  }

  private static RequestRejected bad(String message) {
    return AnalyticsPlanner.bad(message);
  }
}
