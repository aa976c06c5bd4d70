package io.github.openrouterspark.emulator;

import java.util.Map;

/** The accepted API keys and the account each belongs to; several keys may share an account. */
final class ApiKeys {
  private final Map<String, String> accountByKey;

  ApiKeys(Map<String, String> accountByKey) {
    this.accountByKey = Map.copyOf(accountByKey);
  }

  /** The account of {@code key}, or {@code null} when the key is missing or unknown. */
  String accountOf(String key) {
    return key == null ? null : accountByKey.get(key);
  }

  /**
   * The key of an {@code Authorization: Bearer <key>} header, or {@code null} when the header is
   * absent, uses another scheme or carries no key.
   */
  static String bearerKey(String authorization) {
    if (authorization == null) {
      return null;
    }
    String value = authorization.strip();
    int space = value.indexOf(' ');
    if (space < 0 || !value.substring(0, space).equalsIgnoreCase("Bearer")) {
      return null;
    }
    String key = value.substring(space + 1).strip();
    return key.isEmpty() ? null : key;
  }
}
