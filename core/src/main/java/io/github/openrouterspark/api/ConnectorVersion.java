package io.github.openrouterspark.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The connector's own version, filtered into a resource at build time, for the User-Agent. */
public final class ConnectorVersion {
  private static final String VERSION = load();

  private ConnectorVersion() {}

  public static String get() {
    return VERSION;
  }

  public static String userAgent() {
    return "openrouter-spark/"
        + VERSION
        + " (Apache Spark connector; Java "
        + Runtime.version().feature()
        + ")";
  }

  private static String load() {
    try (InputStream in =
        ConnectorVersion.class.getResourceAsStream("/openrouter-spark-version.properties")) {
      if (in == null) {
        return "unknown";
      }
      Properties props = new Properties();
      props.load(in);
      return props.getProperty("version", "unknown");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
