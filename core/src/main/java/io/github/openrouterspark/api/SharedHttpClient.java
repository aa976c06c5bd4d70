package io.github.openrouterspark.api;

import java.io.IOException;
import java.time.Duration;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;

/**
 * One OkHttp client per JVM: every task on an executor shares its connection pool and threads.
 * Per-request timeouts derive a lightweight view with {@code newBuilder()}, which keeps sharing the
 * pool.
 *
 * <p>OkHttp never sends a request on its own: it neither retries failed connections nor follows
 * redirects (a redirect comes back as the response), because every request must take a permit of
 * the key's rate limit and count in the metrics; the client's own retry loop does both. The few
 * follow-ups OkHttp still makes by itself (a 503 with {@code Retry-After: 0}, a 421) pass through
 * {@link #EVERY_ATTEMPT}, which makes them take a permit and count too.
 */
final class SharedHttpClient {
  /** Sees every request OkHttp puts on the wire, follow-ups included. */
  private static final Interceptor EVERY_ATTEMPT =
      chain -> {
        Attempts attempts = chain.request().tag(Attempts.class);
        if (attempts != null) {
          attempts.beforeSending();
        }
        return chain.proceed(chain.request());
      };

  private static final OkHttpClient ROOT =
      new OkHttpClient.Builder()
          .retryOnConnectionFailure(false)
          .followRedirects(false)
          .followSslRedirects(false)
          .addNetworkInterceptor(EVERY_ATTEMPT)
          .build();

  private SharedHttpClient() {}

  static OkHttpClient with(Duration connectTimeout, Duration readTimeout, Duration callTimeout) {
    return ROOT.newBuilder()
        .connectTimeout(connectTimeout)
        .readTimeout(readTimeout)
        .callTimeout(callTimeout)
        .build();
  }

  /**
   * Attached to a request as its tag: the first network attempt has its permit already, every
   * further one of the same call runs {@code followUp} (take a permit, count it) first.
   */
  static final class Attempts {
    private final Runnable followUp;
    private int sent;

    Attempts(Runnable followUp) {
      this.followUp = followUp;
    }

    void beforeSending() throws IOException {
      if (++sent > 1) {
        try {
          followUp.run();
        } catch (RuntimeException e) {
          throw new IOException(
              "OkHttp's own follow-up request was not sent: " + e.getMessage(), e);
        }
      }
    }
  }
}
