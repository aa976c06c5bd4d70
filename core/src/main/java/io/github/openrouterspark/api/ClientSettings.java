package io.github.openrouterspark.api;

import java.io.Serializable;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Everything needed to talk to the API except the key: where, how long to wait, how often to retry,
 * and the optional app-attribution headers. Serializable so executors can rebuild a client.
 *
 * @param baseUrl e.g. {@code https://openrouter.ai/api/v1}, without a trailing slash
 * @param maxRetries retries after the first attempt for transient failures (connection errors, a
 *     body cut short, 408, 429, 5xx, and a 400 wrapping one of those)
 * @param retryBackoff the first retry delay; later ones grow exponentially (with jitter). A 429
 *     waits as long as the API asks instead, or backs off from 2 s when it does not say
 * @param httpReferer the {@code HTTP-Referer} header, or null to send none (likewise the next two)
 * @param requestTimeout the most one HTTP attempt may take, from connecting to the last byte of its
 *     body, so a body that trickles in cannot hold a task for ever
 * @param allowInsecureHttp whether a plain {@code http://} base URL may name another machine: the
 *     key then crosses the network in clear text, so it takes this explicit consent
 */
public record ClientSettings(
    String baseUrl,
    Duration connectTimeout,
    Duration readTimeout,
    int maxRetries,
    Duration retryBackoff,
    String httpReferer,
    String appTitle,
    String appCategories,
    Duration requestTimeout,
    boolean allowInsecureHttp)
    implements Serializable {

  public static final String DEFAULT_BASE_URL = "https://openrouter.ai/api/v1";
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
  public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(60);
  public static final int DEFAULT_MAX_RETRIES = 3;
  public static final Duration DEFAULT_RETRY_BACKOFF = Duration.ofMillis(500);
  public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofMinutes(2);
  private static final Pattern LOOPBACK_V4 =
      Pattern.compile("127(\\.(25[0-5]|2[0-4][0-9]|1?[0-9]?[0-9])){3}");

  public ClientSettings {
    Objects.requireNonNull(baseUrl, "baseUrl");
    baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    Objects.requireNonNull(connectTimeout, "connectTimeout");
    Objects.requireNonNull(readTimeout, "readTimeout");
    Objects.requireNonNull(retryBackoff, "retryBackoff");
    Objects.requireNonNull(requestTimeout, "requestTimeout");
    if (maxRetries < 0) {
      throw new IllegalArgumentException("maxRetries must be >= 0");
    }
    if (!allowInsecureHttp && sendsKeyInClearText(baseUrl)) {
      throw new IllegalArgumentException(
          "Refusing to send the API key in clear text to "
              + baseUrl
              + ": use https, or allow plain http to that host with allowInsecureHttp=true");
    }
  }

  /**
   * True when requests to {@code baseUrl} would carry the key unencrypted beyond this machine:
   * plain http to a host other than {@code localhost} or a loopback address literal. The host is
   * judged by its name, never resolved (a name may resolve elsewhere later).
   */
  public static boolean sendsKeyInClearText(String baseUrl) {
    URI uri;
    try {
      uri = new URI(baseUrl.strip());
    } catch (URISyntaxException e) {
      return false; // not a URL at all: the HTTP client refuses it before anything is sent
    }
    if (uri.getScheme() == null || !uri.getScheme().equalsIgnoreCase("http")) {
      return false;
    }
    String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
    boolean loopback =
        host.equals("localhost")
            || host.equals("[::1]")
            || host.equals("::1")
            || LOOPBACK_V4.matcher(host).matches();
    return !loopback;
  }

  /** With the default {@link #DEFAULT_REQUEST_TIMEOUT}, and no plain http beyond loopback. */
  public ClientSettings(
      String baseUrl,
      Duration connectTimeout,
      Duration readTimeout,
      int maxRetries,
      Duration retryBackoff,
      String httpReferer,
      String appTitle,
      String appCategories) {
    this(
        baseUrl,
        connectTimeout,
        readTimeout,
        maxRetries,
        retryBackoff,
        httpReferer,
        appTitle,
        appCategories,
        DEFAULT_REQUEST_TIMEOUT,
        false);
  }

  public static ClientSettings defaults(String baseUrl) {
    return new ClientSettings(
        baseUrl,
        DEFAULT_CONNECT_TIMEOUT,
        DEFAULT_READ_TIMEOUT,
        DEFAULT_MAX_RETRIES,
        DEFAULT_RETRY_BACKOFF,
        null,
        null,
        null);
  }

  public ClientSettings withRetries(int retries, Duration backoff) {
    return new ClientSettings(
        baseUrl,
        connectTimeout,
        readTimeout,
        retries,
        backoff,
        httpReferer,
        appTitle,
        appCategories,
        requestTimeout,
        allowInsecureHttp);
  }

  public ClientSettings withRequestTimeout(Duration timeout) {
    return new ClientSettings(
        baseUrl,
        connectTimeout,
        readTimeout,
        maxRetries,
        retryBackoff,
        httpReferer,
        appTitle,
        appCategories,
        timeout,
        allowInsecureHttp);
  }

  public ClientSettings withInsecureHttpAllowed(boolean allowed) {
    return new ClientSettings(
        baseUrl,
        connectTimeout,
        readTimeout,
        maxRetries,
        retryBackoff,
        httpReferer,
        appTitle,
        appCategories,
        requestTimeout,
        allowed);
  }
}
