package io.github.openrouterspark.emulator;

/**
 * Lets only management keys through, as the analytics endpoints do; an inference key gets the
 * spec's 403. It sits outside the endpoint's rate limit, so refused requests cost no quota.
 */
final class ManagementOnly implements Endpoint {
  private final Endpoint endpoint;

  ManagementOnly(Endpoint endpoint) {
    this.endpoint = endpoint;
  }

  @Override
  public Reply handle(EmulatorRequest request) throws RequestRejected {
    if (!request.management()) {
      throw new RequestRejected(ApiError.managementKeyRequired());
    }
    return endpoint.handle(request);
  }

  @Override
  public Endpoint withoutQuota() {
    return new ManagementOnly(endpoint.withoutQuota());
  }
}
