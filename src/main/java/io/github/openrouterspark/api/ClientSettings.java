package io.github.openrouterspark.api;

import java.io.Serializable;
import java.time.Duration;
import java.util.Objects;

/**
 * Everything needed to talk to the API except the key: where, how long to wait, how often to
 * retry, and the optional app-attribution headers. Serializable so executors can rebuild a client.
 *
 * @param baseUrl e.g. {@code https://openrouter.ai/api/v1}, without a trailing slash
 * @param maxRetries retries after the first attempt for 5xx, 408 and connection failures
 * @param retryBackoff the first retry delay; later ones grow exponentially (with jitter)
 * @param httpReferer the {@code HTTP-Referer} header, or null to send none (likewise the next two)
 * @param requestTimeout the most one HTTP attempt may take, from connecting to the last byte of
 *     its body, so a body that trickles in cannot hold a task for ever
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
    Duration requestTimeout)
    implements Serializable {

  public static final String DEFAULT_BASE_URL = "https://openrouter.ai/api/v1";
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
  public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(60);
  public static final int DEFAULT_MAX_RETRIES = 3;
  public static final Duration DEFAULT_RETRY_BACKOFF = Duration.ofMillis(500);
  public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofMinutes(2);

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
  }

  /** With the default {@link #DEFAULT_REQUEST_TIMEOUT}. */
  public ClientSettings(String baseUrl, Duration connectTimeout, Duration readTimeout, int maxRetries,
      Duration retryBackoff, String httpReferer, String appTitle, String appCategories) {
    this(baseUrl, connectTimeout, readTimeout, maxRetries, retryBackoff, httpReferer, appTitle, appCategories,
        DEFAULT_REQUEST_TIMEOUT);
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
        baseUrl, connectTimeout, readTimeout, retries, backoff, httpReferer, appTitle, appCategories, requestTimeout);
  }

  public ClientSettings withRequestTimeout(Duration timeout) {
    return new ClientSettings(
        baseUrl, connectTimeout, readTimeout, maxRetries, retryBackoff, httpReferer, appTitle, appCategories, timeout);
  }
}
