package io.github.openrouterspark.emulator;

import java.util.LinkedHashMap;
import java.util.Map;

/** Maps (method, path) to endpoints; unknown paths give 404 and other methods 405. */
final class Router {
  private final Map<String, Map<String, Endpoint>> byPath = new LinkedHashMap<>();

  Router add(String method, String path, Endpoint endpoint) {
    byPath.computeIfAbsent(path, p -> new LinkedHashMap<>()).put(method, endpoint);
    return this;
  }

  Endpoint resolve(String method, String path) throws RequestRejected {
    Map<String, Endpoint> byMethod = byPath.get(path);
    if (byMethod == null) {
      throw new RequestRejected(ApiError.notFound(path));
    }
    Endpoint endpoint = byMethod.get(method);
    if (endpoint == null) {
      throw new RequestRejected(
          ApiError.methodNotAllowed(method, path, String.join(", ", byMethod.keySet())));
    }
    return endpoint;
  }
}
