package io.github.openrouterspark.emulator;

/**
 * {@code GET /analytics/meta}: the metrics, dimensions, filter operators and granularities that
 * {@code /analytics/query} accepts, in the spec's shape. The same for every account.
 */
final class AnalyticsMetaEndpoint implements Endpoint {
  static final String PATH = "/analytics/meta";

  @Override
  public Reply handle(EmulatorRequest request) {
    return Reply.ok(
        json -> {
          json.writeStartObject();
          json.writeObjectFieldStart("data");
          json.writeArrayFieldStart("metrics");
          for (AnalyticsMetric metric : AnalyticsMetric.values()) {
            json.writeStartObject();
            json.writeStringField("name", metric.metricName());
            json.writeStringField("display_label", metric.label());
            json.writeBooleanField("is_rate", metric.isRate());
            json.writeStringField("display_format", metric.format().displayFormat);
            json.writeEndObject();
          }
          json.writeEndArray();
          json.writeArrayFieldStart("dimensions");
          for (AnalyticsDimension dimension : AnalyticsDimension.values()) {
            json.writeStartObject();
            json.writeStringField("name", dimension.dimensionName());
            json.writeStringField("display_label", dimension.label());
            json.writeEndObject();
          }
          json.writeEndArray();
          json.writeArrayFieldStart("operators");
          for (AnalyticsFilter.Op op : AnalyticsFilter.Op.values()) {
            json.writeStartObject();
            json.writeStringField("name", op.opName());
            json.writeStringField("value_type", op.array ? "array" : "scalar");
            json.writeEndObject();
          }
          json.writeEndArray();
          json.writeArrayFieldStart("granularities");
          for (Granularity granularity : Granularity.values()) {
            json.writeStartObject();
            json.writeStringField("name", granularity.granularityName());
            json.writeStringField("display_label", granularity.label());
            json.writeEndObject();
          }
          json.writeEndArray();
          json.writeEndObject();
          json.writeEndObject();
        });
  }
}
