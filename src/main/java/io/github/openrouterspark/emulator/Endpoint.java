package io.github.openrouterspark.emulator;

/** One API operation behind the {@link Router}, reached only with a valid API key. */
@FunctionalInterface
interface Endpoint {
  Reply handle(EmulatorRequest request) throws RequestRejected;
}
