package io.github.openrouterspark.api;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The documented error body ({@code {"error":{"code":...,"message":...}}}): its message, and its
 * code, which can differ from the HTTP status (OpenRouter wraps transient upstream failures in a
 * 400). Bodies that are not JSON (proxies, HTML pages) give the start of their text.
 *
 * @param code {@code error.code}, or 0 when absent
 */
record ErrorBody(String message, int code) {
  /** Error bodies are small; never read an unbounded one. */
  static final int MAX_BYTES = 16 * 1024;

  private static final JsonFactory JSON = new JsonFactory();

  static ErrorBody parse(byte[] body) {
    ErrorBody fromJson = fromJson(body);
    if (fromJson != null && fromJson.message != null) {
      return fromJson;
    }
    String text = new String(body, StandardCharsets.UTF_8).strip().replaceAll("\\s+", " ");
    if (text.isEmpty()) {
      text = "(empty body)";
    }
    return new ErrorBody(
        text.length() > 200 ? text.substring(0, 200) + "…" : text,
        fromJson == null ? 0 : fromJson.code);
  }

  private static ErrorBody fromJson(byte[] body) {
    try (JsonParser p = JSON.createParser(body)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return null;
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        JsonToken value = p.nextToken();
        if ("error".equals(name) && value == JsonToken.START_OBJECT) {
          return errorObject(p);
        }
        p.skipChildren();
      }
      return null;
    } catch (IOException e) {
      return null;
    }
  }

  private static ErrorBody errorObject(JsonParser p) throws IOException {
    String message = null;
    int code = 0;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      JsonToken value = p.nextToken();
      if ("message".equals(name) && value == JsonToken.VALUE_STRING) {
        message = p.getText();
      } else if ("code".equals(name) && value == JsonToken.VALUE_NUMBER_INT) {
        code = p.getIntValue();
      } else {
        p.skipChildren();
      }
    }
    return new ErrorBody(message, code);
  }
}
