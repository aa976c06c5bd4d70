package io.github.openrouterspark.examples;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The README's pipeline test is the test the build runs, byte for byte, so it cannot go stale. */
class ReadmePipelineSampleTest {
  private static final Path SAMPLE =
      Path.of("examples/src/test/java/com/example/pipeline/TopModelsPipelineTest.java");

  @Test
  void theReadmesPipelineTestIsTheOneTheBuildRuns() throws IOException {
    String source = Files.readString(SAMPLE);
    String sample =
        source
            .split("// README: user pipeline test \\(begin\\)\n")[1]
            .split("// README: user pipeline test \\(end\\)")[0];
    String readme = Files.readString(Path.of("README.md"));
    assertTrue(
        readme.contains("```java\n" + sample + "```\n"),
        "README.md's emulator section must show " + SAMPLE + " between its markers, unchanged");
  }
}
