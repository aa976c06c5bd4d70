package io.github.openrouterspark.emulator;

/** One API operation behind the {@link Router}, reached only with a valid API key. */
@FunctionalInterface
interface Endpoint {
  Reply handle(EmulatorRequest request) throws RequestRejected;

  /**
   * The same operation without its rate limit, for a {@link Fault.TruncatedBody}: it sends a normal
   * body, cut short, and an injected fault must not use the client's quota.
   */
  default Endpoint withoutQuota() {
    return this;
  }
}
