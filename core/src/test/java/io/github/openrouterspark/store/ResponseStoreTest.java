package io.github.openrouterspark.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResponseStoreTest {
  private static final String FP = "0123456789abcdef";
  private static final Instant NOW = Instant.parse("2026-03-10T12:00:00Z");

  @TempDir Path dir;

  private ResponseStore store(Instant now) {
    return new ResponseStore(
        new LocalStoreLocation(dir.toString()), Clock.fixed(now, ZoneOffset.UTC));
  }

  private static byte[] body(String end, String asOf) {
    return ("{\"data\":[{\"x\":1}],\"meta\":{\"as_of\":\""
            + asOf
            + "\",\"start_date\":\"2026-01-01\",\"end_date\":\""
            + end
            + "\"}}")
        .getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] readAll(InputStream in) throws IOException {
    try (in) {
      return in.readAllBytes();
    }
  }

  private Path onlyFile() throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      List<Path> all = files.filter(Files::isRegularFile).toList();
      assertEquals(1, all.size(), all.toString());
      return all.get(0);
    }
  }

  @Test
  void completedDaysAreFinalAndTheRestExpiresAfterTheTtl() throws IOException {
    byte[] completed = body("2026-03-08", "2026-03-10T11:00:00Z");
    byte[] live = body("2026-03-10", "2026-03-10T11:00:00Z");
    store(NOW).put(FP, "completed", completed, Duration.ofMinutes(10));
    store(NOW).put(FP, "live", live, Duration.ofMinutes(10));

    Instant muchLater = NOW.plus(Duration.ofDays(400));
    assertArrayEquals(completed, readAll(store(muchLater).find(FP, "completed")));
    assertArrayEquals(live, readAll(store(NOW.plusSeconds(599)).find(FP, "live")));
    assertNull(store(NOW.plusSeconds(600)).find(FP, "live"));
  }

  @Test
  void aDayTheApiStillCountsIsNotFinalEvenWhenItIsPast() throws IOException {
    // as_of on the end date: the API had not finished that day when it answered.
    store(NOW).put(FP, "r", body("2026-03-08", "2026-03-08T23:00:00Z"), Duration.ofMinutes(1));
    assertNull(store(NOW.plusSeconds(61)).find(FP, "r"));
  }

  @Test
  void aCorruptedEntryFailsAtItsEnd() throws IOException {
    store(NOW).put(FP, "r", body("2026-03-08", "2026-03-10T00:00:00Z"), Duration.ofMinutes(1));
    Path file = onlyFile();
    byte[] bytes = Files.readAllBytes(file);
    bytes[bytes.length - 3] ^= 0x20;
    Files.write(file, bytes);
    InputStream in = store(NOW).find(FP, "r");
    assertThrows(IOException.class, () -> readAll(in));
  }

  @Test
  void aTornEntryFailsAtItsEnd() throws IOException {
    store(NOW).put(FP, "r", body("2026-03-08", "2026-03-10T00:00:00Z"), Duration.ofMinutes(1));
    Path file = onlyFile();
    byte[] bytes = Files.readAllBytes(file);
    Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length - 5));
    InputStream in = store(NOW).find(FP, "r");
    assertThrows(IOException.class, () -> readAll(in));
  }

  @Test
  void aForeignOrGarbageFileIsIgnored() throws IOException {
    store(NOW).put(FP, "r", body("2026-03-08", "2026-03-10T00:00:00Z"), Duration.ofMinutes(1));
    Path file = onlyFile();
    Files.writeString(file, "PK\u0003\u0004 not an entry at all");
    assertNull(store(NOW).find(FP, "r"));
    // Another request's entry copied under this name is not taken for it.
    store(NOW).put(FP, "other", body("2026-03-08", "2026-03-10T00:00:00Z"), Duration.ofMinutes(1));
    Path other = dir.resolve(ResponseStore.name(FP, "other"));
    Files.copy(other, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    assertNull(store(NOW).find(FP, "r"));
  }

  @Test
  void concurrentWritersLeaveOneWholeEntry() throws Exception {
    byte[] body = body("2026-03-08", "2026-03-10T00:00:00Z");
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<?>> writes = new ArrayList<>();
      for (int i = 0; i < 64; i++) {
        writes.add(pool.submit(() -> store(NOW).put(FP, "r", body, Duration.ofMinutes(1))));
      }
      for (Future<?> w : writes) {
        w.get();
      }
    } finally {
      pool.shutdown();
    }
    onlyFile(); // no temporary file left
    assertArrayEquals(body, readAll(store(NOW).find(FP, "r")));
  }

  @Test
  void anUnreachableStoreAnswersNothingAndThrowsNothing() throws IOException {
    Path file = Files.writeString(dir.resolve("plain-file"), "x");
    ResponseStore broken =
        new ResponseStore(new LocalStoreLocation(file.toString()), Clock.systemUTC());
    broken.put(FP, "r", body("2026-03-08", "2026-03-10T00:00:00Z"), Duration.ofMinutes(1));
    assertNull(broken.find(FP, "r"));
  }

  @Test
  void entryNamesHoldTheFingerprintOnly() {
    String name = ResponseStore.name(FP, "https://openrouter.ai/api/v1 " + FP + " GET /x?a=1");
    assertEquals("openrouter-spark/v1/" + FP + "/", name.substring(0, name.lastIndexOf('/') - 2));
    assertThrows(IllegalArgumentException.class, () -> ResponseStore.name("sk-or-v1-secret", "r"));
  }
}
