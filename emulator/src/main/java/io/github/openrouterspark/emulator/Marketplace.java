package io.github.openrouterspark.emulator;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The apps marketplace taxonomy of {@code GET /datasets/app-rankings}: four category groups and
 * their fifteen subcategories, as OpenRouter's app-attribution docs list them (docs/api-contract.md
 * §8). The spec's {@code subcategory} enum has the same fifteen values in another order.
 */
final class Marketplace {
  static final Map<String, List<String>> GROUPS;

  static {
    Map<String, List<String>> groups = new LinkedHashMap<>();
    groups.put(
        "coding",
        List.of(
            "cli-agent", "ide-extension", "cloud-agent", "programming-app", "native-app-builder"));
    groups.put("creative", List.of("creative-writing", "video-gen", "image-gen", "audio-gen"));
    groups.put(
        "productivity", List.of("writing-assistant", "general-chat", "personal-agent", "legal"));
    groups.put("entertainment", List.of("roleplay", "game"));
    GROUPS = Collections.unmodifiableMap(groups);
  }

  /** The {@code category} enum, in the spec's order. */
  static final List<String> CATEGORIES = List.copyOf(GROUPS.keySet());

  /** The {@code subcategory} enum, in the spec's order. */
  static final List<String> SUBCATEGORIES =
      List.of(
          "cli-agent",
          "ide-extension",
          "cloud-agent",
          "programming-app",
          "native-app-builder",
          "creative-writing",
          "video-gen",
          "image-gen",
          "audio-gen",
          "roleplay",
          "game",
          "writing-assistant",
          "general-chat",
          "personal-agent",
          "legal");

  private Marketplace() {}

  /** The category group a subcategory belongs to. */
  static String categoryOf(String subcategory) {
    for (Map.Entry<String, List<String>> group : GROUPS.entrySet()) {
      if (group.getValue().contains(subcategory)) {
        return group.getKey();
      }
    }
    throw new IllegalArgumentException("Unknown subcategory: " + subcategory);
  }
}
