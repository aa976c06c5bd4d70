package io.github.openrouterspark.emulator;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One request the emulator received, whatever its outcome.
 *
 * @param at the emulator clock's instant on arrival
 * @param path the full request path, e.g. {@code /api/v1/datasets/rankings-daily}
 * @param query decoded query parameters in request order (first occurrence of a repeated name)
 * @param headers request headers by lower-cased name, repeated values joined with ", "; the
 *     {@code authorization} header is never stored, so logs cannot leak keys
 * @param account the account of the API key, or {@code null} when the key was missing or unknown
 * @param status the HTTP status of the answer
 */
public record LoggedRequest(
    Instant at,
    String method,
    String path,
    Map<String, String> query,
    Map<String, String> headers,
    String account,
    int status) {
  public LoggedRequest {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(path, "path");
    query = Collections.unmodifiableMap(new LinkedHashMap<>(query));
    headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    if (headers.containsKey("authorization")) {
      throw new IllegalArgumentException("The Authorization header must never be logged");
    }
  }
}
