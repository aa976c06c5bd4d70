package io.github.openrouterspark.ratelimit;

import java.time.Duration;

/**
 * Where a client gets permission to send one request for its API key. The client does the waiting
 * itself, so that it can bound the wait and stop it when its query is cancelled.
 */
public interface PermitSource {

  /**
   * Reserves the permit for one request if it is free within {@code maxWait}; returns how many
   * milliseconds the caller must wait before sending. A longer wait is returned as it is, and the
   * caller must not send: then nothing is reserved (for the driver's service, the slot it already
   * reserved is simply left unused).
   */
  long reserve(Duration maxWait);

  /**
   * The API asked to slow down: no request for this key before {@code wait} has passed. The caller
   * bounds {@code wait}, so a pause never outlasts what one query may wait.
   */
  void backOff(Duration wait);
}
