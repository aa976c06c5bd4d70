package io.github.openrouterspark.api;

import java.io.Serializable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One request to the API: a path relative to the base URL, its query parameters in the order they
 * are sent, and for a POST its JSON body. It carries no credentials, so it is safe to print in
 * errors and plans.
 *
 * @param body the JSON body of a POST, or null for a GET
 */
public record ApiRequest(String path, Map<String, String> params, String body)
    implements Serializable {

  public ApiRequest {
    if (!path.startsWith("/")) {
      throw new IllegalArgumentException("path must start with '/': " + path);
    }
    params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
  }

  /** A GET. */
  public ApiRequest(String path, Map<String, String> params) {
    this(path, params, null);
  }

  /** A POST of a JSON body. */
  public static ApiRequest post(String path, String jsonBody) {
    return new ApiRequest(path, Map.of(), java.util.Objects.requireNonNull(jsonBody, "jsonBody"));
  }

  public boolean isPost() {
    return body != null;
  }

  /**
   * The path with its encoded query string, e.g. {@code /datasets/rankings-daily?start_date=...}.
   */
  public String pathAndQuery() {
    if (params.isEmpty()) {
      return path;
    }
    return path
        + "?"
        + params.entrySet().stream()
            .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
            .collect(Collectors.joining("&"));
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  /** What identifies the response: method, path, query and body. */
  String identity() {
    return isPost() ? "POST " + path + " " + body : "GET " + pathAndQuery();
  }

  @Override
  public String toString() {
    return identity();
  }
}
