package io.github.openrouterspark.options;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Generates docs/options.md from {@link ReaderOption}, so the reference cannot drift from the
 * options the connector accepts: {@link OptionsDocTest} fails when the file differs from {@link
 * #render()}, and {@link #main} rewrites it.
 *
 * <p>Name, datasets, default and meaning come from the enum, in its order. {@link #appliesTo} asks
 * the parser instead, so {@link OptionsDocTest} can check that reads accept an option exactly on
 * the datasets the registry declares: an option applies to a dataset unless {@link
 * ReadOptions#parse} of that dataset with the option set fails with "does not apply". That check
 * comes before the option's value is read, so any value will do.
 */
public final class OptionsDoc {
  static final Path FILE = Path.of("docs/options.md");
  static final String REGENERATE =
      "mvn -B -q -Pexample -Dexec.skip=false -Dexample.main=io.github.openrouterspark.options.OptionsDoc -pl core test-compile exec:exec";
  private static final String PROBE_VALUE = "x";

  private OptionsDoc() {}

  public static void main(String[] args) throws IOException {
    Files.createDirectories(FILE.getParent());
    Files.writeString(FILE, render(), StandardCharsets.UTF_8);
    System.out.println("Wrote " + FILE);
  }

  static String render() {
    StringBuilder md = new StringBuilder();
    md.append("# Reader options\n\n")
        .append(
            "<!-- Generated from ReaderOption.java by OptionsDoc; do not edit. Regenerate with:\n")
        .append("     ")
        .append(REGENERATE)
        .append(" -->\n\n")
        .append("Every option can be given three ways:\n\n")
        .append(
            "1. on the reader: `spark.read.format(\"openrouter\").option(\"windowDays\", \"7\")`;\n")
        .append("2. in SQL: `CREATE TEMPORARY VIEW v USING openrouter OPTIONS (windowDays '7')`;\n")
        .append(
            "3. as a session default: the Spark conf `spark.datasource.openrouter.<option>`, e.g.\n")
        .append(
            "   `spark.conf.set(\"spark.datasource.openrouter.windowDays\", \"7\")`, or a cluster's Spark config.\n\n")
        .append("A value on the reader or in `OPTIONS` overrides the session default.\n")
        .append(
            "Names are case-insensitive. Every option is checked when the DataFrame or view is defined,\n")
        .append(
            "before any request: an unknown name fails with the nearest known one, a bad value with what is\n")
        .append(
            "allowed, and an option that does not apply to the dataset is rejected (the column\n")
        .append("\"applies to\" lists the datasets whose reads accept it).\n\n")
        .append("| option | applies to | default | meaning |\n")
        .append("|---|---|---|---|\n");
    for (ReaderOption o : ReaderOption.values()) {
      if (o == ReaderOption.PATH) {
        continue; // not typed as an option: see the note below the table
      }
      md.append("| `")
          .append(o.key())
          .append("` | ")
          .append(appliesToText(o))
          .append(" | ")
          .append(cell(o.defaultValue()))
          .append(" | ")
          .append(cell(o.description()))
          .append(" |\n");
    }
    md.append("\n`")
        .append(ReaderOption.PATH.key())
        .append("`: ")
        .append(ReaderOption.PATH.description())
        .append("\n");
    return md.toString();
  }

  /** The datasets whose reads accept {@code option}, found by parsing. */
  static List<DatasetName> appliesTo(ReaderOption option) {
    return Arrays.stream(DatasetName.values()).filter(d -> accepts(d, option)).toList();
  }

  private static boolean accepts(DatasetName dataset, ReaderOption option) {
    if (option == ReaderOption.DATASET) {
      return true;
    }
    try {
      ReadOptions.parse(
          Map.of(ReaderOption.DATASET.key(), dataset.apiName(), option.key(), PROBE_VALUE),
          conf -> null,
          Map.of());
      return true;
    } catch (InvalidOptionException e) {
      // Any other complaint (the probe value is not a date, ...) means the option was read.
      return !e.getMessage().contains("does not apply to dataset");
    }
  }

  private static String appliesToText(ReaderOption option) {
    Set<DatasetName> datasets = option.datasets();
    if (datasets.size() == DatasetName.values().length) {
      return "all datasets";
    }
    return datasets.stream().map(d -> "`" + d.apiName() + "`").collect(Collectors.joining(", "));
  }

  /** Markdown table cell text: pipes escaped, so a description cannot break the table. */
  private static String cell(String text) {
    return text.replace("|", "\\|");
  }
}
