package io.github.openrouterspark.spark;

import io.github.openrouterspark.options.KeySource;
import io.github.openrouterspark.options.ReadOptions;
import io.github.openrouterspark.options.ReaderOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.RuntimeConfig;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether Spark will display the key where it came from, and what the connector does about it.
 * Spark redacts a conf only when its name matches spark.redaction.regex, and in its event log only
 * among the confs set when the application started (a conf set at run time is written with every
 * job's properties as it is); it redacts an option only when its name matches
 * spark.sql.redaction.options.regex or spark.redaction.regex. A key from a place Spark displays
 * gets one warning per place and JVM, naming the place, never the key.
 */
final class KeyExposure {
  private static final Logger LOG = LoggerFactory.getLogger(KeyExposure.class);
  static final String REDACTION_REGEX = "spark.redaction.regex";
  static final String OPTIONS_REDACTION_REGEX = "spark.sql.redaction.options.regex";
  static final String DEFAULT_REDACTION_REGEX = "(?i)secret|password|token|access[.]?key";
  static final String DEFAULT_OPTIONS_REDACTION_REGEX = "(?i)url";

  /** Spark's own replacement text, so redacted DDL reads as Spark's. */
  static final String REDACTED = "*********(redacted)";

  private static final Set<KeySource> WARNED = ConcurrentHashMap.newKeySet();

  private KeyExposure() {}

  /** Warns once per place (in this JVM) if Spark will display a key from {@code source}. */
  static void warnOnce(KeySource source, SparkSession session) {
    warnOnce(source, session, LOG::warn);
  }

  static void warnOnce(KeySource source, SparkSession session, Consumer<String> warnings) {
    if (!WARNED.contains(source)) {
      warning(source, session.conf(), session.sparkContext().getConf())
          .ifPresent(
              text -> {
                if (WARNED.add(source)) {
                  warnings.accept(text);
                }
              });
    }
  }

  /**
   * @param conf the session's confs, as the read saw them
   * @param startConf the confs the application started with, the only ones its event log redacts
   */
  static Optional<String> warning(KeySource source, RuntimeConfig conf, SparkConf startConf) {
    String safeWays =
        " Safe ways to give the key: the environment variable "
            + ReadOptions.API_KEY_ENV
            + " on the driver, or the conf "
            + ReadOptions.SESSION_CONF_PREFIX
            + ReaderOption.API_KEY_SECRET.key()
            + " set when the application starts (--conf, the cluster's Spark config, or there a Databricks secret"
            + " reference {{secrets/<scope>/<key>}}). See the README, \"The API key\".";
    switch (source.kind()) {
      case OPTION:
        {
          if (redacts(conf, OPTIONS_REDACTION_REGEX, DEFAULT_OPTIONS_REDACTION_REGEX, source.name())
              || redacts(conf, REDACTION_REGEX, DEFAULT_REDACTION_REGEX, source.name())) {
            return Optional.empty();
          }
          return Optional.of(
              "OpenRouter: the API key was given as "
                  + source.describe()
                  + ", a name that neither "
                  + REDACTION_REGEX
                  + " nor "
                  + OPTIONS_REDACTION_REGEX
                  + " matches, so Spark may display it (on Spark"
                  + " 3.5, DESCRIBE TABLE EXTENDED, SHOW CREATE TABLE and SHOW TBLPROPERTIES of a table made with it,"
                  + " in a session the connector has not run in yet). Name the option '"
                  + ReaderOption.API_KEY_SECRET.key()
                  + "' instead."
                  + safeWays);
        }
      case SESSION_CONF:
      case SPARK_CONF:
        {
          List<String> reasons = new ArrayList<>();
          if (!redacts(conf, REDACTION_REGEX, DEFAULT_REDACTION_REGEX, source.name())) {
            reasons.add(
                "its name does not match "
                    + REDACTION_REGEX
                    + ", so the Spark UI's Environment page and the"
                    + " event log show its value");
          }
          String value = conf.get(source.name(), null);
          if (value == null || !value.equals(startConf.get(source.name(), null))) {
            reasons.add(
                "it was set at run time (spark.conf.set or SET), and Spark writes run-time confs into the"
                    + " event log with every job's properties without redacting them");
          }
          return reasons.isEmpty()
              ? Optional.empty()
              : Optional.of(
                  "OpenRouter: the API key comes from "
                      + source.describe()
                      + ", which Spark does not keep secret: "
                      + String.join("; and ", reasons)
                      + "."
                      + safeWays);
        }
      default:
        return Optional.empty();
    }
  }

  /**
   * Adds the key options' names to the session's option redaction, so that Spark shows their values
   * redacted in every DESCRIBE, SHOW CREATE TABLE and plan the session prints from now on (Spark
   * 3.5 prints a catalog table's stored options without asking the connector).
   */
  static void redactKeyOptions(SparkSession session) {
    String current = session.conf().get(OPTIONS_REDACTION_REGEX, DEFAULT_OPTIONS_REDACTION_REGEX);
    if (!matches(current, ReaderOption.API_KEY.key())) {
      session.conf().set(OPTIONS_REDACTION_REGEX, "(?:" + current + ")|(?i:apikey)");
    }
  }

  private static boolean redacts(
      RuntimeConfig conf, String regexConf, String defaultRegex, String name) {
    return matches(conf.get(regexConf, defaultRegex), name);
  }

  private static boolean matches(String regex, String name) {
    try {
      return Pattern.compile(regex).matcher(name).find();
    } catch (PatternSyntaxException e) {
      return false; // Spark itself fails on such a pattern; never count it as redacting
    }
  }
}
