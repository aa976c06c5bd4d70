package io.github.openrouterspark.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.openrouterspark.emulator.Fault;
import io.github.openrouterspark.emulator.LoggedRequest;
import io.github.openrouterspark.emulator.OpenRouterEmulator;
import io.github.openrouterspark.emulator.RetryAfterFlavour;
import io.github.openrouterspark.ratelimit.PermitSource;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The client against the emulator, counting requests in its log: long rate-limit hints fail at once
 * and leave the key usable, every HTTP attempt takes a permit and counts, a response that breaks
 * off is retried, and only complete, validated bodies are cached.
 */
class ClientResilienceTest {
  private static final int KEYS = 20;
  private static final OpenRouterEmulator emulator = start();
  private static final AtomicInteger nextKey = new AtomicInteger();
  private static final LocalDate DAY = LocalDate.parse("2025-06-01");
  private static final ApiRequest REQUEST =
      new RankingsDailyQuery(DAY, DAY.plusDays(2)).toRequest();

  /** Each test its own key (and limiter), so that a pause one test causes cannot slow another. */
  private String key;

  private static OpenRouterEmulator start() {
    OpenRouterEmulator.Builder b =
        OpenRouterEmulator.builder().rateLimitPerMinute(100_000).dailyLimitPerAccount(100_000);
    for (int i = 0; i < KEYS; i++) {
      b.apiKey(keyName(i), "account-" + i);
    }
    return b.start();
  }

  private static String keyName(int i) {
    return "or-resilience-key-" + i + "-" + ProcessHandle.current().pid();
  }

  @BeforeEach
  void setUp() {
    key = keyName(nextKey.getAndIncrement());
    emulator.requestLog().clear();
    emulator.faults().clear();
    emulator.setRetryAfter(RetryAfterFlavour.SECONDS);
  }

  @AfterAll
  static void stop() {
    emulator.close();
  }

  private OpenRouterClient client(int maxRetries, Duration maxRetryWait, CacheSettings cache) {
    ClientSettings settings =
        ClientSettings.defaults(emulator.baseUrl()).withRetries(maxRetries, Duration.ofMillis(5));
    return new OpenRouterClient(
        settings, new TrafficSettings(10_000, maxRetryWait, null), ApiKey.of(key), cache);
  }

  /** The response's rows, decoded to the end. */
  private static List<String> rows(OpenRouterClient client, RequestMetrics metrics) {
    return client.read(
        REQUEST,
        new RankingsDailyItem(),
        metrics,
        cursor -> {
          List<String> out = new ArrayList<>();
          while (cursor.next()) {
            out.add(
                cursor.item().date()
                    + "|"
                    + cursor.item().modelPermaslug()
                    + "|"
                    + cursor.item().totalTokens());
          }
          return out;
        });
  }

  private static List<String> truth() {
    return emulator.market().rankingsDaily(DAY, DAY.plusDays(2)).stream()
        .map(r -> r.date() + "|" + r.modelPermaslug() + "|" + r.totalTokens())
        .toList();
  }

  private static int logged() {
    return emulator.requestLog().size();
  }

  @Test
  void aDayLongRetryAfterFailsAtOnceNamingTheWaitAndTheLimitAndTheKeyStaysUsable() {
    emulator.faults().failNext(1, Fault.status(429, Duration.ofDays(1)));
    OpenRouterClient client = client(3, Duration.ofSeconds(30), CacheSettings.disabled());
    long start = System.nanoTime();
    ApiException e =
        assertTimeoutPreemptively(
            Duration.ofSeconds(20),
            () -> assertThrows(ApiException.class, () -> rows(client, new RequestMetrics())));
    assertTrue(
        System.nanoTime() - start < Duration.ofSeconds(10).toNanos(),
        "failed at once, not after waiting");
    assertEquals(429, e.status());
    assertTrue(e.getMessage().contains("asked to wait 86400 s (24 h 0 min)"), e.getMessage());
    assertTrue(e.getMessage().contains("daily cap"), e.getMessage());
    assertTrue(e.getMessage().contains("00:00 UTC"), e.getMessage());
    assertEquals(1, logged(), "a daily cap is not retried");

    // The next query of the same key, even one that may not retry, runs at once.
    List<String> next =
        assertTimeoutPreemptively(
            Duration.ofSeconds(20),
            () ->
                rows(
                    client(0, Duration.ofSeconds(30), CacheSettings.disabled()),
                    new RequestMetrics()));
    assertEquals(truth(), next);
    assertEquals(2, logged());
  }

  @Test
  void aHugeRetryAfterMillisIsReadAsTheWaitItAsksFor() {
    emulator.setRetryAfter(RetryAfterFlavour.MILLISECONDS);
    emulator.faults().failNext(1, Fault.status(429, Duration.ofMillis(1_000_000_000_000L)));
    ApiException e =
        assertTimeoutPreemptively(
            Duration.ofSeconds(20),
            () ->
                assertThrows(
                    ApiException.class,
                    () ->
                        rows(
                            client(5, Duration.ofMinutes(5), CacheSettings.disabled()),
                            new RequestMetrics())));
    assertTrue(e.getMessage().contains("daily cap"), e.getMessage());
    assertEquals(1, logged());
    assertEquals(
        truth(),
        assertTimeoutPreemptively(
            Duration.ofSeconds(20),
            () ->
                rows(
                    client(0, Duration.ofMinutes(5), CacheSettings.disabled()),
                    new RequestMetrics())));
  }

  @Test
  void aPerMinuteHintLongerThanMaxRetryWaitFailsAtOnceSayingWhatToDo() {
    emulator.faults().failNext(1, Fault.status(429, Duration.ofSeconds(45)));
    long start = System.nanoTime();
    ApiException e =
        assertTimeoutPreemptively(
            Duration.ofSeconds(30),
            () ->
                assertThrows(
                    ApiException.class,
                    () ->
                        rows(
                            client(3, Duration.ofSeconds(10), CacheSettings.disabled()),
                            new RequestMetrics())));
    assertTrue(
        System.nanoTime() - start < Duration.ofSeconds(8).toNanos(), "failed within maxRetryWait");
    assertTrue(e.getMessage().contains("asked to wait 45 s"), e.getMessage());
    assertTrue(e.getMessage().contains("per-minute limit"), e.getMessage());
    assertTrue(e.getMessage().contains("raise maxRetryWait"), e.getMessage());
    assertEquals(1, logged());
  }

  @Test
  void aShortHintIsWaitedOutAndRetried() {
    emulator.faults().failNext(1, Fault.status(429, Duration.ofSeconds(1)));
    RequestMetrics metrics = new RequestMetrics();
    assertEquals(
        truth(), rows(client(3, Duration.ofSeconds(30), CacheSettings.disabled()), metrics));
    assertEquals(2, logged());
    assertEquals(2, metrics.requests());
    assertEquals(1, metrics.rateLimitedResponses());
  }

  @Test
  void aRedirectLoopIsOneCountedAttemptThatFailsSayingSo() {
    emulator.faults().failEvery(1, Fault.redirectLoop());
    RequestMetrics metrics = new RequestMetrics();
    ApiException e =
        assertThrows(
            ApiException.class,
            () -> rows(client(3, Duration.ofSeconds(30), CacheSettings.disabled()), metrics));
    assertEquals(302, e.status());
    assertTrue(e.getMessage().contains("redirect"), e.getMessage());
    assertTrue(e.getMessage().contains("baseUrl"), e.getMessage());
    assertEquals(logged(), metrics.requests(), "every request sent took a permit and was counted");
    assertEquals(1, logged());
  }

  @Test
  void a408IsRetriedByTheClientWithAPermitNotSilentlyByOkHttp() {
    emulator.faults().failNext(1, Fault.status(408));
    CountingPermits permits = new CountingPermits();
    RequestMetrics metrics = new RequestMetrics();
    OpenRouterClient client =
        new OpenRouterClient(
            ClientSettings.defaults(emulator.baseUrl()).withRetries(3, Duration.ofMillis(5)),
            new TrafficSettings(10_000, Duration.ofSeconds(30), null),
            ApiKey.of(key),
            CacheSettings.disabled(),
            permits,
            Cancellation.NONE);
    assertEquals(truth(), rows(client, metrics));
    assertEquals(2, logged());
    assertEquals(2, metrics.requests());
    assertEquals(2, permits.reserved.get());
    assertEquals(1, metrics.retries());
  }

  @Test
  void aResponseThatBreaksOffIsRetriedAndDecodedOnce() {
    emulator
        .faults()
        .failNext(1, Fault.truncatedBody())
        .failNext(1, Fault.connectionReset())
        .failNext(1, Fault.shortBody())
        .failNext(1, Fault.status(503));
    RequestMetrics metrics = new RequestMetrics();
    assertEquals(
        truth(), rows(client(4, Duration.ofSeconds(30), CacheSettings.disabled()), metrics));
    assertEquals(5, logged());
    assertEquals(5, metrics.requests());
    assertEquals(4, metrics.retries());
  }

  @Test
  void persistentCutBodiesFailSayingWhatHappenedAndHowOften() {
    emulator.faults().failEvery(1, Fault.truncatedBody());
    ApiException e =
        assertThrows(
            ApiException.class,
            () ->
                rows(
                    client(2, Duration.ofSeconds(30), CacheSettings.disabled()),
                    new RequestMetrics()));
    assertTrue(e.getMessage().contains("after 3 attempts"), e.getMessage());
    assertTrue(e.getMessage().contains("HTTP 200, but the connection broke"), e.getMessage());
    assertTrue(e.getMessage().contains("maxRetries (now 2)"), e.getMessage());
    assertEquals(3, logged());
  }

  @Test
  void aBodyCutWithoutFramingIsNeverCached() {
    CacheSettings cache = new CacheSettings(true, Duration.ofMinutes(10));
    emulator.faults().failNext(1, Fault.shortBody());
    assertThrows(
        ApiException.class,
        () -> rows(client(0, Duration.ofSeconds(30), cache), new RequestMetrics()));
    assertEquals(1, logged());

    RequestMetrics metrics = new RequestMetrics();
    assertEquals(truth(), rows(client(0, Duration.ofSeconds(30), cache), metrics));
    assertEquals(2, logged(), "the cut body was not served from the cache");
    assertEquals(0, metrics.cacheHits());

    RequestMetrics again = new RequestMetrics();
    assertEquals(truth(), rows(client(0, Duration.ofSeconds(30), cache), again));
    assertEquals(2, logged(), "the complete body was");
    assertEquals(1, again.cacheHits());
  }

  @Test
  void aBodyThatFailsValidationIsNeverCached() {
    CacheSettings cache = new CacheSettings(true, Duration.ofMinutes(10));
    OpenRouterClient client = client(0, Duration.ofSeconds(30), cache);
    assertThrows(
        IllegalStateException.class,
        () ->
            client.read(
                REQUEST,
                new RankingsDailyItem(),
                new RequestMetrics(),
                cursor -> {
                  while (cursor.next()) {
                    // read to the end, then find the answer wrong
                  }
                  throw new IllegalStateException("the caller's validation failed");
                }));
    assertEquals(1, logged(), "a validation failure is not retried");
    RequestMetrics metrics = new RequestMetrics();
    assertEquals(truth(), rows(client, metrics));
    assertEquals(2, logged());
    assertEquals(0, metrics.cacheHits());
  }

  @Test
  void aRequestTimeoutEndsAnAttemptThatTakesTooLong() {
    emulator.faults().failNext(1, Fault.slow(Duration.ofSeconds(6)));
    ClientSettings settings =
        ClientSettings.defaults(emulator.baseUrl())
            .withRetries(0, Duration.ofMillis(5))
            .withRequestTimeout(Duration.ofSeconds(1));
    OpenRouterClient client =
        new OpenRouterClient(
            settings,
            new TrafficSettings(10_000, Duration.ofSeconds(30), null),
            ApiKey.of(key),
            CacheSettings.disabled());
    long start = System.nanoTime();
    ApiException e = assertThrows(ApiException.class, () -> rows(client, new RequestMetrics()));
    assertTrue(
        System.nanoTime() - start < Duration.ofSeconds(5).toNanos(),
        "ended by the request timeout");
    assertEquals(0, e.status());
    assertTrue(e.getMessage().contains("requestTimeout"), e.getMessage());
  }

  @Test
  void aCancelledWaitEndsPromptly() {
    emulator.faults().failNext(1, Fault.status(503));
    AtomicInteger polls = new AtomicInteger();
    ClientSettings settings =
        ClientSettings.defaults(emulator.baseUrl()).withRetries(3, Duration.ofSeconds(20));
    OpenRouterClient client =
        new OpenRouterClient(
                settings,
                new TrafficSettings(10_000, Duration.ofMinutes(5), null),
                ApiKey.of(key),
                CacheSettings.disabled())
            .cancelledWhen(() -> polls.incrementAndGet() > 3);
    long start = System.nanoTime();
    assertThrows(RequestCancelledException.class, () -> rows(client, new RequestMetrics()));
    assertTrue(
        System.nanoTime() - start < Duration.ofSeconds(5).toNanos(),
        "the 15-25 s backoff was cut short");
    assertEquals(1, logged());
  }

  @Test
  void aPermitFurtherAwayThanMaxRetryWaitFailsTheRequestUnsentAtOnce() {
    PermitSource farAway =
        new PermitSource() {
          @Override
          public long reserve(Duration maxWait) {
            return maxWait.toMillis() + 60_000; // refused: nothing reserved
          }

          @Override
          public void backOff(Duration wait) {}
        };
    OpenRouterClient client =
        new OpenRouterClient(
            ClientSettings.defaults(emulator.baseUrl()),
            new TrafficSettings(30, Duration.ofSeconds(10), null),
            ApiKey.of(key),
            CacheSettings.disabled(),
            farAway,
            Cancellation.NONE);
    long start = System.nanoTime();
    ApiException e = assertThrows(ApiException.class, () -> rows(client, new RequestMetrics()));
    assertTrue(System.nanoTime() - start < Duration.ofSeconds(5).toNanos());
    assertTrue(e.getMessage().contains("before it was sent"), e.getMessage());
    assertTrue(e.getMessage().contains("70 s away, more than maxRetryWait (10 s)"), e.getMessage());
    assertEquals(0, logged());
  }

  /** Permits that count reservations, to compare with the requests the emulator saw. */
  private static final class CountingPermits implements PermitSource {
    final AtomicInteger reserved = new AtomicInteger();

    @Override
    public long reserve(Duration maxWait) {
      reserved.incrementAndGet();
      return 0;
    }

    @Override
    public void backOff(Duration wait) {}
  }

  @Test
  void everyLoggedRequestIsAnAttemptOfTheClient() {
    emulator.faults().failNext(2, Fault.connectionReset());
    RequestMetrics metrics = new RequestMetrics();
    assertEquals(
        truth(), rows(client(3, Duration.ofSeconds(30), CacheSettings.disabled()), metrics));
    List<LoggedRequest> log = emulator.requestLog().all();
    assertEquals(3, log.size());
    assertEquals(3, metrics.requests());
  }
}
