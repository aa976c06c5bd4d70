package io.github.openrouterspark.api;

/** A response that does not have the documented shape; the cursor adds the request and position. */
public final class MalformedResponseException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public MalformedResponseException(String message) {
    super(message);
  }
}
