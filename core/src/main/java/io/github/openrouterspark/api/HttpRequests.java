package io.github.openrouterspark.api;

import java.util.Objects;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;

/**
 * Turns an {@link ApiRequest} into the HTTP request one attempt sends: URL, method, body and
 * headers.
 */
final class HttpRequests {
  private static final MediaType JSON = MediaType.get("application/json");

  private final ClientSettings settings;
  private final ApiKey key;

  HttpRequests(ClientSettings settings, ApiKey key) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.key = Objects.requireNonNull(key, "key");
  }

  /**
   * @param followUp called before each follow-up OkHttp sends within the call (see {@link
   *     SharedHttpClient}), so that it takes a permit too
   */
  Request build(ApiRequest request, Runnable followUp) {
    Request.Builder builder =
        new Request.Builder()
            .url(HttpUrl.get(settings.baseUrl() + request.pathAndQuery()))
            .method(
                request.isPost() ? "POST" : "GET",
                request.isPost() ? RequestBody.create(request.body(), JSON) : null)
            .header("Authorization", "Bearer " + key.bearerToken())
            .header("User-Agent", ConnectorVersion.userAgent())
            .header("Accept", "application/json")
            .tag(SharedHttpClient.Attempts.class, new SharedHttpClient.Attempts(followUp));
    addIfSet(builder, "HTTP-Referer", settings.httpReferer());
    addIfSet(builder, "X-OpenRouter-Title", settings.appTitle());
    addIfSet(builder, "X-OpenRouter-Categories", settings.appCategories());
    return builder.build();
  }

  private static void addIfSet(Request.Builder builder, String header, String value) {
    if (value != null) {
      builder.header(header, value);
    }
  }
}
