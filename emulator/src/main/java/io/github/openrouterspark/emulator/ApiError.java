package io.github.openrouterspark.emulator;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * An error answer in OpenRouter's shape: {@code {"error":{"code":N,"message":"...","metadata":
 * {...}|null}}}, sent with HTTP status {@code code}. Every error the emulator sends is built by one
 * of the factories here, so a change of shape (such as 429 headers) happens in one place.
 *
 * @param metadata {@code error.metadata}, or {@code null} to send JSON null
 * @param headers extra HTTP headers of the response
 */
record ApiError(
    int code, String message, Map<String, String> metadata, Map<String, String> headers) {
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

  static ApiError managementKeyRequired() {
    return new ApiError(403, "Only management keys can perform this operation", null, Map.of());
  }

  static ApiError notFound(String path) {
    return new ApiError(404, "Not Found: " + path, null, Map.of());
  }

  static ApiError methodNotAllowed(String method, String path, String allowed) {
    return new ApiError(
        405, "Method " + method + " not allowed on " + path, null, Map.of("Allow", allowed));
  }

  static ApiError rateLimitExceeded(Map<String, String> headers) {
    return new ApiError(
        429, "Rate limit exceeded", Map.of("error_type", "rate_limit_exceeded"), headers);
  }

  /** The real API masks 500 messages, so the emulator does too. */
  static ApiError internal() {
    return new ApiError(500, "Internal Server Error", null, Map.of());
  }

  /**
   * The error an injected {@link Fault} sends for {@code code}: the spec's example message where it
   * has one (400, 408, 429, 500), else the status's reason phrase.
   */
  static ApiError injected(int code, Map<String, String> headers) {
    if (code == 429) {
      return rateLimitExceeded(headers);
    }
    String message =
        switch (code) {
          case 400 -> "Invalid request parameters";
          case 401 -> "Missing Authentication header";
          case 403 -> "Forbidden";
          case 404 -> "Not Found";
          case 408 -> "Operation timed out. Please try again later.";
          case 500 -> "Internal Server Error";
          case 502 -> "Bad Gateway";
          case 503 -> "Service Unavailable";
          case 504 -> "Gateway Timeout";
          case 524 -> "A timeout occurred";
          case 529 -> "Provider overloaded";
          default -> "HTTP " + code;
        };
    return new ApiError(code, message, null, headers);
  }

  Reply toReply() {
    return toReply(code);
  }

  /**
   * This error sent with HTTP status {@code status}, which differs from {@code error.code} only for
   * a {@link Fault.Wrapped400}.
   */
  Reply toReply(int status) {
    return new Reply(status, headers, this::writeBody);
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
