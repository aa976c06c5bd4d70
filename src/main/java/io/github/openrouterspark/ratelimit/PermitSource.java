package io.github.openrouterspark.ratelimit;

import java.time.Duration;

/** Where a client gets permission to send one request for its API key. */
public interface PermitSource {

  /** Blocks until one request may be sent; returns how long it waited, in milliseconds. */
  long acquire() throws InterruptedException;

  /** The API asked to slow down: no request for this key before {@code wait} has passed. */
  void backOff(Duration wait);
}
