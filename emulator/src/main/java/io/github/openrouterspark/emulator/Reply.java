package io.github.openrouterspark.emulator;

import java.util.Map;
import java.util.Objects;

/** What an endpoint answers: status, extra headers (beyond the JSON content type) and body. */
record Reply(int status, Map<String, String> headers, JsonBody body) {
  Reply {
    headers = Map.copyOf(headers);
    Objects.requireNonNull(body, "body");
  }

  static Reply ok(JsonBody body) {
    return new Reply(200, Map.of(), body);
  }
}
