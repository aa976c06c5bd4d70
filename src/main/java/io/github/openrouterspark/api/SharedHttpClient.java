package io.github.openrouterspark.api;

import java.time.Duration;
import okhttp3.OkHttpClient;

/**
 * One OkHttp client per JVM: every task on an executor shares its connection pool and threads.
 * Per-request timeouts derive a lightweight view with {@code newBuilder()}, which keeps sharing
 * the pool.
 */
final class SharedHttpClient {
  private static final OkHttpClient ROOT = new OkHttpClient.Builder().retryOnConnectionFailure(true).build();

  private SharedHttpClient() {}

  static OkHttpClient with(Duration connectTimeout, Duration readTimeout) {
    return ROOT.newBuilder().connectTimeout(connectTimeout).readTimeout(readTimeout).build();
  }
}
