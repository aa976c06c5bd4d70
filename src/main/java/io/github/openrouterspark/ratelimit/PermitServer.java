package io.github.openrouterspark.ratelimit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The driver's permit service: executors in other JVMs reserve each request's permit here, so
 * every task of the application shares one rolling-minute limiter per key. It serves exactly two
 * calls, both authenticated with a per-application random secret, and nothing else:
 * {@code POST /permit?key=<fingerprint>&limit=<per minute>} answers the milliseconds to wait
 * before sending, and {@code POST /backoff?key=<fingerprint>&ms=<n>} pauses the key after a 429.
 */
public final class PermitServer {
  private static final Logger LOG = LoggerFactory.getLogger(PermitServer.class);
  static final String SECRET_HEADER = "X-OpenRouter-Spark-Permit-Secret";
  private static PermitServer running;

  private final HttpServer server;
  private final PermitEndpoint endpoint;

  private PermitServer(String host) throws IOException {
    byte[] random = new byte[32];
    new SecureRandom().nextBytes(random);
    String secret = HexFormat.of().formatHex(random);
    server = HttpServer.create(new InetSocketAddress(host, 0), 0);
    server.createContext("/", this::handle);
    server.setExecutor(Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "openrouter-permit-server");
      t.setDaemon(true);
      return t;
    }));
    startAsDaemon(server);
    String address = host.contains(":") ? "[" + host + "]" : host;
    endpoint = new PermitEndpoint("http://" + address + ":" + server.getAddress().getPort(), secret);
    LOG.info("OpenRouter permit service listening on {} for this application's executors", endpoint.url());
  }

  /**
   * The JDK server's dispatcher thread inherits the daemon flag of the thread that starts it; a
   * non-daemon dispatcher would keep a finished Spark application's JVM alive forever.
   */
  private static void startAsDaemon(HttpServer server) {
    Thread starter = new Thread(server::start, "openrouter-permit-server-start");
    starter.setDaemon(true);
    starter.start();
    try {
      starter.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while starting the OpenRouter permit service", e);
    }
  }

  /** The JVM's permit service, started on {@code host} at first use. */
  public static synchronized PermitEndpoint startOrGet(String host) {
    if (running == null) {
      try {
        running = new PermitServer(host);
      } catch (IOException e) {
        throw new UncheckedIOException("Could not start the OpenRouter permit service on " + host, e);
      }
    }
    return running.endpoint;
  }

  /** True when {@code endpoint} is served by this JVM, so permits can be taken without a call. */
  static synchronized boolean isLocal(PermitEndpoint endpoint) {
    return running != null && running.endpoint.equals(endpoint);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String given = exchange.getRequestHeaders().getFirst(SECRET_HEADER);
      if (given == null || !MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8),
          endpoint.secret().getBytes(StandardCharsets.UTF_8))) {
        reply(exchange, 403, "forbidden");
        return;
      }
      if (!"POST".equals(exchange.getRequestMethod())) {
        reply(exchange, 405, "POST only");
        return;
      }
      Map<String, String> q = query(exchange.getRequestURI());
      String key = q.get("key");
      // A fingerprint, optionally scoped to a separate server-side limit ("<fingerprint>/analytics").
      if (key == null || !key.matches("[0-9a-f]{16}(/[a-z]+)?")) {
        reply(exchange, 400, "key must be a fingerprint");
        return;
      }
      switch (exchange.getRequestURI().getPath()) {
        case "/permit" -> {
          int limit = Integer.parseInt(q.getOrDefault("limit", "30"));
          reply(exchange, 200, Long.toString(LocalCoordinators.forKey(key, limit).reserveMillis(limit)));
        }
        case "/backoff" -> {
          LocalCoordinators.forKey(key, 30).pauseFor(Long.parseLong(q.getOrDefault("ms", "0")));
          reply(exchange, 200, "ok");
        }
        default -> reply(exchange, 404, "not found");
      }
    } catch (RuntimeException e) {
      LOG.warn("Permit service could not answer {}: {}", exchange.getRequestURI().getPath(), e.toString());
    }
  }

  private static Map<String, String> query(URI uri) {
    Map<String, String> out = new HashMap<>();
    String raw = uri.getRawQuery();
    if (raw != null) {
      for (String pair : raw.split("&")) {
        int eq = pair.indexOf('=');
        if (eq > 0) {
          out.put(pair.substring(0, eq), pair.substring(eq + 1));
        }
      }
    }
    return out;
  }

  private static void reply(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
