package io.github.openrouterspark.api;

/**
 * Counters of one reader's API traffic, for Spark's task metrics. Not thread-safe: each reader owns
 * one and reads sequentially.
 */
public final class RequestMetrics {
  private long requests;
  private long rateLimited;
  private long retries;
  private long permitWaitMillis;
  private long bytes;
  private long cacheHits;

  void sent() {
    requests++;
  }

  void rateLimited() {
    rateLimited++;
  }

  void retried() {
    retries++;
  }

  void waitedForPermit(long millis) {
    permitWaitMillis += millis;
  }

  void read(long n) {
    bytes += n;
  }

  /** One response, or one day of rankings, served from memory instead of the network. */
  public void cacheHit() {
    cacheHits++;
  }

  /** HTTP requests sent, retries included. */
  public long requests() {
    return requests;
  }

  /** Responses that were 429 (or a 400 wrapping one). */
  public long rateLimitedResponses() {
    return rateLimited;
  }

  public long retries() {
    return retries;
  }

  public long permitWaitMillis() {
    return permitWaitMillis;
  }

  /** Response body bytes read from the network. */
  public long bytes() {
    return bytes;
  }

  /** Responses (or rankings days) served from memory instead of the network. */
  public long cacheHits() {
    return cacheHits;
  }
}
