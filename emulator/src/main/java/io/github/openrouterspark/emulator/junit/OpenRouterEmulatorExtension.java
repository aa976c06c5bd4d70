package io.github.openrouterspark.emulator.junit;

import io.github.openrouterspark.emulator.OpenRouterEmulator;
import java.util.Objects;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Runs an {@link OpenRouterEmulator} on 127.0.0.1 (an ephemeral port) for a test class, so a
 * pipeline's tests read from it instead of the real API and can assert on its request log.
 *
 * <p>Declaratively, with the emulator's defaults, one emulator for the whole class (its request log
 * cleared before each test) and injected into test methods, constructors and lifecycle methods that
 * declare an {@code OpenRouterEmulator} parameter:
 *
 * <pre>{@code
 * @ExtendWith(OpenRouterEmulatorExtension.class)
 * class MyPipelineTest {
 *   @Test void readsRankings(OpenRouterEmulator emulator) { ... emulator.baseUrl() ... }
 * }
 * }</pre>
 *
 * <p>Programmatically, to choose the emulator's settings or a fresh emulator for every test:
 *
 * <pre>{@code
 * @RegisterExtension
 * static final OpenRouterEmulatorExtension API =
 *     OpenRouterEmulatorExtension.withSettings(b -> b.clock(fixedClock).rateLimitPerMinute(1_000));
 * }</pre>
 *
 * <p>The emulator is closed after the class (or after each test, with {@link #perTest()}), also
 * when a test fails. A {@code @Nested} class shares its enclosing class's emulator.
 */
public final class OpenRouterEmulatorExtension
    implements BeforeAllCallback,
        BeforeEachCallback,
        AfterEachCallback,
        AfterAllCallback,
        ParameterResolver {
  private final UnaryOperator<OpenRouterEmulator.Builder> settings;
  private final boolean perTest;
  private OpenRouterEmulator emulator;
  private Class<?> startedFor;

  /** The emulator's defaults, one emulator per test class: what {@code @ExtendWith} uses. */
  public OpenRouterEmulatorExtension() {
    this(UnaryOperator.identity(), false);
  }

  private OpenRouterEmulatorExtension(
      UnaryOperator<OpenRouterEmulator.Builder> settings, boolean perTest) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.perTest = perTest;
  }

  /** An emulator built by {@code settings} from {@link OpenRouterEmulator#builder()}. */
  public static OpenRouterEmulatorExtension withSettings(
      UnaryOperator<OpenRouterEmulator.Builder> settings) {
    return new OpenRouterEmulatorExtension(settings, false);
  }

  /** The same settings, but a new emulator (empty request log, fresh limits) for every test. */
  public OpenRouterEmulatorExtension perTest() {
    return new OpenRouterEmulatorExtension(settings, true);
  }

  /** The running emulator; it exists from before the first test (or each test, per test). */
  public OpenRouterEmulator emulator() {
    if (emulator == null) {
      throw new IllegalStateException(
          "The OpenRouter emulator runs only while the tests of a class that registers this"
              + " extension run (from before all tests, or before each test with perTest()).");
    }
    return emulator;
  }

  /**
   * The emulator's base URL, e.g. {@code http://127.0.0.1:40123/api/v1}: the connector's baseUrl.
   */
  public String baseUrl() {
    return emulator().baseUrl();
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    if (!perTest && emulator == null) {
      start(context.getRequiredTestClass());
    }
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    if (perTest) {
      start(context.getRequiredTestClass());
    } else {
      // One test's requests must not count in the next one's assertions.
      emulator().requestLog().clear();
    }
  }

  @Override
  public void afterEach(ExtensionContext context) {
    if (perTest) {
      stop();
    }
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (!perTest && context.getRequiredTestClass() == startedFor) {
      stop();
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == OpenRouterEmulator.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    if (emulator == null) {
      // A constructor or @BeforeAll parameter of a per-test emulator: there is none yet.
      throw new ParameterResolutionException(
          "No OpenRouter emulator runs yet for "
              + parameter.getDeclaringExecutable()
              + ": with perTest(), ask for it in test methods or @BeforeEach methods only.");
    }
    return emulator;
  }

  private void start(Class<?> testClass) {
    emulator = settings.apply(OpenRouterEmulator.builder()).start();
    startedFor = testClass;
  }

  private void stop() {
    OpenRouterEmulator running = emulator;
    emulator = null;
    startedFor = null;
    if (running != null) {
      running.close();
    }
  }
}
