package io.github.openrouterspark.emulator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Draws the marketplace subcategories of catalog apps, deterministic for a seed. */
final class AppTags {
  private static final long TAGS = 13;

  /** Relative chance of each subcategory being an app's primary tag. */
  private static final Map<String, Double> WEIGHTS = new LinkedHashMap<>();

  static {
    WEIGHTS.put("cli-agent", 14.0);
    WEIGHTS.put("ide-extension", 14.0);
    WEIGHTS.put("cloud-agent", 8.0);
    WEIGHTS.put("programming-app", 10.0);
    WEIGHTS.put("native-app-builder", 6.0);
    WEIGHTS.put("creative-writing", 6.0);
    WEIGHTS.put("video-gen", 2.0);
    WEIGHTS.put("image-gen", 4.0);
    WEIGHTS.put("audio-gen", 2.0);
    WEIGHTS.put("roleplay", 10.0);
    WEIGHTS.put("game", 4.0);
    WEIGHTS.put("writing-assistant", 6.0);
    WEIGHTS.put("general-chat", 10.0);
    WEIGHTS.put("personal-agent", 5.0);
    WEIGHTS.put("legal", 0.4);
  }

  private final long seed;

  AppTags(long seed) {
    this.seed = seed;
  }

  /** A primary subcategory drawn by weight among all of them. */
  String primary(long salt) {
    return weighted(Hashing.hash(seed, TAGS, salt), null);
  }

  /** {@code primary} and up to two more tags, mostly from the same category group. */
  List<String> tags(long salt, String primary) {
    List<String> tags = new ArrayList<>(List.of(primary));
    double u = Hashing.unit(Hashing.hash(seed, TAGS, salt, -1));
    int extra = u < 0.5 ? 0 : u < 0.85 ? 1 : 2;
    for (int k = 0; k < extra; k++) {
      long h = Hashing.hash(seed, TAGS, salt, k);
      String group = Hashing.unit(Hashing.mix(h)) < 0.7 ? Marketplace.categoryOf(primary) : null;
      String tag = weighted(h, group);
      if (!tags.contains(tag)) {
        tags.add(tag);
      }
    }
    return tags;
  }

  /** A subcategory drawn by {@link #WEIGHTS}, within {@code group} unless it is null. */
  private static String weighted(long hash, String group) {
    List<String> candidates =
        group == null ? Marketplace.SUBCATEGORIES : Marketplace.GROUPS.get(group);
    double total = candidates.stream().mapToDouble(WEIGHTS::get).sum();
    double pick = Hashing.unit(hash) * total;
    for (String candidate : candidates) {
      pick -= WEIGHTS.get(candidate);
      if (pick < 0) {
        return candidate;
      }
    }
    return candidates.get(candidates.size() - 1);
  }
}
