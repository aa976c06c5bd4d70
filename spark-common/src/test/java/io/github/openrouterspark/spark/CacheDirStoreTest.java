package io.github.openrouterspark.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.openrouterspark.api.OpenRouterClient;
import io.github.openrouterspark.emulator.OpenRouterEmulator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The persistent response store ({@code cacheDir}): what one session or application stored, any
 * other reads without a request; torn, corrupted and foreign entries are refetched; concurrent
 * writers leave every entry whole; a store that cannot be written costs only its benefit.
 */
class CacheDirStoreTest {
  private static final String START = "2025-03-01";
  private static final String END = "2026-02-28"; // a year: one window of 365 days

  @TempDir Path dir;
  private OpenRouterEmulator emulator;
  private String key;

  @BeforeEach
  void start() {
    key = "or-store-" + UUID.randomUUID();
    emulator =
        OpenRouterEmulator.builder()
            .apiKey(key, "store-account")
            .rateLimitPerMinute(100_000)
            .dailyLimitPerAccount(100_000)
            .start();
  }

  @AfterEach
  void stop() {
    emulator.close();
    OpenRouterClient.forgetMemoryCaches();
  }

  private List<String> readYear(Path store) {
    return TestSpark.reader(emulator)
        .option("apiKey", key)
        .option("cache", "true")
        .option("cacheDir", store.toString())
        .option("startDate", START)
        .option("endDate", END)
        .load("rankings-daily")
        .orderBy("date", "model_permaslug")
        .collectAsList()
        .stream()
        .map(r -> r.mkString("|"))
        .toList();
  }

  private List<String> truth() {
    return TestSpark.reader(emulator)
        .option("apiKey", key)
        .option("startDate", START)
        .option("endDate", END)
        .load("rankings-daily")
        .orderBy("date", "model_permaslug")
        .collectAsList()
        .stream()
        .map(r -> r.mkString("|"))
        .toList();
  }

  private int requests() {
    return emulator.requestLog().size();
  }

  private List<Path> entries(Path store) throws IOException {
    try (Stream<Path> files = Files.walk(store)) {
      return files.filter(Files::isRegularFile).toList();
    }
  }

  @Test
  void aNewJvmReadsWhatAnotherStoredWithoutARequest() throws IOException {
    Path store = dir.resolve("store");
    List<String> first = readYear(store);
    int sent = requests();
    assertEquals(1, sent, "a year of rankings is one request");
    assertFalse(first.isEmpty());
    List<Path> stored = entries(store);
    assertEquals(1, stored.size(), "one entry per request: " + stored);
    String entry = Files.readString(stored.get(0));
    assertFalse(entry.contains(key), "the store holds the key's fingerprint, never the key");

    OpenRouterClient.forgetMemoryCaches(); // what a new session in a new JVM starts with
    assertEquals(first, readYear(store));
    assertEquals(sent, requests(), "served from the store");
  }

  @Test
  void anotherApplicationOnALocalClusterReadsTheStoreWithoutARequest() throws Exception {
    Path store = dir.resolve("store");
    List<String> first = readYear(store);
    int sent = requests();
    ProbeRun run =
        ProbeRun.start(
            StoreProbe.class,
            List.of(
                "local-cluster[1,1,1024]", emulator.baseUrl(), key, store.toString(), START, END));
    assertEquals(first, run.rows(), run.log());
    assertEquals(sent, requests(), "the executor JVM read the store, not the API");
  }

  @Test
  void twoApplicationsWritingAtOnceLeaveEveryEntryWhole() throws Exception {
    Path store = dir.resolve("shared");
    List<String> args = List.of("local[2]", emulator.baseUrl(), key, store.toString(), START, END);
    CompletableFuture<ProbeRun> a =
        CompletableFuture.supplyAsync(() -> probe(args)); // both miss, fetch and write at once
    CompletableFuture<ProbeRun> b = CompletableFuture.supplyAsync(() -> probe(args));
    List<String> rowsA = a.get().rows();
    assertEquals(rowsA, b.get().rows());
    assertFalse(rowsA.isEmpty());
    int sent = requests();
    assertTrue(sent >= 1 && sent <= 2, "each application sent at most its one request: " + sent);
    assertEquals(1, entries(store).size(), "no temporary file is left behind");

    assertEquals(rowsA, readYear(store));
    assertEquals(sent, requests(), "the entry both wrote is whole and is reused");
  }

  private static ProbeRun probe(List<String> args) {
    try {
      return ProbeRun.start(StoreProbe.class, args);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Test
  void aCorruptedOrTornEntryIsRefetchedOnceAndRewritten() throws IOException {
    Path store = dir.resolve("store");
    List<String> first = readYear(store);
    Path entry = entries(store).get(0);
    byte[] bytes = Files.readAllBytes(entry);
    bytes[bytes.length - 10] ^= 0x01; // one flipped bit in the body
    Files.write(entry, bytes);

    OpenRouterClient.forgetMemoryCaches();
    assertEquals(first, readYear(store));
    assertEquals(2, requests(), "the corrupted entry was refetched");

    Files.write(entry, java.util.Arrays.copyOf(bytes, bytes.length / 2)); // a torn write
    OpenRouterClient.forgetMemoryCaches();
    assertEquals(first, readYear(store));
    assertEquals(3, requests(), "the torn entry was refetched");

    OpenRouterClient.forgetMemoryCaches();
    assertEquals(first, readYear(store));
    assertEquals(3, requests(), "the refetched response was stored whole again");
  }

  @Test
  void aStoreThatCannotBeWrittenFallsBackToTheApi() throws IOException {
    Path notADirectory = Files.writeString(dir.resolve("a-file"), "not a directory");
    List<String> first = readYear(notADirectory);
    OpenRouterClient.forgetMemoryCaches();
    assertEquals(first, readYear(notADirectory));
    assertEquals(2, requests(), "each read went to the API");
    assertEquals(truth(), first);
  }

  @Test
  void theStoreHoldsOnlyFinalResponsesForever() throws IOException {
    Path store = dir.resolve("store");
    readYear(store);
    String header =
        Files.readString(entries(store).get(0), java.nio.charset.StandardCharsets.ISO_8859_1)
            .lines()
            .limit(3)
            .toList()
            .get(2);
    assertEquals("expires never", header, "days long completed are final");
    // A window ending yesterday holds today's as_of day's neighbour only if the API says so:
    TestSpark.reader(emulator)
        .option("apiKey", key)
        .option("cache", "true")
        .option("cacheDir", store.toString())
        .option("startDate", LocalDate.now().minusDays(3).toString())
        .option("endDate", LocalDate.now().toString())
        .load("rankings-daily")
        .count();
    long expiring =
        entries(store).stream()
            .filter(
                p -> {
                  try {
                    return Files.readString(p, java.nio.charset.StandardCharsets.ISO_8859_1)
                        .lines()
                        .anyMatch(l -> l.matches("expires \\d+"));
                  } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                  }
                })
            .count();
    assertEquals(1, expiring, "a response including today expires after cacheTtl");
  }
}
