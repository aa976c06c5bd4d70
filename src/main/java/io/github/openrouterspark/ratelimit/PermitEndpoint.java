package io.github.openrouterspark.ratelimit;

import java.io.Serializable;

/**
 * Where executors ask the driver's permit service for permits, and the application's secret
 * that authenticates them. Shipped to executors; {@link #toString()} hides the secret.
 */
public record PermitEndpoint(String url, String secret) implements Serializable {
  @Override
  public String toString() {
    return "PermitEndpoint[" + url + ", secret=<hidden>]";
  }
}
