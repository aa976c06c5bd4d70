package io.github.openrouterspark.emulator.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.github.openrouterspark.emulator.OpenRouterEmulator;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * Runs small test classes that use the extension, the way a user's build would, and checks them.
 */
class OpenRouterEmulatorExtensionTest {
  /** What the sample classes saw, in the order they saw it. */
  static final List<OpenRouterEmulator> SEEN = new ArrayList<>();

  @Test
  void extendWithGivesOneLoopbackEmulatorPerClassAndClosesItAfter() throws Exception {
    SEEN.clear();
    run(DeclarativeSample.class, 3);
    assertEquals(3, SEEN.size());
    assertSame(SEEN.get(0), SEEN.get(1), "one emulator for the class");
    assertSame(SEEN.get(0), SEEN.get(2), "a @Nested class shares it");
    assertRefused(SEEN.get(0).baseUrl());
  }

  @Test
  void registerExtensionAppliesSettingsAndPerTestGivesAFreshEmulatorEachTest() throws Exception {
    SEEN.clear();
    run(PerTestSample.class, 2);
    assertEquals(2, SEEN.size());
    assertNotSame(SEEN.get(0), SEEN.get(1));
    assertRefused(SEEN.get(0).baseUrl());
    assertRefused(SEEN.get(1).baseUrl());
  }

  @Test
  void theEmulatorIsOnlyThereWhileTestsRun() {
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class, () -> new OpenRouterEmulatorExtension().emulator());
    assertTrue(e.getMessage().contains("perTest()"), e.getMessage());
  }

  private static void run(Class<?> sample, int tests) {
    EngineTestKit.engine("junit-jupiter")
        .configurationParameter("junit.jupiter.conditions.deactivate", "*")
        .selectors(selectClass(sample))
        .execute()
        .testEvents()
        .assertStatistics(stats -> stats.started(tests).succeeded(tests));
  }

  static int get(OpenRouterEmulator emulator, String pathAndQuery) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(emulator.baseUrl() + pathAndQuery))
            .header("Authorization", "Bearer " + OpenRouterEmulator.DEFAULT_API_KEY)
            .build();
    return HttpClient.newHttpClient()
        .send(request, HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }

  private static void assertRefused(String baseUrl) {
    assertThrows(
        IOException.class,
        () ->
            HttpClient.newHttpClient()
                .send(
                    HttpRequest.newBuilder(URI.create(baseUrl + "/datasets/rankings-daily"))
                        .build(),
                    HttpResponse.BodyHandlers.discarding()),
        "the emulator at " + baseUrl + " still answers after its tests");
  }

  @ExtendWith(OpenRouterEmulatorExtension.class)
  @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
  static class DeclarativeSample {
    @Test
    @Order(1)
    void first(OpenRouterEmulator emulator) throws Exception {
      SEEN.add(emulator);
      assertTrue(emulator.baseUrl().startsWith("http://127.0.0.1:"), emulator.baseUrl());
      assertEquals(200, get(emulator, "/datasets/rankings-daily"));
      assertEquals(1, emulator.requestLog().size());
    }

    @Test
    @Order(2)
    void second(OpenRouterEmulator emulator) {
      SEEN.add(emulator);
      assertEquals(0, emulator.requestLog().size(), "each test starts with an empty request log");
    }

    @Nested
    class Inner {
      @Test
      void shared(OpenRouterEmulator emulator) {
        SEEN.add(emulator);
      }
    }
  }

  @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
  static class PerTestSample {
    @RegisterExtension
    static final OpenRouterEmulatorExtension API =
        OpenRouterEmulatorExtension.withSettings(b -> b.rateLimitPerMinute(1)).perTest();

    @Test
    @Order(1)
    void first() throws Exception {
      SEEN.add(API.emulator());
      assertEquals(200, get(API.emulator(), "/datasets/rankings-daily"));
      assertEquals(429, get(API.emulator(), "/datasets/rankings-daily"), "the settings apply");
    }

    @Test
    @Order(2)
    void second(OpenRouterEmulator emulator) throws Exception {
      SEEN.add(emulator);
      assertSame(API.emulator(), emulator);
      assertEquals(200, get(emulator, "/datasets/rankings-daily"), "a fresh limit");
    }
  }
}
