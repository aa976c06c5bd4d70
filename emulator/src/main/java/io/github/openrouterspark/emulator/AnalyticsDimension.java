package io.github.openrouterspark.emulator;

import java.util.Locale;
import java.util.function.Function;

/**
 * The dimensions of {@code /analytics/meta} and {@code /analytics/query}, in docs/api-contract.md
 * §4 order: six over any range, seven that need the raw generations table and so at most 31 days.
 *
 * <p>{@link #key} is the underlying value that groups, filters and sorts: a {@link Long} for {@code
 * app} and {@code api_key_id}, else a String; {@code null} for an unset value ({@code app}, {@code
 * origin} and {@code external_user} have unset buckets). Rows show labels instead for {@code
 * api_key_id} (key name), {@code app} (app title), {@code workspace} (name) and {@code user}
 * (display name, plus a {@code user_email} column), as the real API does; filters take the ids.
 */
enum AnalyticsDimension {
  MODEL("Model", false, false, Generation::model),
  VARIANT("Variant", false, false, Generation::variant),
  API_KEY_ID("API Key", false, true, g -> g.apiKeyId()),
  USER("User", false, false, Generation::userId),
  WORKSPACE("Workspace", false, false, Generation::workspaceId),
  APP("App", false, true, Generation::appId),
  GENERATION_ID("Generation ID", true, false, Generation::id),
  PROVIDER("Provider", true, false, Generation::provider),
  ORIGIN("Origin", true, false, Generation::origin),
  COUNTRY("Country", true, false, Generation::country),
  FINISH_REASON("Finish Reason", true, false, Generation::finishReason),
  EXTERNAL_USER("External User", true, false, Generation::externalUser),
  CONTEXT_LENGTH_BUCKET("Context Length", true, false, Generation::contextLengthBucket);

  private final String label;
  private final boolean generationsOnly;
  private final boolean numericId;
  private final Function<Generation, Object> key;

  AnalyticsDimension(
      String label, boolean generationsOnly, boolean numericId, Function<Generation, Object> key) {
    this.label = label;
    this.generationsOnly = generationsOnly;
    this.numericId = numericId;
    this.key = key;
  }

  String dimensionName() {
    return name().toLowerCase(Locale.ROOT);
  }

  String label() {
    return label;
  }

  /** Limited to 31-day windows, like everything that needs the raw generations table. */
  boolean generationsOnly() {
    return generationsOnly;
  }

  /** Whether filter values are numeric ids ({@code app}, {@code api_key_id}). */
  boolean numericId() {
    return numericId;
  }

  /** The underlying value: Long for numeric ids, else String; null when unset. */
  Object key(Generation generation) {
    return key.apply(generation);
  }

  static AnalyticsDimension byName(String name) {
    for (AnalyticsDimension dimension : values()) {
      if (dimension.dimensionName().equals(name)) {
        return dimension;
      }
    }
    return null;
  }
}
