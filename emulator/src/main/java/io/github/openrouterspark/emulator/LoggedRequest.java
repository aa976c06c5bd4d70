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
 * @param headers request headers by lower-cased name, repeated values joined with ", "; the {@code
 *     authorization} header is never stored, so logs cannot leak keys
 * @param account the account of the API key, or {@code null} when the key was missing or unknown
 * @param status the HTTP status of the answer, or {@link #NO_RESPONSE} when the client got no
 *     complete response ({@link Fault.ConnectionReset}, {@link Fault.TruncatedBody}), so that
 *     counting 200s counts only answers a client could use
 * @param fault the injected fault the request got, or {@code null} for none
 * @param body the request body decoded as UTF-8, or {@code null} when there was none; tests of a
 *     client read the analytics queries it sent here
 */
public record LoggedRequest(
    Instant at,
    String method,
    String path,
    Map<String, String> query,
    Map<String, String> headers,
    String account,
    int status,
    Fault fault,
    String body) {
  /** The {@link #status} of a request that got no complete response. */
  public static final int NO_RESPONSE = 0;

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

  /** A request without a body. */
  public LoggedRequest(
      Instant at,
      String method,
      String path,
      Map<String, String> query,
      Map<String, String> headers,
      String account,
      int status,
      Fault fault) {
    this(at, method, path, query, headers, account, status, fault, null);
  }

  /** A request without a body, answered without an injected fault. */
  public LoggedRequest(
      Instant at,
      String method,
      String path,
      Map<String, String> query,
      Map<String, String> headers,
      String account,
      int status) {
    this(at, method, path, query, headers, account, status, null, null);
  }
}
