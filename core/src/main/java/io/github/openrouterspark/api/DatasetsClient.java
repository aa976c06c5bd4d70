package io.github.openrouterspark.api;

/**
 * The former name of {@link OpenRouterClient}, kept while callers move to it: it sends analytics
 * requests too, so the name misled.
 *
 * @deprecated use {@link OpenRouterClient}
 */
@Deprecated
public final class DatasetsClient extends OpenRouterClient {
  public DatasetsClient(ClientSettings settings, ApiKey key) {
    super(settings, key);
  }

  public DatasetsClient(
      ClientSettings settings, TrafficSettings traffic, ApiKey key, CacheSettings cache) {
    super(settings, traffic, key, cache);
  }

  public DatasetsClient(
      ClientSettings settings,
      TrafficSettings traffic,
      ApiKey key,
      CacheSettings cache,
      String limiterScope) {
    super(settings, traffic, key, cache, limiterScope);
  }

  private DatasetsClient(DatasetsClient other, Cancellation cancellation) {
    super(other, cancellation);
  }

  @Override
  public DatasetsClient cancelledWhen(Cancellation cancelled) {
    return new DatasetsClient(this, cancelled);
  }
}
