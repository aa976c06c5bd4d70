package io.github.openrouterspark.emulator;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The display names of the app catalog: the {@link #SPECIAL_NAMES} that exercise escaping, and
 * generated "Prefix Suffix" names, unique within one catalog and deterministic for a seed.
 */
final class AppNames {
  private static final long NAME = 12;

  /** A display name and the subcategory of the app carrying it. */
  record SpecialName(String name, String subcategory) {}

  static final List<SpecialName> SPECIAL_NAMES =
      List.of(
          new SpecialName("🚀 Rocket Coder", "cli-agent"),
          new SpecialName("Café Nöir", "creative-writing"),
          new SpecialName("東京コーダー", "ide-extension"),
          new SpecialName("数据助手", "general-chat"),
          new SpecialName("\"Quoted\" Writer", "writing-assistant"),
          new SpecialName("Back\\slash Studio", "image-gen"),
          new SpecialName("Comma, Inc. Assistant", "personal-agent"),
          new SpecialName("O'Brien's Legal Desk", "legal"),
          new SpecialName("한국어 튜터", "general-chat"),
          new SpecialName("Pair 🧑‍💻 Programmer", "programming-app"),
          new SpecialName("<b>Bold</b> & Co", "native-app-builder"),
          new SpecialName("مساعد الكتابة", "writing-assistant"),
          new SpecialName("Ｆｕｌｌｗｉｄｔｈ Ｇａｍｅｓ", "game"),
          new SpecialName("Дракон Roleplay", "roleplay"),
          new SpecialName("naïve résumé builder", "writing-assistant"),
          new SpecialName("C:\\Users\\agent", "cloud-agent"),
          new SpecialName("Semi;colon|Pipe", "video-gen"),
          new SpecialName("100% Audio {Beats}", "audio-gen"),
          new SpecialName("AI Chat", "general-chat"),
          new SpecialName("AI Chat", "roleplay"),
          new SpecialName("𝔉𝔯𝔞𝔨𝔱𝔲𝔯 Tales", "creative-writing"),
          new SpecialName("null", "game"),
          new SpecialName("Ünïcödé Ümlaut Chat", "general-chat"),
          new SpecialName("\\\"Escaped\\\" Agent", "cli-agent"));

  private static final List<String> PREFIXES =
      List.of(
          "Nova", "Quill", "Pixel", "Echo", "Lumen", "Atlas", "Orbit", "Cobalt", "Ember", "Sage",
          "Drift", "Vertex", "Nimbus", "Quartz", "Tidal", "Aurora", "Brisk", "Cedar", "Delta",
          "Fable", "Glyph", "Harbor", "Iris", "Juno", "Kite", "Lark", "Mosaic", "Nook", "Onyx",
          "Prism", "Raven", "Sonic", "Terra", "Umbra", "Vivid", "Willow", "Xeno", "Yonder",
          "Zephyr", "Maple");

  private static final Map<String, List<String>> SUFFIXES =
      Map.of(
          "coding",
              List.of(
                  "Code", "Dev", "Agent", "CLI", "IDE", "Build", "Stack", "Forge", "Pilot",
                  "Commit"),
          "creative", List.of("Studio", "Canvas", "Muse", "Story", "Frames", "Sound", "Ink"),
          "productivity", List.of("Assist", "Notes", "Mail", "Desk", "Flow", "Brief", "Counsel"),
          "entertainment", List.of("Tales", "Quest", "Play", "Realm", "Companion"));

  private final long seed;

  /** Names handed out so far; the special names are reserved from the start. */
  private final Set<String> generatedNames = new HashSet<>();

  AppNames(long seed) {
    this.seed = seed;
    SPECIAL_NAMES.forEach(s -> generatedNames.add(s.name()));
  }

  /** The special name of visible slots 1, 7, 13, ..., or null for every other slot. */
  static SpecialName special(int slot) {
    if (slot < 1 || (slot - 1) % 6 != 0 || (slot - 1) / 6 >= SPECIAL_NAMES.size()) {
      return null;
    }
    return SPECIAL_NAMES.get((slot - 1) / 6);
  }

  /** A name not handed out before, with a suffix fitting the category of {@code primary}. */
  String generated(long salt, String primary) {
    List<String> suffixes = SUFFIXES.get(Marketplace.categoryOf(primary));
    for (long attempt = 0; ; attempt++) {
      long h = Hashing.hash(seed, NAME, salt, attempt);
      String name =
          PREFIXES.get((int) ((h >>> 1) % PREFIXES.size()))
              + " "
              + suffixes.get((int) ((Hashing.mix(h) >>> 1) % suffixes.size()));
      if (attempt >= 8) {
        name += " " + (attempt - 6);
      }
      if (generatedNames.add(name)) {
        return name;
      }
    }
  }
}
