package io.github.openrouterspark.emulator;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The one HTTP handler of the emulator. For every request it routes (404/405), authenticates
 * (401), lets the endpoint answer (which may add 429 and 400), logs the outcome and streams the
 * JSON reply. The log entry is written before the reply, so a client that has its answer always
 * finds its request in the log.
 */
final class Gateway implements HttpHandler {
  private static final System.Logger LOG = System.getLogger(Gateway.class.getName());
  private static final JsonFactory JSON = jsonFactory();

  private final Clock clock;
  private final Router router;
  private final ApiKeys keys;
  private final RequestLog log;

  Gateway(Clock clock, Router router, ApiKeys keys, RequestLog log) {
    this.clock = clock;
    this.router = router;
    this.keys = keys;
    this.log = log;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      Instant now = clock.instant();
      String method = exchange.getRequestMethod();
      String path = exchange.getRequestURI().getPath();
      Map<String, String> query = QueryString.decode(exchange.getRequestURI().getRawQuery());
      String key = ApiKeys.bearerKey(exchange.getRequestHeaders().getFirst("Authorization"));
      String account = keys.accountOf(key);
      Reply reply = answer(method, new EmulatorRequest(now, path, query, key, account));
      log.add(
          new LoggedRequest(
              now, method, path, query, loggable(exchange.getRequestHeaders()), account,
              reply.status()));
      send(exchange, method, reply);
    }
  }

  private Reply answer(String method, EmulatorRequest request) {
    try {
      Endpoint endpoint = router.resolve(method, request.path());
      if (request.apiKey() == null) {
        throw new RequestRejected(ApiError.missingAuthentication());
      }
      if (request.account() == null) {
        throw new RequestRejected(ApiError.invalidApiKey());
      }
      return endpoint.handle(request);
    } catch (RequestRejected rejected) {
      return rejected.error().toReply();
    } catch (RuntimeException bug) {
      LOG.log(System.Logger.Level.WARNING, "Emulator failed on " + request.path(), bug);
      return ApiError.internal().toReply();
    }
  }

  private static void send(HttpExchange exchange, String method, Reply reply) throws IOException {
    Headers headers = exchange.getResponseHeaders();
    headers.set("Content-Type", "application/json");
    reply.headers().forEach(headers::set);
    if (method.equals("HEAD")) {
      exchange.sendResponseHeaders(reply.status(), -1);
      return;
    }
    // Length 0 selects chunked encoding, so the body streams as it is generated.
    exchange.sendResponseHeaders(reply.status(), 0);
    try (JsonGenerator json = JSON.createGenerator(exchange.getResponseBody(), JsonEncoding.UTF8)) {
      reply.body().writeTo(json);
    }
  }

  /**
   * Writes characters outside the BMP (emoji in app names) as raw 4-byte UTF-8, like the real
   * API's {@code JSON.stringify}, instead of the surrogate-pair escapes Jackson writes by default.
   * The feature exists from Jackson 2.18 on; it is looked up by name so that an older
   * jackson-core on the classpath still works, with escapes.
   */
  private static JsonFactory jsonFactory() {
    JsonFactory factory = new JsonFactory();
    try {
      return factory
          .rebuild()
          .enable(JsonWriteFeature.valueOf("COMBINE_UNICODE_SURROGATES_IN_UTF8"))
          .build();
    } catch (IllegalArgumentException olderJackson) {
      return factory;
    }
  }

  private static Map<String, String> loggable(Headers headers) {
    Map<String, String> result = new TreeMap<>();
    for (Map.Entry<String, List<String>> header : headers.entrySet()) {
      String name = header.getKey().toLowerCase(Locale.ROOT);
      if (!name.equals("authorization")) {
        result.merge(name, String.join(", ", header.getValue()), (a, b) -> a + ", " + b);
      }
    }
    return result;
  }
}
