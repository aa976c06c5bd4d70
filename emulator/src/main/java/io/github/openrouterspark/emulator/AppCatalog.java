package io.github.openrouterspark.emulator;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The synthetic apps marketplace behind {@code GET /datasets/app-rankings}, deterministic for a
 * seed: {@value #VISIBLE_APPS} visible apps, {@value #HIDDEN_APPS} hidden or private apps the API
 * never lists (one of them among the busiest apps of all), and {@value #ALIASES} aliases whose
 * traffic is merged into a visible app (half of them still active, half retired old names).
 *
 * <p>Visible apps are generated in popularity slots: slot 0 gets the largest base volume, and the
 * base falls off as a power law with an exponential cutoff. Their actual ranking on a given window
 * also depends on each app's launch date, trend and noise. Some slots are fixed:
 *
 * <ul>
 *   <li>Slots 1, 7, 13, ... hold the {@link #SPECIAL_NAMES}, which exercise escaping: non-Latin
 *       scripts, emoji with surrogate pairs and ZWJ sequences, quotes, backslashes, commas,
 *       markup, the text {@code null}, and one display name shared by two apps.
 *   <li>Slot 3 has app id 2<sup>53</sup>+1, which a client parsing JSON numbers as doubles
 *       silently turns into 2<sup>53</sup>; about a sixth of the other ids exceed 2<sup>31</sup>.
 *   <li>Slots 11 and 42 are twins of slots 10 and 41: same tags and volume on every day, so the
 *       pairs tie exactly in every window and the tie-break by app id decides their order.
 *   <li>Slots 150-179 cycle through the 15 subcategories, so each has at least two visible apps;
 *       {@code legal} stays small, so its pages are short.
 * </ul>
 */
final class AppCatalog {
  static final int VISIBLE_APPS = 300;
  static final int HIDDEN_APPS = 18;
  static final int ALIASES = 10;
  /** Above 2^53: the first integer a JSON parser that reads numbers as doubles gets wrong. */
  static final long DOUBLE_UNSAFE_ID = (1L << 53) + 1;

  private static final double TOP_VOLUME = 6e10;
  private static final int DOUBLE_UNSAFE_SLOT = 3;
  private static final Map<Integer, Integer> TWIN_OF = Map.of(11, 10, 42, 41);
  private static final int ROUND_ROBIN_FROM = 150;
  private static final LocalDate EARLIEST_LAUNCH = LocalDate.of(2023, 6, 1);

  // Salts keep the independent random choices apart.
  private static final long ID = 11;
  private static final long NAME = 12;
  private static final long TAGS = 13;
  private static final long PROFILE = 14;
  private static final long REQUEST_SIZE = 15;
  private static final long HIDDEN = 16;
  private static final long ALIAS = 17;

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

  private static final List<String> PREFIXES =
      List.of(
          "Nova", "Quill", "Pixel", "Echo", "Lumen", "Atlas", "Orbit", "Cobalt", "Ember", "Sage",
          "Drift", "Vertex", "Nimbus", "Quartz", "Tidal", "Aurora", "Brisk", "Cedar", "Delta",
          "Fable", "Glyph", "Harbor", "Iris", "Juno", "Kite", "Lark", "Mosaic", "Nook", "Onyx",
          "Prism", "Raven", "Sonic", "Terra", "Umbra", "Vivid", "Willow", "Xeno", "Yonder",
          "Zephyr", "Maple");

  private static final Map<String, List<String>> SUFFIXES =
      Map.of(
          "coding", List.of("Code", "Dev", "Agent", "CLI", "IDE", "Build", "Stack", "Forge", "Pilot", "Commit"),
          "creative", List.of("Studio", "Canvas", "Muse", "Story", "Frames", "Sound", "Ink"),
          "productivity", List.of("Assist", "Notes", "Mail", "Desk", "Flow", "Brief", "Counsel"),
          "entertainment", List.of("Tales", "Quest", "Play", "Realm", "Companion"));

  private final long seed;
  private final List<AppSpec> apps;
  private final Map<Long, Integer> indexById;
  private final Set<Long> ids = new HashSet<>();
  private final Set<String> generatedNames = new HashSet<>();

  AppCatalog(long seed) {
    this.seed = seed;
    List<AppSpec> all = new ArrayList<>();
    SPECIAL_NAMES.forEach(s -> generatedNames.add(s.name()));
    ids.add(DOUBLE_UNSAFE_ID);
    for (int slot = 0; slot < VISIBLE_APPS; slot++) {
      all.add(visible(slot, all));
    }
    for (int i = 0; i < HIDDEN_APPS; i++) {
      all.add(hidden(i));
    }
    List<Integer> canonicalSlots = aliasTargets();
    for (int i = 0; i < ALIASES; i++) {
      all.add(alias(i, all.get(canonicalSlots.get(i))));
    }
    this.apps = List.copyOf(all);
    Map<Long, Integer> index = new HashMap<>();
    for (int i = 0; i < apps.size(); i++) {
      index.put(apps.get(i).appId(), i);
    }
    this.indexById = Collections.unmodifiableMap(index);
  }

  /** Visible apps by popularity slot, then hidden apps, then aliases. */
  List<AppSpec> apps() {
    return apps;
  }

  /** The catalog index of {@code appId}, or -1. */
  int indexOf(long appId) {
    return indexById.getOrDefault(appId, -1);
  }

  private AppSpec visible(int slot, List<AppSpec> before) {
    long appId = slot == DOUBLE_UNSAFE_SLOT ? DOUBLE_UNSAFE_ID : drawId(slot);
    Integer twinOf = TWIN_OF.get(slot);
    if (twinOf != null) {
      AppSpec original = before.get(twinOf);
      String name = generatedName(slot, original.subcategories().get(0));
      return new AppSpec(
          appId, name, original.subcategories(), AppSpec.Visibility.VISIBLE, appId,
          original.profile(), original.avgTokensPerRequest());
    }
    SpecialName special = special(slot);
    String primary;
    if (special != null) {
      primary = special.subcategory();
    } else if (slot >= ROUND_ROBIN_FROM && slot < ROUND_ROBIN_FROM + 2 * Marketplace.SUBCATEGORIES.size()) {
      primary = Marketplace.SUBCATEGORIES.get((slot - ROUND_ROBIN_FROM) % Marketplace.SUBCATEGORIES.size());
    } else {
      primary = weighted(Hashing.hash(seed, TAGS, slot), null);
    }
    List<String> tags = tags(slot, primary);
    String name = special != null ? special.name() : generatedName(slot, primary);
    String group = Marketplace.categoryOf(primary);
    AppProfile profile = profile(slot, baseVolume(slot), group, Kind.APP);
    return new AppSpec(
        appId, name, tags, AppSpec.Visibility.VISIBLE, appId, profile, requestSize(slot, group));
  }

  private AppSpec hidden(int i) {
    long salt = 1_000 + i;
    long h = Hashing.hash(seed, HIDDEN, i);
    String primary = weighted(Hashing.hash(seed, TAGS, salt), null);
    String group = Marketplace.categoryOf(primary);
    long appId = drawId(salt);
    // The first hidden app is an old, steadily growing giant that out-trades the visible apps,
    // so leaking it would be obvious.
    AppProfile profile =
        i == 0
            ? new AppProfile(
                Hashing.hash(seed, PROFILE, salt), 2 * TOP_VOLUME, EARLIEST_LAUNCH, null, 10,
                LocalDate.of(2026, 1, 1), 0.004, 0.004, 0.1)
            : profile(salt, baseVolume((int) ((h >>> 1) % VISIBLE_APPS)), group, Kind.APP);
    return new AppSpec(
        appId, "Private " + generatedName(salt, primary), tags(salt, primary),
        AppSpec.Visibility.HIDDEN, appId, profile, requestSize(salt, group));
  }

  private AppSpec alias(int i, AppSpec canonical) {
    long salt = 2_000 + i;
    double share = 0.2 + 0.6 * Hashing.unit(Hashing.hash(seed, ALIAS, i));
    // Even aliases still send traffic (a second URL of the app); odd ones are old names, retired.
    AppProfile profile =
        profile(
            salt, canonical.profile().base() * share, Marketplace.categoryOf(canonical.subcategories().get(0)),
            i % 2 == 0 ? Kind.ACTIVE_ALIAS : Kind.RETIRED_ALIAS);
    return new AppSpec(
        drawId(salt), canonical.name() + " (legacy)", canonical.subcategories(), AppSpec.Visibility.ALIAS,
        canonical.appId(), profile, canonical.avgTokensPerRequest());
  }

  /** Distinct popular slots that get an alias; never a twin, so the twins stay tied. */
  private List<Integer> aliasTargets() {
    List<Integer> targets = new ArrayList<>();
    for (long attempt = 0; targets.size() < ALIASES; attempt++) {
      int slot = (int) ((Hashing.hash(seed, ALIAS, -1, attempt) >>> 1) % 100);
      if (!TWIN_OF.containsKey(slot) && !TWIN_OF.containsValue(slot) && !targets.contains(slot)) {
        targets.add(slot);
      }
    }
    return targets;
  }

  private static SpecialName special(int slot) {
    if (slot < 1 || (slot - 1) % 6 != 0 || (slot - 1) / 6 >= SPECIAL_NAMES.size()) {
      return null;
    }
    return SPECIAL_NAMES.get((slot - 1) / 6);
  }

  /** Mostly small ids; about 17% above 2^31 and 3% above 2^53. Unique. */
  private long drawId(long salt) {
    for (long attempt = 0; ; attempt++) {
      long h = Hashing.hash(seed, ID, salt, attempt);
      double u = Hashing.unit(h);
      long r = Hashing.mix(h) >>> 1;
      long id;
      if (u < 0.8) {
        id = 1_000 + r % 2_000_000;
      } else if (u < 0.97) {
        id = (1L << 31) + r % (1L << 40);
      } else {
        id = (1L << 53) + 2 + r % (1L << 20);
      }
      if (ids.add(id)) {
        return id;
      }
    }
  }

  private List<String> tags(long salt, String primary) {
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

  private String generatedName(long salt, String primary) {
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

  private static double baseVolume(int slot) {
    double share = (double) slot / VISIBLE_APPS;
    return TOP_VOLUME * StrictMath.pow(slot + 1, -1.05) * StrictMath.pow(10, -3 * share * share);
  }

  private enum Kind {
    APP,
    ACTIVE_ALIAS,
    RETIRED_ALIAS
  }

  /**
   * Per-app constants. About 55% of apps predate the dataset; the rest launch between 2025-01-01
   * and mid-2027, so there are fresh launches whenever the clock is. One in twenty shuts down. The trend pivots once, so an app can rise then fade,
   * or the reverse. Aliases predate the dataset; retired ones stop during it.
   */
  private AppProfile profile(long salt, double base, String group, Kind kind) {
    double[] u = new double[9];
    for (int k = 0; k < u.length; k++) {
      u[k] = Hashing.unit(Hashing.hash(seed, PROFILE, salt, k));
    }
    LocalDate launched;
    LocalDate retired = null;
    if (kind != Kind.APP) {
      launched = EARLIEST_LAUNCH.plusDays((long) (u[1] * 500));
      if (kind == Kind.RETIRED_ALIAS) {
        retired = SyntheticMarket.FIRST_DAY.plusDays(30 + (long) (u[3] * 400));
      }
    } else {
      launched =
          u[0] < 0.55
              ? EARLIEST_LAUNCH.plusDays((long) (u[1] * 579))
              : SyntheticMarket.FIRST_DAY.plusDays((long) (u[1] * 900));
      if (u[2] < 0.05) {
        retired = launched.plusDays(60 + (long) (u[3] * 340));
      }
    }
    double weekendDip =
        switch (group) {
          case "coding" -> 0.25 + 0.2 * u[8];
          case "entertainment" -> -0.2 + 0.2 * u[8];
          default -> 0.05 + 0.25 * u[8];
        };
    return new AppProfile(
        Hashing.hash(seed, PROFILE, salt),
        base,
        launched,
        retired,
        3 + 37 * u[4],
        SyntheticMarket.FIRST_DAY.plusDays(59 + (long) (u[5] * 550)),
        -0.002 + 0.010 * u[6],
        -0.009 + 0.018 * u[7],
        weekendDip);
  }

  /** Coding agents send long contexts, chat apps short ones. */
  private long requestSize(long salt, String group) {
    double u = Hashing.unit(Hashing.hash(seed, REQUEST_SIZE, salt));
    double[] range =
        switch (group) {
          case "coding" -> new double[] {6_000, 60_000};
          case "creative" -> new double[] {800, 5_000};
          case "entertainment" -> new double[] {2_500, 16_000};
          default -> new double[] {1_200, 12_000};
        };
    return Math.round(range[0] * StrictMath.pow(range[1] / range[0], u));
  }
}
