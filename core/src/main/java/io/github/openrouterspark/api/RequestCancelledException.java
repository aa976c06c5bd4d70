package io.github.openrouterspark.api;

/** The query a request served was cancelled (its Spark task killed, or its thread interrupted). */
public final class RequestCancelledException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  RequestCancelledException(ApiRequest request, String when, Throwable cause) {
    super(
        "OpenRouter API request "
            + request
            + " was cancelled "
            + when
            + ": its query was cancelled.",
        cause);
  }
}
