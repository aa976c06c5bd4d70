package io.github.openrouterspark.emulator;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.Map;
import java.util.function.Function;

/**
 * {@code POST /analytics/query}: parses the JSON body, validates it against the account's log and
 * answers {@code {"data":{"data":[rows],"metadata":{...},"warnings":[...]}}}. {@code warnings} is
 * present only when there are some (the spec marks it optional); {@code cachedAt} never is, as the
 * emulator caches no results. {@code query_time_ms} is the real computing time.
 */
final class AnalyticsQueryEndpoint implements Endpoint {
  static final String PATH = "/analytics/query";

  private final Function<String, AnalyticsLog> logs;

  AnalyticsQueryEndpoint(Function<String, AnalyticsLog> logs) {
    this.logs = logs;
  }

  @Override
  public Reply handle(EmulatorRequest request) throws RequestRejected {
    long started = System.nanoTime();
    AnalyticsQuery query = AnalyticsBodyParser.parse(request.body());
    AnalyticsLog log = logs.apply(request.account());
    AnalyticsPlan plan = log.plan(query, request.now());
    AnalyticsResult result = log.query(plan, request.now());
    long millis = (System.nanoTime() - started) / 1_000_000;
    return Reply.ok(
        json -> {
          json.writeStartObject();
          json.writeObjectFieldStart("data");
          json.writeArrayFieldStart("data");
          for (Map<String, Object> row : result.rows()) {
            json.writeStartObject();
            for (Map.Entry<String, Object> cell : row.entrySet()) {
              json.writeFieldName(cell.getKey());
              write(json, cell.getValue());
            }
            json.writeEndObject();
          }
          json.writeEndArray();
          json.writeObjectFieldStart("metadata");
          json.writeNumberField("query_time_ms", millis);
          json.writeNumberField("row_count", result.rows().size());
          json.writeBooleanField("truncated", result.truncated());
          json.writeEndObject();
          if (!result.warnings().isEmpty()) {
            json.writeArrayFieldStart("warnings");
            for (String warning : result.warnings()) {
              json.writeString(warning);
            }
            json.writeEndArray();
          }
          json.writeEndObject();
          json.writeEndObject();
        });
  }

  private static void write(JsonGenerator json, Object value) throws IOException {
    if (value == null) {
      json.writeNull();
    } else if (value instanceof String s) {
      json.writeString(s);
    } else if (value instanceof BigDecimal d) {
      // Plain notation: 1E-9 is valid JSON, but a plain decimal is what JSON.stringify writes.
      json.writeNumber(d.toPlainString());
    } else if (value instanceof Long l) {
      json.writeNumber(l);
    } else if (value instanceof Double d) {
      json.writeNumber(d);
    } else {
      throw new IllegalStateException("Unexpected row value " + value.getClass());
    }
  }
}
