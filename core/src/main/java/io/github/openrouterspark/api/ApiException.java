package io.github.openrouterspark.api;

/**
 * A request the API answered with an error, or that could not be completed. The message says what
 * was requested (never the key), what came back and what to do about it.
 */
public final class ApiException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** HTTP status, 0 when no response was received, -1 when the request was not sent. */
  private final int status;

  private final String apiMessage;
  private final ApiRequest request;
  private final String hint;
  private final int attempts;
  private final int apiCode;
  private final java.time.Duration retryAfter;

  /** A 200 whose body broke off: worth another try, unlike a body that arrived whole but wrong. */
  private final boolean cutBody;

  ApiException(ApiRequest request, int status, String apiMessage, String hint, Throwable cause) {
    this(request, status, apiMessage, hint, 1, 0, null, false, cause);
  }

  ApiException(ApiRequest request, int status, ErrorBody body, java.time.Duration retryAfter) {
    this(
        request,
        status,
        body.message(),
        ErrorHints.forStatus(status, request),
        1,
        body.code(),
        retryAfter,
        false,
        null);
  }

  /** A successful response whose body broke off ({@code what} says how); transient. */
  static ApiException cutBody(ApiRequest request, String what, Throwable cause) {
    return new ApiException(
        request,
        200,
        what,
        "A network failure or an interrupted response cut the body short;" + " it was not used.",
        1,
        0,
        null,
        true,
        cause);
  }

  /** A request that was not sent at all ({@code why}); not transient. */
  static ApiException notSent(ApiRequest request, String why, String hint) {
    return new ApiException(request, -1, why, hint, 1, 0, null, false, null);
  }

  private ApiException(
      ApiRequest request,
      int status,
      String apiMessage,
      String hint,
      int attempts,
      int apiCode,
      java.time.Duration retryAfter,
      boolean cutBody,
      Throwable cause) {
    super(compose(request, status, apiMessage, hint, attempts), cause);
    this.cutBody = cutBody;
    this.status = status;
    this.apiMessage = apiMessage;
    this.request = request;
    this.hint = hint;
    this.attempts = attempts;
    this.apiCode = apiCode;
    this.retryAfter = retryAfter;
  }

  /** The same failure, reported as the last of {@code n} attempts, with advice on retries. */
  ApiException afterAttempts(int n, String retryAdvice) {
    return new ApiException(
        request,
        status,
        apiMessage,
        hint + " " + retryAdvice,
        n,
        apiCode,
        retryAfter,
        cutBody,
        getCause());
  }

  /** How long the API asked to wait (Retry-After / retry-after-ms), or null. */
  public java.time.Duration retryAfter() {
    return retryAfter;
  }

  /** True for the API's rate limit, whether sent as HTTP 429 or wrapped in a 400. */
  public boolean isRateLimited() {
    return status == 429 || (status == 400 && apiCode == 429);
  }

  public int status() {
    return status;
  }

  /** The API's own {@code error.message}, or a description of the transport failure. */
  public String apiMessage() {
    return apiMessage;
  }

  public ApiRequest request() {
    return request;
  }

  public int attempts() {
    return attempts;
  }

  /**
   * Worth another try: transport failures, 408, 429 and 5xx, and a 400 whose body carries one of
   * those codes (OpenRouter wraps transient upstream failures in a 400). 400, 401 and 403 are not.
   */
  boolean isTransient() {
    return cutBody
        || transientCode(status)
        || (status == 400 && apiCode != 0 && transientCode(apiCode));
  }

  private static boolean transientCode(int code) {
    return code == 0 || code == 408 || code == 429 || code >= 500;
  }

  private static String compose(
      ApiRequest request, int status, String apiMessage, String hint, int attempts) {
    String tries = attempts > 1 ? " after " + attempts + " attempts" : "";
    String outcome =
        switch (status) {
          case -1 -> " before it was sent: " + apiMessage;
          case 0 -> " with no response, a network failure (" + apiMessage + ")";
          case 200 -> ": " + apiMessage; // the exchange succeeded but its content is unusable
          default -> " with HTTP " + status + ": " + apiMessage;
        };
    return "OpenRouter API request " + request + " failed" + tries + outcome + ". " + hint;
  }
}
