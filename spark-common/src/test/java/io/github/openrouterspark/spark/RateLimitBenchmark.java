package io.github.openrouterspark.spark;

import io.github.openrouterspark.emulator.OpenRouterEmulator;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The rate-limit benchmark (README: "Benchmark"): 64 requests from 64 partitions, 8 running at a
 * time, against the emulator enforcing the API's 30 requests per rolling minute; once in local mode
 * and once with two executor JVMs. Efficiency = the least time the API's limiter allows for that
 * many requests plus one request's latency, divided by the measured time.
 */
public final class RateLimitBenchmark {
  private static final int RATE = 30;
  private static final int REQUESTS = 64;

  private RateLimitBenchmark() {}

  public static void main(String[] args) throws Exception {
    System.out.println("| mode | requests | 429s | measured s | physical minimum s | efficiency |");
    System.out.println("|---|---|---|---|---|---|");
    for (String[] mode :
        List.of(
            new String[] {"local[8]", "local, 8 task slots"},
            new String[] {"local-cluster[2,4,1024]", "2 executor JVMs x 4 slots"})) {
      double latency;
      try (OpenRouterEmulator probe = OpenRouterEmulator.start()) {
        latency =
            oneRequestSeconds(probe); // on its own emulator: these requests must not use the quota
      }
      try (OpenRouterEmulator emulator =
          OpenRouterEmulator.builder().rateLimitPerMinute(RATE).start()) {
        ProbeRun run =
            ProbeRun.start(
                mode[0],
                emulator.baseUrl(),
                OpenRouterEmulator.DEFAULT_API_KEY,
                RATE,
                1,
                REQUESTS,
                "2026-01-01");
        long rejected = emulator.requestLog().all().stream().filter(r -> r.status() == 429).count();
        int sent = emulator.requestLog().size();
        // The API's limiter lets request n (0-based) go no earlier than floor(n / RATE) minutes in.
        double minimum = (REQUESTS - 1) / RATE * 60.0 + latency;
        double measured = run.elapsedMillis() / 1000.0;
        System.out.printf(
            "| %s | %d | %d | %.1f | %.1f | %.3f |%n",
            mode[1], sent, rejected, measured, minimum, minimum / measured);
      }
    }
  }

  /** One request's latency, measured through the emulator with a plain HTTP client. */
  private static double oneRequestSeconds(OpenRouterEmulator emulator) throws Exception {
    var client = java.net.http.HttpClient.newHttpClient();
    var request =
        java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(
                    emulator.baseUrl()
                        + "/datasets/app-rankings?start_date=2026-01-01&end_date=2026-01-01&limit=10"))
            .header("Authorization", "Bearer " + OpenRouterEmulator.DEFAULT_API_KEY)
            .build();
    client.send(request, java.net.http.HttpResponse.BodyHandlers.discarding()); // warm up
    Instant t0 = Instant.now();
    client.send(request, java.net.http.HttpResponse.BodyHandlers.discarding());
    return Duration.between(t0, Instant.now()).toNanos() / 1e9;
  }
}
