package io.github.openrouterspark.emulator;

import java.time.Duration;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * A failure the emulator injects instead of (or before) a request's normal answer; scheduled
 * through {@link FaultInjector}. The kinds are the transient failures a client of the real API
 * meets and must survive or report: error statuses, errors wrapped in a 400, slowness, a dropped
 * connection and a body cut short.
 *
 * <p>Faults, except {@link Slow} and {@link EditedBody}, replace the endpoint and so consume no
 * rate-limit quota.
 */
public sealed interface Fault
    permits Fault.Status,
        Fault.Wrapped400,
        Fault.Slow,
        Fault.ConnectionReset,
        Fault.TruncatedBody,
        Fault.ShortBody,
        Fault.Redirect,
        Fault.EditedBody {

  /**
   * An error answer with HTTP status {@code code} (400-599) and the documented error body, {@code
   * {"error":{"code":code,"message":...,"metadata":null}}}, without any retry hint. A {@code 429}
   * here is the bare documented one: no {@code Retry-After}, no {@code X-RateLimit-*}.
   */
  static Fault status(int code) {
    return new Status(code, null);
  }

  /**
   * Like {@link #status(int)}, plus a retry hint of {@code retryAfter} in the emulator's current
   * {@link RetryAfterFlavour} (none if that is {@code NONE}). OpenRouter documents such hints for
   * 429 and 503.
   */
  static Fault status(int code, Duration retryAfter) {
    return new Status(code, Objects.requireNonNull(retryAfter, "retryAfter"));
  }

  /**
   * HTTP 400 whose JSON {@code error.code} is {@code innerCode} (e.g. 429, 502), the way OpenRouter
   * can wrap a transient upstream failure; the OpenRouter Python SDK retries these.
   */
  static Fault wrapped400(int innerCode) {
    return new Wrapped400(innerCode);
  }

  /** Waits {@code delay} (real time, not the emulator clock) before answering normally. */
  static Fault slow(Duration delay) {
    return new Slow(delay);
  }

  /**
   * Closes the connection without sending any response byte (an orderly close, not a TCP RST, which
   * the JDK server cannot send). Clients may hide it: for a GET, the JDK {@code HttpClient} and
   * {@code HttpURLConnection} silently resend once, and OkHttp with {@code
   * retryOnConnectionFailure} resends up to twice when the connection came from its pool. The
   * {@link RequestLog} shows every attempt; fault as many requests as the client must see fail.
   */
  static Fault connectionReset() {
    return new ConnectionReset();
  }

  /**
   * Sends the normal status and headers, then the first half of the normal body (cut mid-JSON),
   * then closes the connection before the final chunk of the chunked encoding: a client must fail,
   * never take the half for a complete (short) answer. The normal body is computed without using
   * the client's quota.
   */
  static Fault truncatedBody() {
    return new TruncatedBody();
  }

  /**
   * Sends the normal status and the first half of the normal body (cut mid-JSON) as a complete
   * response: its {@code Content-Length} is the half's. A client sees what a body without any
   * framing (ended by closing the connection) looks like when it is cut: a clean end of stream, so
   * only the JSON shows that the body is short.
   */
  static Fault shortBody() {
    return new ShortBody();
  }

  /**
   * HTTP 302 back to the very URL requested, so a client that follows redirects loops. A client
   * must not follow it unseen: every request it sends counts against the key's rate limit.
   */
  static Fault redirectLoop() {
    return new Redirect();
  }

  /**
   * The normal answer (which uses the quota as usual), with its JSON body text changed by {@code
   * edit}: a server that answers wrongly, e.g. a {@code meta} narrower than the request.
   */
  static Fault editedBody(UnaryOperator<String> edit) {
    return new EditedBody(edit);
  }

  /** See {@link #status(int)}; {@code retryAfter} is {@code null} for no hint. */
  record Status(int code, Duration retryAfter) implements Fault {
    public Status {
      errorCode(code, "status");
      if (retryAfter != null && (retryAfter.isNegative() || retryAfter.isZero())) {
        throw new IllegalArgumentException("retryAfter must be positive, got " + retryAfter);
      }
    }
  }

  /** See {@link #wrapped400(int)}. */
  record Wrapped400(int innerCode) implements Fault {
    public Wrapped400 {
      errorCode(innerCode, "innerCode");
    }
  }

  /** See {@link #slow(Duration)}. */
  record Slow(Duration delay) implements Fault {
    public Slow {
      Objects.requireNonNull(delay, "delay");
      if (delay.isNegative()) {
        throw new IllegalArgumentException("delay must not be negative, got " + delay);
      }
    }
  }

  /** See {@link #shortBody()}. */
  record ShortBody() implements Fault {}

  /** See {@link #redirectLoop()}. */
  record Redirect() implements Fault {}

  /** See {@link #editedBody(UnaryOperator)}. */
  record EditedBody(UnaryOperator<String> edit) implements Fault {
    public EditedBody {
      Objects.requireNonNull(edit, "edit");
    }
  }

  /** See {@link #connectionReset()}. */
  record ConnectionReset() implements Fault {}

  /** See {@link #truncatedBody()}. */
  record TruncatedBody() implements Fault {}

  private static void errorCode(int code, String name) {
    if (code < 400 || code > 599) {
      throw new IllegalArgumentException(name + " must be an error status 400-599, got " + code);
    }
  }
}
