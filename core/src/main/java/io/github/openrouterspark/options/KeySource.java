package io.github.openrouterspark.options;

import java.util.Objects;

/**
 * Where a read's API key came from, so the connector can say whether Spark displays it and name it
 * in errors; never the key itself.
 *
 * @param kind the kind of place
 * @param name the option's canonical name, the conf's name as spelt, or the environment variable
 */
public record KeySource(Kind kind, String name) {
  public enum Kind {
    /** A reader option ({@code .option(...)} or SQL {@code OPTIONS (...)}), given with the read. */
    OPTION,
    /** A session default {@code spark.datasource.openrouter.<option>} of one of the key options. */
    SESSION_CONF,
    /** The conf {@code spark.openrouter.apiKey}. */
    SPARK_CONF,
    /** The driver's environment. */
    ENVIRONMENT
  }

  public KeySource {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(name, "name");
  }

  /** True for the Spark confs, which Spark may display or log depending on their name. */
  public boolean isConf() {
    return kind == Kind.SESSION_CONF || kind == Kind.SPARK_CONF;
  }

  /** E.g. "the option 'apiKey'", "the Spark conf spark.openrouter.apiKey". */
  public String describe() {
    return switch (kind) {
      case OPTION -> "the option '" + name + "'";
      case SESSION_CONF, SPARK_CONF -> "the Spark conf " + name;
      case ENVIRONMENT -> "the environment variable " + name;
    };
  }
}
