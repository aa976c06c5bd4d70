package io.github.openrouterspark.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** The command line, run as a subprocess the way a Python test or a shell pipeline starts it. */
class EmulatorMainTest {
  private static final Pattern URL_LINE =
      Pattern.compile("OPENROUTER_EMULATOR_URL=(http://127\\.0\\.0\\.1:([0-9]+)/api/v1)");

  @TempDir Path temp;

  @Test
  @DisabledOnOs(value = OS.WINDOWS, disabledReason = "destroy() is not a SIGTERM on Windows")
  void printsOneUrlLineServesAndExitsZeroOnSigterm() throws Exception {
    Path stderr = temp.resolve("stderr.txt");
    Process process = start(stderr, "--port", "0");
    try (BufferedReader stdout = stdout(process)) {
      String baseUrl = baseUrl(stdout);

      TestHttp.Response response =
          TestHttp.get(baseUrl + "/datasets/rankings-daily", OpenRouterEmulator.DEFAULT_API_KEY);
      assertEquals(200, response.status(), response.body());

      process.destroy(); // SIGTERM; also closes our ends of its pipes
      assertTrue(process.waitFor(30, TimeUnit.SECONDS), "still running after SIGTERM");
      assertEquals(0, process.exitValue());
    } finally {
      process.destroyForcibly();
    }
    String human = Files.readString(stderr);
    assertTrue(human.contains(OpenRouterEmulator.DEFAULT_API_KEY), human);
    assertTrue(human.contains(OpenRouterEmulator.DEFAULT_MANAGEMENT_KEY), human);
  }

  @Test
  void exitsZeroWhenItsStdinClosesIfAsked() throws Exception {
    Process process = start(temp.resolve("stderr.txt"), "--exit-on-stdin-close");
    try (BufferedReader stdout = stdout(process)) {
      String baseUrl = baseUrl(stdout);
      assertEquals(
          200,
          TestHttp.get(baseUrl + "/datasets/app-rankings", OpenRouterEmulator.DEFAULT_API_KEY)
              .status());

      process.getOutputStream().close();
      assertTrue(process.waitFor(30, TimeUnit.SECONDS), "still running after stdin closed");
      assertEquals(0, process.exitValue());
      assertEquals(null, stdout.readLine(), "more than one line on stdout");
    } finally {
      process.destroyForcibly();
    }
  }

  @Test
  void badCommandLineExitsTwoWithUsageOnStderr() throws Exception {
    Path stderr = temp.resolve("stderr.txt");
    Process process = start(stderr, "--port", "x");
    assertTrue(process.waitFor(30, TimeUnit.SECONDS));
    assertEquals(2, process.exitValue());
    assertEquals("", new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    assertTrue(Files.readString(stderr).contains("--port needs a number"));
  }

  @Test
  void parsesPortAndStdinOption() {
    assertEquals(new EmulatorMain.Options(0, false), EmulatorMain.parse(new String[0]));
    assertEquals(
        new EmulatorMain.Options(8080, false), EmulatorMain.parse(new String[] {"--port", "8080"}));
    assertEquals(
        new EmulatorMain.Options(0, true),
        EmulatorMain.parse(new String[] {"--exit-on-stdin-close", "--port", "0"}));
    assertThrows(IllegalArgumentException.class, () -> EmulatorMain.parse(new String[] {"--port"}));
    assertThrows(
        IllegalArgumentException.class, () -> EmulatorMain.parse(new String[] {"--port", "x"}));
    assertThrows(
        IllegalArgumentException.class, () -> EmulatorMain.parse(new String[] {"--port", "70000"}));
    assertThrows(
        IllegalArgumentException.class, () -> EmulatorMain.parse(new String[] {"--verbose"}));
  }

  @Test
  void endOfInputStopsTheWait() {
    CountDownLatch stop = new CountDownLatch(1);
    EmulatorMain.awaitEndOfInput(new ByteArrayInputStream(new byte[1000]), stop);
    assertEquals(0, stop.getCount());
  }

  private static Process start(Path stderr, String... args) throws IOException {
    String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command =
        new ArrayList<>(
            List.of(
                java, "-cp", System.getProperty("java.class.path"), EmulatorMain.class.getName()));
    command.addAll(List.of(args));
    return new ProcessBuilder(command).redirectError(stderr.toFile()).start();
  }

  private static BufferedReader stdout(Process process) {
    return new BufferedReader(
        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
  }

  /** The base URL from the first stdout line, waiting at most 60 s for the emulator to listen. */
  private static String baseUrl(BufferedReader stdout) throws Exception {
    String line = CompletableFuture.supplyAsync(() -> readLine(stdout)).get(60, TimeUnit.SECONDS);
    Matcher matcher = URL_LINE.matcher(String.valueOf(line));
    assertTrue(matcher.matches(), "first stdout line: " + line);
    assertFalse(matcher.group(2).equals("0"));
    return matcher.group(1);
  }

  private static String readLine(BufferedReader reader) {
    try {
      return reader.readLine();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
