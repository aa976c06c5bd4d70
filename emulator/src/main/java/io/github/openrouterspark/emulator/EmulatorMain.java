package io.github.openrouterspark.emulator;

import java.util.concurrent.CountDownLatch;

/**
 * Runs the emulator until the process is killed, for pointing a notebook or a shell at it:
 * {@code java -cp <jar>:<jackson-core> io.github.openrouterspark.emulator.EmulatorMain --port 8080}.
 */
public final class EmulatorMain {
  private EmulatorMain() {}

  public static void main(String[] args) throws InterruptedException {
    int port;
    try {
      port = parsePort(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.exit(2);
      return;
    }
    OpenRouterEmulator emulator = OpenRouterEmulator.builder().port(port).start();
    Runtime.getRuntime().addShutdownHook(new Thread(emulator::close, "openrouter-emulator-stop"));
    System.out.println("OpenRouter emulator: " + emulator.baseUrl());
    System.out.println("API key: " + OpenRouterEmulator.DEFAULT_API_KEY);
    System.out.println("Management key (analytics): " + OpenRouterEmulator.DEFAULT_MANAGEMENT_KEY);
    new CountDownLatch(1).await();
  }

  static int parsePort(String[] args) {
    if (args.length == 0) {
      return 0;
    }
    if (args.length == 2 && args[0].equals("--port")) {
      try {
        return Integer.parseInt(args[1]);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("--port needs a number, got '" + args[1] + "'", e);
      }
    }
    throw new IllegalArgumentException("Usage: EmulatorMain [--port N]");
  }
}
