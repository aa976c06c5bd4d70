package io.github.openrouterspark.emulator;

import java.util.HashMap;
import java.util.Map;

/**
 * The accepted keys, the account each belongs to, and whether it is a management key. Several keys
 * may share an account. OpenRouter keeps the two kinds apart: inference keys call models and the
 * Data API, management keys administer the account and are the only keys the analytics endpoints
 * accept.
 */
final class ApiKeys {
  /** What a key grants: its account, and whether it is a management key. */
  record Grant(String account, boolean management) {}

  private final Map<String, Grant> grantByKey;

  /**
   * @param inference inference key to account
   * @param management management key to account; a key in both maps is a management key
   */
  ApiKeys(Map<String, String> inference, Map<String, String> management) {
    Map<String, Grant> grants = new HashMap<>();
    inference.forEach((key, account) -> grants.put(key, new Grant(account, false)));
    management.forEach((key, account) -> grants.put(key, new Grant(account, true)));
    this.grantByKey = Map.copyOf(grants);
  }

  /** The grant of {@code key}, or {@code null} when the key is missing or unknown. */
  Grant grantOf(String key) {
    return key == null ? null : grantByKey.get(key);
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
