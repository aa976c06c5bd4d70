package io.github.openrouterspark.api;

/**
 * A request the API answered with an error, or that could not be completed. The message says what
 * was requested (never the key), what came back and what to do about it.
 */
public final class ApiException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** HTTP status, or 0 when no response was received. */
  private final int status;

  private final String apiMessage;
  private final ApiRequest request;
  private final String hint;
  private final int attempts;

  ApiException(ApiRequest request, int status, String apiMessage, String hint, Throwable cause) {
    this(request, status, apiMessage, hint, 1, cause);
  }

  private ApiException(
      ApiRequest request, int status, String apiMessage, String hint, int attempts, Throwable cause) {
    super(compose(request, status, apiMessage, hint, attempts), cause);
    this.status = status;
    this.apiMessage = apiMessage;
    this.request = request;
    this.hint = hint;
    this.attempts = attempts;
  }

  /** The same failure, reported as the last of {@code n} attempts. */
  ApiException afterAttempts(int n) {
    return new ApiException(request, status, apiMessage, hint, n, getCause());
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

  /** Server errors and transport failures may succeed when tried again; client errors will not. */
  boolean isTransient() {
    return status == 0 || status == 408 || status >= 500;
  }

  private static String compose(
      ApiRequest request, int status, String apiMessage, String hint, int attempts) {
    String tries = attempts > 1 ? " after " + attempts + " attempts" : "";
    String outcome = switch (status) {
      case 0 -> " with no response (" + apiMessage + ")";
      case 200 -> ": " + apiMessage; // the exchange succeeded but its content is unusable
      default -> " with HTTP " + status + ": " + apiMessage;
    };
    return "OpenRouter API request " + request + " failed" + tries + outcome + ". " + hint;
  }
}
