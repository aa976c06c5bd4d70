package io.github.openrouterspark.api;

/** A response that does not have the documented shape; the cursor adds the request and position. */
final class MalformedResponseException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  MalformedResponseException(String message) {
    super(message);
  }
}
