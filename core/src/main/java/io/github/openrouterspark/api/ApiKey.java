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

  /**
   * Identifies the key in limiter maps, logs and the permit protocol without revealing it: the
   * first 16 hex digits of its SHA-256.
   */
  public String fingerprint() {
    try {
      byte[] digest =
          java.security.MessageDigest.getInstance("SHA-256")
              .digest(value.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      return java.util.HexFormat.of().formatHex(digest, 0, 8);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is always available", e);
    }
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
