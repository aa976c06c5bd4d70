package io.github.openrouterspark.api;

/**
 * The two analytics operations over a {@link DatasetsClient}, which brings the permits, retries,
 * cache and error reporting every request shares.
 */
public final class AnalyticsClient {
  private final DatasetsClient http;

  public AnalyticsClient(DatasetsClient http) {
    this.http = http;
  }

  /** {@code GET /analytics/meta}. */
  public AnalyticsMeta meta(RequestMetrics metrics) {
    ApiRequest request = AnalyticsMeta.request();
    return AnalyticsMeta.read(request, http.openBody(request, metrics));
  }

  /** {@code POST /analytics/query}: streams the rows into {@code sink}, then returns the metadata. */
  public AnalyticsResult query(AnalyticsQueryBody body, AnalyticsRowSink sink, RequestMetrics metrics) {
    ApiRequest request = body.toRequest();
    return AnalyticsResponseReader.read(body, http.openBody(request, metrics), sink);
  }
}
