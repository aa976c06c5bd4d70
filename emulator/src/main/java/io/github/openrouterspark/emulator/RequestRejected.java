package io.github.openrouterspark.emulator;

/** Thrown while handling a request to answer it with an {@link ApiError} instead. */
final class RequestRejected extends Exception {
  private static final long serialVersionUID = 1L;

  private final transient ApiError error;

  RequestRejected(ApiError error) {
    super(error.message(), null, false, false);
    this.error = error;
  }

  ApiError error() {
    return error;
  }
}
