package io.github.openrouterspark.ratelimit;

import java.io.Serializable;
import java.util.Objects;

/**
 * Where executors ask the driver's permit service for permits, and the application's secret that
 * authenticates them. Shipped to executors inside the reader factories. Only this package reads the
 * secret: code that gets hold of an endpoint (any code on the driver can) learns where the service
 * listens, not how to talk to it. {@link #toString()} hides the secret.
 */
public final class PermitEndpoint implements Serializable {
  private static final long serialVersionUID = 2L;

  private final String url;
  private final String secret;

  PermitEndpoint(String url, String secret) {
    this.url = Objects.requireNonNull(url, "url");
    this.secret = Objects.requireNonNull(secret, "secret");
  }

  public String url() {
    return url;
  }

  /** For {@link RemotePermits} and {@link PermitServer} only. */
  String secret() {
    return secret;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof PermitEndpoint e && e.url.equals(url) && e.secret.equals(secret);
  }

  @Override
  public int hashCode() {
    return url.hashCode();
  }

  @Override
  public String toString() {
    return "PermitEndpoint[" + url + ", secret=<hidden>]";
  }
}
