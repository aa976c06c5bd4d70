package io.github.openrouterspark.it;

import io.github.openrouterspark.examples.BudgetExample;
import io.github.openrouterspark.examples.MarketShareExample;
import java.net.URL;
import java.nio.file.Path;
import java.security.CodeSource;

/**
 * The job the build's --packages smoke test hands to spark-submit (see the parent pom.xml): it says
 * which jar OkHttp's and the connector's classes come from, so the build can check that OkHttp 3 is
 * on Spark's classpath ahead of the connector and that the connector is the jar --packages
 * resolved, then runs the two example jobs (rankings-daily, and the analytics POST requests)
 * against the embedded emulator.
 */
public final class PackagesSmokeJob {
  private PackagesSmokeJob() {}

  public static void main(String[] args) throws ClassNotFoundException {
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    System.out.println(
        "okhttp3.OkHttpClient from " + jarOf(Class.forName("okhttp3.OkHttpClient", false, loader)));
    System.out.println(
        "connector from "
            + jarOf(
                Class.forName(
                    "io.github.openrouterspark.spark.OpenRouterDataSource", false, loader)));
    MarketShareExample.main(new String[0]);
    BudgetExample.main(new String[0]);
  }

  private static String jarOf(Class<?> type) {
    CodeSource source = type.getProtectionDomain().getCodeSource();
    if (source == null) {
      return "(no code source)";
    }
    URL location = source.getLocation();
    return Path.of(location.getPath()).getFileName().toString();
  }
}
