package io.github.openrouterspark.api;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Extracts {@code error.message} from the documented error body
 * ({@code {"error":{"code":...,"message":...}}}); falls back to the start of the raw text for
 * bodies that are not (proxies, HTML error pages).
 */
final class ErrorBody {
  /** Error bodies are small; never read an unbounded one. */
  static final int MAX_BYTES = 16 * 1024;

  private static final JsonFactory JSON = new JsonFactory();

  private ErrorBody() {}

  static String message(byte[] body) {
    String fromJson = fromJson(body);
    if (fromJson != null) {
      return fromJson;
    }
    String text = new String(body, StandardCharsets.UTF_8).strip().replaceAll("\\s+", " ");
    if (text.isEmpty()) {
      return "(empty body)";
    }
    return text.length() > 200 ? text.substring(0, 200) + "…" : text;
  }

  private static String fromJson(byte[] body) {
    try (JsonParser p = JSON.createParser(body)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return null;
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        JsonToken value = p.nextToken();
        if ("error".equals(name) && value == JsonToken.START_OBJECT) {
          return messageField(p);
        }
        p.skipChildren();
      }
      return null;
    } catch (IOException e) {
      return null;
    }
  }

  private static String messageField(JsonParser p) throws IOException {
    String message = null;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      JsonToken value = p.nextToken();
      if ("message".equals(name) && value == JsonToken.VALUE_STRING) {
        message = p.getText();
      } else {
        p.skipChildren();
      }
    }
    return message;
  }
}
