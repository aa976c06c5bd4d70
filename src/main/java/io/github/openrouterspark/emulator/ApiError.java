package io.github.openrouterspark.emulator;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * An error answer in OpenRouter's shape: {@code {"error":{"code":N,"message":"...","metadata":
 * {...}|null}}}, sent with HTTP status {@code code}. Every error the emulator sends is built by
 * one of the factories here, so a change of shape (such as 429 headers) happens in one place.
 *
 * @param metadata {@code error.metadata}, or {@code null} to send JSON null
 * @param headers extra HTTP headers of the response
 */
record ApiError(int code, String message, Map<String, String> metadata, Map<String, String> headers) {
  ApiError {
    Objects.requireNonNull(message, "message");
    metadata = metadata == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
    headers = Map.copyOf(headers);
  }

  static ApiError badRequest(String message) {
    return new ApiError(400, message, null, Map.of());
  }

  static ApiError missingAuthentication() {
    return new ApiError(401, "Missing Authentication header", null, Map.of());
  }

  static ApiError invalidApiKey() {
    return new ApiError(401, "Invalid API key", null, Map.of());
  }

  static ApiError notFound(String path) {
    return new ApiError(404, "Not Found: " + path, null, Map.of());
  }

  static ApiError methodNotAllowed(String method, String path, String allowed) {
    return new ApiError(
        405, "Method " + method + " not allowed on " + path, null, Map.of("Allow", allowed));
  }

  static ApiError rateLimitExceeded() {
    return new ApiError(
        429, "Rate limit exceeded", Map.of("error_type", "rate_limit_exceeded"), Map.of());
  }

  /** The real API masks 500 messages, so the emulator does too. */
  static ApiError internal() {
    return new ApiError(500, "Internal Server Error", null, Map.of());
  }

  Reply toReply() {
    return new Reply(code, headers, this::writeBody);
  }

  private void writeBody(JsonGenerator json) throws IOException {
    json.writeStartObject();
    json.writeObjectFieldStart("error");
    json.writeNumberField("code", code);
    json.writeStringField("message", message);
    if (metadata == null) {
      json.writeNullField("metadata");
    } else {
      json.writeObjectFieldStart("metadata");
      for (Map.Entry<String, String> entry : metadata.entrySet()) {
        json.writeStringField(entry.getKey(), entry.getValue());
      }
      json.writeEndObject();
    }
    json.writeEndObject();
    json.writeEndObject();
  }
}
