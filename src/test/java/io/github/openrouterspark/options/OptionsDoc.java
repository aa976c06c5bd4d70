package io.github.openrouterspark.options;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Generates docs/options.md from {@link ReaderOption}, so the reference cannot drift from the
 * options the connector accepts: {@link OptionsDocTest} fails when the file differs from
 * {@link #render()}, and {@link #main} rewrites it.
 *
 * <p>Everything comes from the enum (name, default, description), in its order. The registry has
 * no field saying which datasets an option applies to; the column "applies to" is read from the
 * descriptions' {@code <dataset>:} prefixes (as in "app-rankings: ..."), and an option without
 * one applies to every dataset.
 */
public final class OptionsDoc {
  static final Path FILE = Path.of("docs/options.md");
  static final String REGENERATE =
      "mvn -B -q -Pexample -Dexample.main=io.github.openrouterspark.options.OptionsDoc test-compile exec:exec";
  /** "rankings-daily: ..." at the start of a description or after "; ". */
  private static final Pattern DATASET_PREFIX = Pattern.compile("(?:^|; )([a-z][a-z-]*[a-z]): ");

  private OptionsDoc() {}

  public static void main(String[] args) throws IOException {
    Files.createDirectories(FILE.getParent());
    Files.writeString(FILE, render(), StandardCharsets.UTF_8);
    System.out.println("Wrote " + FILE);
  }

  static String render() {
    StringBuilder md = new StringBuilder();
    md.append("# Reader options\n\n")
        .append("<!-- Generated from ReaderOption.java by OptionsDoc; do not edit. Regenerate with:\n")
        .append("     ").append(REGENERATE).append(" -->\n\n")
        .append("Every option can be given three ways:\n\n")
        .append("1. on the reader: `spark.read.format(\"openrouter\").option(\"windowDays\", \"7\")`;\n")
        .append("2. in SQL: `CREATE TEMPORARY VIEW v USING openrouter OPTIONS (windowDays '7')`;\n")
        .append("3. as a session default: the Spark conf `spark.datasource.openrouter.<option>`, e.g.\n")
        .append("   `spark.conf.set(\"spark.datasource.openrouter.windowDays\", \"7\")`, or a cluster's Spark config.\n\n")
        .append("A value on the reader or in `OPTIONS` overrides the session default.\n")
        .append("Names are case-insensitive. Every option is checked when the DataFrame or view is defined,\n")
        .append("before any request: an unknown name fails with the nearest known one, a bad value with what is\n")
        .append("allowed, and an option that does not apply to the dataset is rejected.\n\n")
        .append("| option | applies to | default | meaning |\n")
        .append("|---|---|---|---|\n");
    for (ReaderOption o : ReaderOption.values()) {
      if (o == ReaderOption.PATH) {
        continue; // not typed as an option: see the note below the table
      }
      md.append("| `").append(o.key()).append("` | ").append(appliesTo(o.description())).append(" | ")
          .append(cell(o.defaultValue())).append(" | ").append(cell(o.description())).append(" |\n");
    }
    md.append("\n`").append(ReaderOption.PATH.key()).append("`: ").append(ReaderOption.PATH.description())
        .append("\n");
    return md.toString();
  }

  /** The datasets named as description prefixes, or "all datasets". */
  static String appliesTo(String description) {
    Matcher m = DATASET_PREFIX.matcher(description);
    List<String> datasets = new ArrayList<>();
    while (m.find()) {
      datasets.add("`" + m.group(1) + "`");
    }
    return datasets.isEmpty() ? "all datasets" : String.join(", ", datasets);
  }

  /** Markdown table cell text: pipes escaped, so a description cannot break the table. */
  private static String cell(String text) {
    return text.replace("|", "\\|");
  }
}
