package io.github.openrouterspark.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.openrouterspark.contract.OpenApiValidator.HttpRequestRecord;
import io.github.openrouterspark.contract.OpenApiValidator.HttpResponseRecord;
import io.github.openrouterspark.emulator.LoggedRequest;
import io.github.openrouterspark.emulator.OpenRouterEmulator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * One HTTP exchange with the emulator through a plain JDK client: what was sent, what the emulator
 * logged as received, and what came back. The request handed to the validator is the received one
 * (method, path, decoded query and headers from the emulator's log), plus the Authorization header
 * as sent, because the log never stores it.
 */
record EmulatorExchange(
    HttpRequestRecord received, LoggedRequest logged, HttpResponseRecord response) {
  private static final HttpClient CLIENT =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  /** Attribution headers of the spec (components.parameters), sent with every request. */
  static final Map<String, String> ATTRIBUTION =
      Map.of(
          "HTTP-Referer", "https://github.com/openrouter-spark/openrouter-spark",
          "X-OpenRouter-Title", "openrouter-spark contract test");

  /**
   * Sends {@code method} to {@code emulator.baseUrl() + path} with {@code query} (in map order),
   * the attribution headers and, unless {@code authorization} is null, that Authorization header.
   */
  static EmulatorExchange send(
      OpenRouterEmulator emulator,
      String method,
      String path,
      Map<String, String> query,
      String authorization,
      String jsonBody) {
    int before = emulator.requestLog().size();
    URI uri = URI.create(emulator.baseUrl() + path + queryString(query));
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri)
            .timeout(Duration.ofSeconds(30))
            .header("Accept", "application/json")
            .method(
                method,
                jsonBody == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(jsonBody));
    ATTRIBUTION.forEach(request::header);
    if (jsonBody != null) {
      request.header("Content-Type", "application/json");
    }
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    HttpResponse<String> response;
    try {
      response =
          CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("Request to the emulator failed: " + method + " " + uri, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }

    List<LoggedRequest> log = emulator.requestLog().all();
    assertEquals(before + 1, log.size(), "the emulator should log exactly the one request sent");
    LoggedRequest logged = log.get(log.size() - 1);
    assertEquals(method, logged.method(), "method received");
    assertEquals(uri.getRawPath(), logged.path(), "path received");
    assertEquals(query, logged.query(), "query received (decoded)");
    assertEquals(response.statusCode(), logged.status(), "status logged vs status received");

    Map<String, String> headers = new LinkedHashMap<>(logged.headers());
    if (authorization != null) {
      headers.put("Authorization", authorization);
    }
    HttpRequestRecord received =
        new HttpRequestRecord(logged.method(), logged.path(), logged.query(), headers, jsonBody);

    Map<String, String> responseHeaders = new LinkedHashMap<>();
    response
        .headers()
        .map()
        .forEach((name, values) -> responseHeaders.put(name, String.join(", ", values)));
    return new EmulatorExchange(
        received,
        logged,
        new HttpResponseRecord(response.statusCode(), responseHeaders, response.body()));
  }

  private static String queryString(Map<String, String> query) {
    if (query.isEmpty()) {
      return "";
    }
    StringJoiner joined = new StringJoiner("&", "?", "");
    query.forEach(
        (name, value) ->
            joined.add(
                URLEncoder.encode(name, StandardCharsets.UTF_8)
                    + "="
                    + URLEncoder.encode(value, StandardCharsets.UTF_8)));
    return joined.toString();
  }
}
