package io.github.openrouterspark.emulator;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Decodes a raw query string into parameters in request order. */
final class QueryString {
  private QueryString() {}

  /**
   * The first occurrence of a repeated parameter wins. A part with a malformed escape is kept
   * verbatim, so the parameter's own validation rejects it with a message naming it.
   */
  static Map<String, String> decode(String rawQuery) {
    Map<String, String> params = new LinkedHashMap<>();
    if (rawQuery == null) {
      return params;
    }
    for (String pair : rawQuery.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = component(eq < 0 ? pair : pair.substring(0, eq));
      String value = eq < 0 ? "" : component(pair.substring(eq + 1));
      params.putIfAbsent(name, value);
    }
    return params;
  }

  private static String component(String raw) {
    try {
      return URLDecoder.decode(raw, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return raw;
    }
  }
}
