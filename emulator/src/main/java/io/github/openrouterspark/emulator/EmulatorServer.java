package io.github.openrouterspark.emulator;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** The emulator's HTTP listener: a JDK server on 127.0.0.1 only, with a daemon thread pool. */
final class EmulatorServer implements AutoCloseable {
  /** Enough threads for the concurrent partition reads of a local Spark job. */
  private static final int THREADS = 8;

  static {
    // The JDK server flushes response headers as their own packet; without TCP_NODELAY the body
    // then waits for the client's delayed ACK, adding ~40 ms to every response. The JDK reads
    // this property once, when the first HttpServer of the JVM is created; an explicit setting
    // by the user wins.
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
  }

  private final HttpServer server;
  private final ExecutorService executor;

  /** Listens on 127.0.0.1:{@code port} (0 for an ephemeral port) and serves every path. */
  EmulatorServer(int port, HttpHandler handler) throws IOException {
    executor =
        Executors.newFixedThreadPool(
            THREADS,
            task -> {
              Thread thread = new Thread(task, "openrouter-emulator");
              thread.setDaemon(true);
              return thread;
            });
    server =
        HttpServer.create(
            new InetSocketAddress(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), port), 0);
    server.createContext("/", handler);
    server.setExecutor(executor);
    server.start();
  }

  int port() {
    return server.getAddress().getPort();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
