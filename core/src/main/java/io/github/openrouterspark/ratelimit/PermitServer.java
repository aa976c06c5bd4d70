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
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The driver's permit service: executors in other JVMs reserve each request's permit here, so every
 * task of the application shares one rolling-minute limiter per key. It serves exactly two calls,
 * both authenticated with a per-application random secret, and nothing else: {@code POST
 * /permit?key=<fingerprint>&limit=<per minute>&maxMs=<n>} answers the milliseconds to wait before
 * sending (reserving nothing when that is more than {@code maxMs}), and {@code POST
 * /backoff?key=<fingerprint>&ms=<n>} pauses the key after a 429. Every parameter is bounded (a
 * pause or {@code maxMs} of at most {@link #MAX_BACKOFF_MILLIS}, a limit of 1 to {@link
 * #MAX_LIMIT_PER_MINUTE}); anything else is answered 400 and changes nothing.
 */
public final class PermitServer {
  private static final Logger LOG = LoggerFactory.getLogger(PermitServer.class);
  static final String SECRET_HEADER = "X-OpenRouter-Spark-Permit-Secret";

  /**
   * The longest maxRetryWait a read may set (1h), so no wait or pause a client asks for is longer.
   */
  static final long MAX_BACKOFF_MILLIS = Duration.ofHours(1).toMillis();

  /** The highest rateLimitPerMinute a read may set. */
  static final int MAX_LIMIT_PER_MINUTE = 10_000;

  /**
   * A key fingerprint, optionally scoped to a separate server-side limit
   * ("<fingerprint>/analytics").
   */
  private static final Pattern FINGERPRINT = Pattern.compile("[0-9a-f]{16}(/[a-z]{1,32})?");

  private static final Pattern WHOLE_NUMBER = Pattern.compile("[0-9]{1,10}");

  /**
   * One service per address it binds and advertises (one SparkContext at a time, in practice one).
   */
  private static final Map<String, PermitServer> RUNNING = new HashMap<>();

  private final HttpServer server;
  private final PermitEndpoint endpoint;

  private PermitServer(String bindHost, String advertisedHost) throws IOException {
    byte[] random = new byte[32];
    new SecureRandom().nextBytes(random);
    String secret = HexFormat.of().formatHex(random);
    server = HttpServer.create(new InetSocketAddress(bindHost, 0), 0);
    server.createContext("/", this::handle);
    server.setExecutor(
        Executors.newCachedThreadPool(
            r -> {
              Thread t = new Thread(r, "openrouter-permit-server");
              t.setDaemon(true);
              return t;
            }));
    startAsDaemon(server);
    String address = advertisedHost.contains(":") ? "[" + advertisedHost + "]" : advertisedHost;
    endpoint =
        new PermitEndpoint("http://" + address + ":" + server.getAddress().getPort(), secret);
    LOG.info(
        "OpenRouter permit service listening on {} ({}) for this application's executors",
        server.getAddress(),
        endpoint.url());
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
      throw new IllegalStateException(
          "Interrupted while starting the OpenRouter permit service", e);
    }
  }

  /**
   * The JVM's permit service for these addresses, started at first use.
   *
   * @param bindHost the address it listens on: loopback unless executors run on other machines
   * @param advertisedHost the address executors use to reach it
   * @return where it listens; its secret is readable only by this package
   */
  public static synchronized PermitEndpoint startOrGet(String bindHost, String advertisedHost) {
    String id = bindHost + " " + advertisedHost;
    PermitServer running = RUNNING.get(id);
    if (running == null) {
      try {
        running = new PermitServer(bindHost, advertisedHost);
      } catch (IOException e) {
        throw new UncheckedIOException(
            "Could not start the OpenRouter permit service on " + bindHost, e);
      }
      RUNNING.put(id, running);
    }
    return running.endpoint;
  }

  /** True when {@code endpoint} is served by this JVM, so permits can be taken without a call. */
  static synchronized boolean isLocal(PermitEndpoint endpoint) {
    return RUNNING.values().stream().anyMatch(s -> s.endpoint.equals(endpoint));
  }

  /** The address the service for {@code endpoint} listens on, for tests; null if not this JVM's. */
  static synchronized InetSocketAddress boundAddress(PermitEndpoint endpoint) {
    return RUNNING.values().stream()
        .filter(s -> s.endpoint.equals(endpoint))
        .findFirst()
        .map(s -> s.server.getAddress())
        .orElse(null);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String given = exchange.getRequestHeaders().getFirst(SECRET_HEADER);
      if (given == null
          || !MessageDigest.isEqual(
              given.getBytes(StandardCharsets.UTF_8),
              endpoint.secret().getBytes(StandardCharsets.UTF_8))) {
        reply(exchange, 403, "forbidden");
        return;
      }
      if (!"POST".equals(exchange.getRequestMethod())) {
        reply(exchange, 405, "POST only");
        return;
      }
      String path = exchange.getRequestURI().getPath();
      if (!"/permit".equals(path) && !"/backoff".equals(path)) {
        reply(exchange, 404, "not found");
        return;
      }
      try {
        Map<String, String> q =
            query(
                exchange.getRequestURI(),
                "/permit".equals(path) ? Set.of("key", "limit", "maxMs") : Set.of("key", "ms"));
        String key = q.get("key");
        if (!FINGERPRINT.matcher(key).matches()) {
          throw new BadRequest(
              "key must be a 16-hex-digit fingerprint, optionally followed by /<scope>");
        }
        if ("/permit".equals(path)) {
          int limit = (int) bounded(q.get("limit"), "limit", 1, MAX_LIMIT_PER_MINUTE);
          long maxMs = bounded(q.get("maxMs"), "maxMs", 0, MAX_BACKOFF_MILLIS);
          reply(
              exchange,
              200,
              Long.toString(LocalCoordinators.forKey(key, limit).reserveMillis(limit, maxMs)));
        } else {
          long ms = bounded(q.get("ms"), "ms", 0, MAX_BACKOFF_MILLIS);
          LocalCoordinators.forKey(key, 30).pauseFor(ms);
          reply(exchange, 200, "ok");
        }
      } catch (BadRequest e) {
        reply(exchange, 400, e.getMessage());
      }
    } catch (RuntimeException e) {
      LOG.warn(
          "Permit service could not answer {}: {}",
          exchange.getRequestURI().getPath(),
          e.toString());
    }
  }

  /** A request the service refuses, with what was wrong. */
  private static final class BadRequest extends Exception {
    BadRequest(String message) {
      super(message, null, false, false);
    }
  }

  private static long bounded(String value, String name, long min, long max) throws BadRequest {
    if (WHOLE_NUMBER.matcher(value).matches()) {
      long n = Long.parseLong(value);
      if (n >= min && n <= max) {
        return n;
      }
    }
    throw new BadRequest(name + " must be a whole number from " + min + " to " + max);
  }

  /** Exactly the {@code required} parameters, each once; anything else is a bad request. */
  private static Map<String, String> query(URI uri, Set<String> required) throws BadRequest {
    Map<String, String> out = new HashMap<>();
    String raw = uri.getRawQuery();
    if (raw != null && raw.length() <= 200) {
      for (String pair : raw.split("&")) {
        int eq = pair.indexOf('=');
        if (eq <= 0
            || !required.contains(pair.substring(0, eq))
            || out.put(pair.substring(0, eq), pair.substring(eq + 1)) != null) {
          throw new BadRequest("expected exactly the parameters " + required);
        }
      }
    }
    if (!out.keySet().equals(required)) {
      throw new BadRequest("expected exactly the parameters " + required);
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
