package io.github.openrouterspark.api;

import java.io.Serializable;
import java.util.Objects;

/**
 * An OpenRouter API key. It is shipped to executors inside reader factories, so it must be
 * serializable; {@link #toString()} never reveals it, so it cannot leak through logs, plans or
 * exception messages that print the objects holding it.
 */
public final class ApiKey implements Serializable {
  private static final long serialVersionUID = 1L;

  private final String value;

  private ApiKey(String value) {
    this.value = value;
  }

  public static ApiKey of(String value) {
    Objects.requireNonNull(value, "value");
    if (value.isBlank()) {
      throw new IllegalArgumentException("An API key must not be blank");
    }
    return new ApiKey(value.strip());
  }

  /** The value for the {@code Authorization: Bearer} header; nothing else may call this. */
  String bearerToken() {
    return value;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ApiKey key && key.value.equals(value);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }

  @Override
  public String toString() {
    return "ApiKey[<hidden>]";
  }
}
