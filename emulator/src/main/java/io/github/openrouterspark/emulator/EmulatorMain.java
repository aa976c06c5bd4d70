package io.github.openrouterspark.emulator;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the emulator as a process, for a notebook, a shell or another language's tests: {@code java
 * -cp <emulator jar>:<jackson-core jar> io.github.openrouterspark.emulator.EmulatorMain [--port N]
 * [--exit-on-stdin-close]}.
 *
 * <p>Once it listens on 127.0.0.1 it prints exactly one line on stdout, {@code
 * OPENROUTER_EMULATOR_URL=http://127.0.0.1:<port>/api/v1}, the base URL to read from; keys and how
 * to stop it go to stderr. {@code --port 0}, the default, picks a free port. It exits with status 0
 * on SIGTERM or Ctrl-C, and with {@code --exit-on-stdin-close} also when its stdin reaches end of
 * file, so a parent that dies without stopping it does not leave it running. Status 2 is a bad
 * command line, 1 a port it cannot listen on.
 */
public final class EmulatorMain {
  /** The name of the one line on stdout, also the environment variable the notebooks read. */
  public static final String URL_VARIABLE = "OPENROUTER_EMULATOR_URL";

  static final String USAGE = "Usage: EmulatorMain [--port N] [--exit-on-stdin-close]";

  /** The command line: the port on 127.0.0.1 (0 for a free one) and when to stop. */
  record Options(int port, boolean exitOnStdinClose) {}

  private EmulatorMain() {}

  public static void main(String[] args) throws InterruptedException {
    Options options;
    try {
      options = parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.exit(2);
      return;
    }
    OpenRouterEmulator emulator;
    try {
      emulator = OpenRouterEmulator.builder().port(options.port()).start();
    } catch (UncheckedIOException e) {
      System.err.println(e.getMessage() + ": " + e.getCause().getMessage());
      System.exit(1);
      return;
    }
    // On SIGTERM or Ctrl-C the JVM runs its shutdown hooks, then exits with 128 + the signal;
    // halting with 0 once the emulator is closed makes a requested stop a clean exit for the
    // parent process. Only this process's own stops reach the hook: main never exits non-zero
    // after this point.
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  emulator.close();
                  Runtime.getRuntime().halt(0);
                },
                "openrouter-emulator-stop"));
    System.err.println("OpenRouter emulator listening on " + emulator.baseUrl());
    System.err.println("API key: " + OpenRouterEmulator.DEFAULT_API_KEY);
    System.err.println("Management key (analytics): " + OpenRouterEmulator.DEFAULT_MANAGEMENT_KEY);
    System.err.println(
        options.exitOnStdinClose()
            ? "Stop it with SIGTERM (Ctrl-C) or by closing its stdin."
            : "Stop it with SIGTERM (Ctrl-C).");
    System.out.println(URL_VARIABLE + "=" + emulator.baseUrl());
    System.out.flush();
    CountDownLatch stop = new CountDownLatch(1);
    if (options.exitOnStdinClose()) {
      Thread watcher =
          new Thread(() -> awaitEndOfInput(System.in, stop), "openrouter-emulator-stdin");
      watcher.setDaemon(true);
      watcher.start();
    }
    stop.await();
    System.exit(0);
  }

  /** Reads and discards {@code in} until end of file (or a read error), then counts down. */
  static void awaitEndOfInput(InputStream in, CountDownLatch stop) {
    byte[] buffer = new byte[256];
    try {
      while (in.read(buffer) != -1) {
        // Input is ignored; only its end matters.
      }
    } catch (IOException e) {
      // A broken stdin is as closed as one at end of file.
    }
    stop.countDown();
  }

  /**
   * @throws IllegalArgumentException with the message to print for a bad command line
   */
  static Options parse(String[] args) {
    int port = 0;
    boolean exitOnStdinClose = false;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--port" -> {
          if (i + 1 == args.length) {
            throw new IllegalArgumentException("--port needs a number\n" + USAGE);
          }
          port = port(args[++i]);
        }
        case "--exit-on-stdin-close" -> exitOnStdinClose = true;
        default ->
            throw new IllegalArgumentException("Unknown argument '" + args[i] + "'\n" + USAGE);
      }
    }
    return new Options(port, exitOnStdinClose);
  }

  private static int port(String text) {
    int port;
    try {
      port = Integer.parseInt(text);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--port needs a number, got '" + text + "'", e);
    }
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("--port must be 0-65535, got " + port);
    }
    return port;
  }
}
