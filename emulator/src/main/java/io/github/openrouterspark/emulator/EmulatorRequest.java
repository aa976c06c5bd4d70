package io.github.openrouterspark.emulator;

import java.time.Instant;
import java.util.Map;

/**
 * An authenticated request as endpoints see it.
 *
 * @param now the emulator clock's instant when the request arrived; everything computed for the
 *     request (defaults, partial today, {@code as_of}, rate limits) uses this one instant
 * @param query decoded query parameters in request order, first occurrence wins
 * @param management whether the key is a management key
 * @param body the raw request body; empty when there is none
 */
record EmulatorRequest(
    Instant now,
    String path,
    Map<String, String> query,
    String apiKey,
    String account,
    boolean management,
    byte[] body) {
  /** A request without a body, as the GET endpoints get it. */
  EmulatorRequest(
      Instant now, String path, Map<String, String> query, String apiKey, String account) {
    this(now, path, query, apiKey, account, false, new byte[0]);
  }
}
