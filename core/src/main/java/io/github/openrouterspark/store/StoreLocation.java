package io.github.openrouterspark.store;

import java.io.IOException;
import java.io.Serializable;

/**
 * Where a response store lives, in a form that travels to executors: each JVM opens its own {@link
 * StoreFiles} from it. {@code toString()} names the location for messages.
 */
public interface StoreLocation extends Serializable {
  StoreFiles open() throws IOException;
}
