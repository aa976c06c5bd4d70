package io.github.openrouterspark.emulator;

import java.util.ArrayList;
import java.util.List;

/** Every request the emulator received, in arrival order. Thread-safe. */
public final class RequestLog {
  private final List<LoggedRequest> requests = new ArrayList<>();

  synchronized void add(LoggedRequest request) {
    requests.add(request);
  }

  /** A snapshot of all requests so far. */
  public synchronized List<LoggedRequest> all() {
    return List.copyOf(requests);
  }

  public synchronized int size() {
    return requests.size();
  }

  public synchronized void clear() {
    requests.clear();
  }

  /**
   * The requests whose path ends with {@code pathSuffix}, e.g. {@code "/datasets/rankings-daily"}.
   */
  public synchronized List<LoggedRequest> forPath(String pathSuffix) {
    return requests.stream().filter(r -> r.path().endsWith(pathSuffix)).toList();
  }
}
