package io.github.openrouterspark.spark;

import io.github.openrouterspark.emulator.OpenRouterEmulator;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One emulator per test class, for tests that count requests: started with the class, its request
 * log cleared before each test, closed after the class.
 *
 * <pre>{@code
 * @RegisterExtension static final EmulatorExtension EMULATOR = EmulatorExtension.lenient();
 * private static final OpenRouterEmulator emulator = EMULATOR.emulator();
 * }</pre>
 */
public final class EmulatorExtension implements BeforeEachCallback, AfterAllCallback {
  private final OpenRouterEmulator emulator;

  EmulatorExtension(Supplier<OpenRouterEmulator> start) {
    this.emulator = start.get();
  }

  /** An emulator whose rate limits never get in the way (they have their own tests). */
  public static EmulatorExtension lenient() {
    return new EmulatorExtension(TestEmulators::lenient);
  }

  public OpenRouterEmulator emulator() {
    return emulator;
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    emulator.requestLog().clear();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    // A @Nested class inherits the extension; only the top-level class's end closes the emulator.
    if (!context.getRequiredTestClass().isMemberClass()) {
      emulator.close();
    }
  }
}
