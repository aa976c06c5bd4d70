package io.github.openrouterspark.api;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * The two analytics operations over an {@link OpenRouterClient}, which brings the permits, retries,
 * cache and error reporting every request shares.
 */
public final class AnalyticsClient {
  private final OpenRouterClient http;

  public AnalyticsClient(OpenRouterClient http) {
    this.http = http;
  }

  /** The result of one query and the sink its rows went into. */
  public record Answer<S extends AnalyticsRowSink>(AnalyticsResult result, S rows) {}

  /** {@code GET /analytics/meta}. */
  public AnalyticsMeta meta(RequestMetrics metrics) {
    ApiRequest request = AnalyticsMeta.request();
    return http.read(request, metrics, body -> AnalyticsMeta.read(request, body));
  }

  /**
   * {@code POST /analytics/query} read twice, so memory does not grow with the response: the rows
   * stream into a sink from {@code checks} (which should check and convert them, keeping none)
   * while one copy of the body is kept ({@link KeptBody}); then {@link #rows} hands them to a sink
   * one at a time. The caller must close the returned body.
   *
   * @param spillDir where a large body is written; null for {@code java.io.tmpdir}
   */
  public <S extends AnalyticsRowSink> OpenRouterClient.Kept<Answer<S>> queryKept(
      AnalyticsQueryBody body, Supplier<S> checks, RequestMetrics metrics, Path spillDir) {
    ApiRequest request = body.toRequest();
    return http.readKept(
        request,
        metrics,
        in -> {
          S sink = checks.get();
          return new Answer<>(AnalyticsResponseReader.read(body, in, sink), sink);
        },
        spillDir);
  }

  /** The second pass over a body kept by {@link #queryKept}, into {@code sink}. */
  public AnalyticsRowCursor rows(AnalyticsQueryBody body, KeptBody kept, AnalyticsRowSink sink)
      throws IOException {
    return new AnalyticsRowCursor(body.toRequest(), kept, sink);
  }

  /**
   * {@code POST /analytics/query}: streams the rows into a sink from {@code sinks}, then returns
   * the metadata with that sink. Each attempt that gets a response starts a fresh sink, so a
   * response that breaks off and is retried leaves no rows behind.
   */
  public <S extends AnalyticsRowSink> Answer<S> query(
      AnalyticsQueryBody body, Supplier<S> sinks, RequestMetrics metrics) {
    ApiRequest request = body.toRequest();
    return http.read(
        request,
        metrics,
        in -> {
          S sink = sinks.get();
          return new Answer<>(AnalyticsResponseReader.read(body, in, sink), sink);
        });
  }
}
