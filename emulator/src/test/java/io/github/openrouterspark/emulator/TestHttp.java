package io.github.openrouterspark.emulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** A minimal client for the emulator, as a connector would use it. */
final class TestHttp {
  private static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private TestHttp() {}

  record Response(int status, String contentType, Map<String, List<String>> headers, String body) {
    @SuppressWarnings("unchecked")
    Map<String, Object> json() {
      return (Map<String, Object>) TestJson.parse(body);
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> meta() {
      return (Map<String, Object>) json().get("meta");
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> error() {
      return (Map<String, Object>) json().get("error");
    }

    @SuppressWarnings("unchecked")
    List<RankingRow> rows() {
      return ((List<Map<String, Object>>) json().get("data"))
          .stream()
              .map(
                  item ->
                      new RankingRow(
                          LocalDate.parse((String) item.get("date")),
                          (String) item.get("model_permaslug"),
                          new BigInteger((String) item.get("total_tokens"))))
              .toList();
    }
  }

  static Response get(String url, String apiKey) {
    return send(url, "GET", apiKey, Map.of());
  }

  /** POSTs {@code json} with {@code Content-Type: application/json}. */
  static Response post(String url, String apiKey, String json) {
    return send(url, "POST", apiKey, Map.of("Content-Type", "application/json"), json);
  }

  static Response send(String url, String method, String apiKey, Map<String, String> headers) {
    return send(url, method, apiKey, headers, null);
  }

  static Response send(
      String url, String method, String apiKey, Map<String, String> headers, String body) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url))
            .timeout(Duration.ofSeconds(30))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (apiKey != null) {
      request.header("Authorization", "Bearer " + apiKey);
    }
    headers.forEach(request::header);
    try {
      HttpResponse<String> response =
          CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Response(
          response.statusCode(),
          response.headers().firstValue("Content-Type").orElse(null),
          response.headers().map(),
          response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
