package io.github.openrouterspark.api;

import java.io.Serializable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One GET request to the API: a path relative to the base URL and its query parameters, in the
 * order they are sent. It carries no credentials, so it is safe to print in errors and plans.
 */
public record ApiRequest(String path, Map<String, String> params) implements Serializable {

  public ApiRequest {
    if (!path.startsWith("/")) {
      throw new IllegalArgumentException("path must start with '/': " + path);
    }
    params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
  }

  /** The path with its encoded query string, e.g. {@code /datasets/rankings-daily?start_date=...}. */
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

  @Override
  public String toString() {
    return "GET " + pathAndQuery();
  }
}
