package io.github.openrouterspark.api;

import com.fasterxml.jackson.core.io.JsonEOFException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Instant;
import java.util.Objects;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Names what went wrong with one attempt, as the exception the retry loop judges: transient
 * (retried) or not. Every failure names the request, never the key; once the query is cancelled, a
 * failure is reported as the cancellation it caused.
 */
final class ResponseFailures {
  private final ClientSettings settings;
  private final Cancellation cancellation;

  ResponseFailures(ClientSettings settings, Cancellation cancellation) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.cancellation = Objects.requireNonNull(cancellation, "cancellation");
  }

  /** The request could not be sent or got no response (connection failures are transient). */
  RuntimeException notAnswered(ApiRequest request, IOException e) {
    return cancelledOr(
        request,
        "while sending",
        e,
        new ApiException(request, 0, describe(e), ErrorHints.forStatus(0, request), e));
  }

  /** A response that is not a success: its status, and what its (bounded) error body says. */
  static ApiException ofStatus(ApiRequest request, Response response, RequestMetrics metrics) {
    ResponseBody body = response.body();
    try {
      byte[] bytes =
          body.source().peek().readByteArray(Math.min(ErrorBody.MAX_BYTES, bufferedLength(body)));
      metrics.read(bytes.length);
      ErrorBody parsed =
          response.isRedirect()
              ? new ErrorBody(
                  "a redirect to " + response.header("Location", "(no Location header)"), 0)
              : ErrorBody.parse(bytes);
      ApiException failure =
          new ApiException(
              request, response.code(), parsed, RetryAfter.from(response.headers(), Instant.now()));
      if (failure.isRateLimited()) {
        metrics.rateLimited();
      }
      return failure;
    } catch (IOException e) {
      return new ApiException(
          request,
          response.code(),
          "(error body unreadable: " + describe(e) + ")",
          ErrorHints.forStatus(response.code(), request),
          e);
    }
  }

  /**
   * A failure while the body was read: the connection's (retried), a body that ended in the middle
   * of the JSON (a close-delimited body cut short; retried), or the content's (not).
   */
  RuntimeException whileReading(ApiRequest request, Exception e, CountingInputStream counted) {
    if (counted.failure() != null) {
      IOException broke = counted.failure();
      String how =
          broke instanceof InterruptedIOException && !Waits.cancelled(cancellation)
              ? "timed out (requestTimeout "
                  + Waits.describe(settings.requestTimeout())
                  + ", readTimeout "
                  + Waits.describe(settings.readTimeout())
                  + ")"
              : "broke (" + describe(broke) + ")";
      return cancelledOr(
          request,
          "while reading the response",
          broke,
          ApiException.cutBody(
              request,
              "HTTP 200, but the connection "
                  + how
                  + " after "
                  + counted.bytes()
                  + " bytes of the body",
              e));
    }
    if (counted.ended() && hasCause(e, JsonEOFException.class)) {
      return ApiException.cutBody(
          request,
          "HTTP 200, but the body ended after "
              + counted.bytes()
              + " bytes, in the middle of the JSON",
          e);
    }
    if (e instanceof RuntimeException r) {
      return r;
    }
    return new ApiException(
        request,
        200,
        "the response body could not be decoded (" + describe((IOException) e) + ")",
        "This is unexpected from the documented API: if it persists, report it with this message.",
        e);
  }

  private RuntimeException cancelledOr(
      ApiRequest request, String when, Throwable cause, RuntimeException failure) {
    return Waits.cancelled(cancellation)
        ? new RequestCancelledException(request, when, cause)
        : failure;
  }

  private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
    }
    return false;
  }

  private static long bufferedLength(ResponseBody body) throws IOException {
    body.source().request(ErrorBody.MAX_BYTES);
    return body.source().getBuffer().size();
  }

  private static String describe(IOException e) {
    return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
  }
}
