package io.github.openrouterspark.emulator;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * The one HTTP handler of the emulator. For every request it routes (404/405), authenticates (401),
 * applies a scheduled {@link Fault} if there is one, else lets the endpoint answer (which may add
 * 429 and 400), logs the outcome and streams the JSON reply. The log entry is written before the
 * reply, so a client that has its answer (or its failure) always finds its request in the log.
 */
final class Gateway implements HttpHandler {
  private static final System.Logger LOG = System.getLogger(Gateway.class.getName());
  private static final JsonFactory JSON = jsonFactory();
  private static final int MAX_BODY = 1 << 20;

  private final Clock clock;
  private final Router router;
  private final ApiKeys keys;
  private final RequestLog log;
  private final FaultInjector faults;
  private final Supplier<RetryAfterFlavour> flavour;

  Gateway(
      Clock clock,
      Router router,
      ApiKeys keys,
      RequestLog log,
      FaultInjector faults,
      Supplier<RetryAfterFlavour> flavour) {
    this.clock = clock;
    this.router = router;
    this.keys = keys;
    this.log = log;
    this.faults = faults;
    this.flavour = flavour;
  }

  /**
   * Thrown out of {@link #handle} to drop the connection. The JDK server answers an IOException
   * from a handler by closing the connection, without writing anything more: no status line if none
   * was sent, no end of body (or final chunk) if a body was begun. Closing the exchange instead
   * would complete the response.
   */
  private static final class Disconnect extends IOException {
    private static final long serialVersionUID = 1L;

    Disconnect(Fault fault) {
      super("Emulated fault: " + fault, null);
    }
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    Instant now = clock.instant();
    String method = exchange.getRequestMethod();
    String key = ApiKeys.bearerKey(exchange.getRequestHeaders().getFirst("Authorization"));
    ApiKeys.Grant grant = keys.grantOf(key);
    EmulatorRequest request =
        new EmulatorRequest(
            now,
            exchange.getRequestURI().getPath(),
            QueryString.decode(exchange.getRequestURI().getRawQuery()),
            key,
            grant == null ? null : grant.account(),
            grant != null && grant.management(),
            readBody(exchange));
    Endpoint endpoint;
    try {
      endpoint = admit(method, request);
    } catch (RequestRejected rejected) {
      respond(exchange, request, rejected.error().toReply(), null);
      return;
    }
    Fault fault = faults.next();
    if (fault == null) {
      respond(exchange, request, answer(endpoint, request), null);
    } else if (fault instanceof Fault.Slow slow) {
      try {
        Thread.sleep(slow.delay().toMillis(), slow.delay().toNanosPart() % 1_000_000);
      } catch (InterruptedException closing) {
        // The emulator is closing; the client's answer no longer matters.
        Thread.currentThread().interrupt();
        throw new Disconnect(fault);
      }
      respond(exchange, request, answer(endpoint, request), fault);
    } else if (fault instanceof Fault.ConnectionReset) {
      record(exchange, request, LoggedRequest.NO_RESPONSE, fault);
      throw new Disconnect(fault);
    } else if (fault instanceof Fault.TruncatedBody) {
      Reply normal = answer(endpoint.withoutQuota(), request);
      record(exchange, request, LoggedRequest.NO_RESPONSE, fault);
      sendTruncated(exchange, normal);
      throw new Disconnect(fault);
    } else if (fault instanceof Fault.ShortBody) {
      Reply normal = answer(endpoint.withoutQuota(), request);
      try (exchange) {
        record(exchange, request, normal.status(), fault);
        sendShort(exchange, normal);
      }
    } else if (fault instanceof Fault.Redirect) {
      try (exchange) {
        record(exchange, request, 302, fault);
        exchange.getResponseHeaders().set("Location", exchange.getRequestURI().toString());
        exchange.sendResponseHeaders(302, -1);
      }
    } else if (fault instanceof Fault.EditedBody edited) {
      Reply normal = answer(endpoint, request);
      String text = new String(bytesOf(normal), StandardCharsets.UTF_8);
      byte[] body = edited.edit().apply(text).getBytes(StandardCharsets.UTF_8);
      try (exchange) {
        record(exchange, request, normal.status(), fault);
        setHeaders(exchange, normal);
        exchange.sendResponseHeaders(normal.status(), body.length);
        exchange.getResponseBody().write(body);
      }
    } else if (fault instanceof Fault.Status status) {
      Map<String, String> hint =
          status.retryAfter() == null
              ? Map.of()
              : flavour.get().headers(now, now.plus(status.retryAfter()));
      respond(exchange, request, ApiError.injected(status.code(), hint).toReply(), fault);
    } else if (fault instanceof Fault.Wrapped400 wrapped) {
      respond(
          exchange, request, ApiError.injected(wrapped.innerCode(), Map.of()).toReply(400), fault);
    } else {
      throw new IllegalStateException("Unhandled fault " + fault);
    }
  }

  /**
   * The whole request body, read before anything else so that every answer, even a refusal, leaves
   * the connection clean for the next request. Bodies beyond {@value #MAX_BODY} bytes are cut
   * there: no endpoint needs more, and the cut makes the JSON invalid, hence a 400.
   */
  private static byte[] readBody(HttpExchange exchange) throws IOException {
    try (InputStream in = exchange.getRequestBody()) {
      byte[] body = in.readNBytes(MAX_BODY);
      in.transferTo(OutputStream.nullOutputStream());
      return body;
    }
  }

  /** The endpoint for an authenticated request, or the 404, 405 or 401 that refuses it. */
  private Endpoint admit(String method, EmulatorRequest request) throws RequestRejected {
    Endpoint endpoint = router.resolve(method, request.path());
    if (request.apiKey() == null) {
      throw new RequestRejected(ApiError.missingAuthentication());
    }
    if (request.account() == null) {
      throw new RequestRejected(ApiError.invalidApiKey());
    }
    return endpoint;
  }

  private static Reply answer(Endpoint endpoint, EmulatorRequest request) {
    try {
      return endpoint.handle(request);
    } catch (RequestRejected rejected) {
      return rejected.error().toReply();
    } catch (RuntimeException bug) {
      LOG.log(System.Logger.Level.WARNING, "Emulator failed on " + request.path(), bug);
      return ApiError.internal().toReply();
    }
  }

  private void respond(HttpExchange exchange, EmulatorRequest request, Reply reply, Fault fault)
      throws IOException {
    try (exchange) {
      record(exchange, request, reply.status(), fault);
      send(exchange, reply);
    }
  }

  private void record(HttpExchange exchange, EmulatorRequest request, int status, Fault fault) {
    log.add(
        new LoggedRequest(
            request.now(),
            exchange.getRequestMethod(),
            request.path(),
            request.query(),
            loggable(exchange.getRequestHeaders()),
            request.account(),
            status,
            fault,
            request.body().length == 0
                ? null
                : new String(request.body(), StandardCharsets.UTF_8)));
  }

  private static void send(HttpExchange exchange, Reply reply) throws IOException {
    setHeaders(exchange, reply);
    if (exchange.getRequestMethod().equals("HEAD")) {
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
   * Sends the status, the headers and the first half of the body, flushed so the client really
   * receives it; the caller then drops the connection. The framing is chunked, like every other
   * answer of the emulator, so the missing final chunk tells any client that the body is
   * incomplete. (With a {@code Content-Length} instead, {@link java.net.HttpURLConnection} hands
   * the half over as a complete body.)
   */
  private static void sendTruncated(HttpExchange exchange, Reply reply) throws IOException {
    byte[] body = bytesOf(reply);
    setHeaders(exchange, reply);
    exchange.sendResponseHeaders(reply.status(), 0);
    OutputStream out = exchange.getResponseBody();
    out.write(body, 0, body.length / 2);
    out.flush();
  }

  /** The first half of the body, framed by a Content-Length that says it is all there is. */
  private static void sendShort(HttpExchange exchange, Reply reply) throws IOException {
    byte[] body = bytesOf(reply);
    setHeaders(exchange, reply);
    exchange.sendResponseHeaders(reply.status(), body.length / 2);
    exchange.getResponseBody().write(body, 0, body.length / 2);
  }

  private static byte[] bytesOf(Reply reply) throws IOException {
    ByteArrayOutputStream whole = new ByteArrayOutputStream();
    try (JsonGenerator json = JSON.createGenerator(whole, JsonEncoding.UTF8)) {
      reply.body().writeTo(json);
    }
    return whole.toByteArray();
  }

  private static void setHeaders(HttpExchange exchange, Reply reply) {
    Headers headers = exchange.getResponseHeaders();
    headers.set("Content-Type", "application/json");
    reply.headers().forEach(headers::set);
  }

  /**
   * Writes characters outside the BMP (emoji in app names) as raw 4-byte UTF-8, like the real API's
   * {@code JSON.stringify}, instead of the surrogate-pair escapes Jackson writes by default. The
   * feature exists from Jackson 2.18 on; it is looked up by name so that an older jackson-core on
   * the classpath still works, with escapes.
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
