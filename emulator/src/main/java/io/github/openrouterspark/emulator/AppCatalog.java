package io.github.openrouterspark.emulator;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
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
 *   <li>Slots 1, 7, 13, ... hold the {@link AppNames#SPECIAL_NAMES}, which exercise escaping:
 *       non-Latin scripts, emoji with surrogate pairs and ZWJ sequences, quotes, backslashes,
 *       commas, markup, the text {@code null}, and one display name shared by two apps.
 *   <li>Slot 3 has app id 2<sup>53</sup>+1, which a client parsing JSON numbers as doubles silently
 *       turns into 2<sup>53</sup>; about a sixth of the other ids exceed 2<sup>31</sup>.
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

  private static final int DOUBLE_UNSAFE_SLOT = 3;
  private static final Map<Integer, Integer> TWIN_OF = Map.of(11, 10, 42, 41);
  private static final int ROUND_ROBIN_FROM = 150;

  // Salts keep the independent random choices apart; names, tags and profiles have their own.
  private static final long ID = 11;
  private static final long HIDDEN = 16;
  private static final long ALIAS = 17;

  private final long seed;
  private final AppNames names;
  private final AppTags tags;
  private final AppProfiles profiles;
  private final List<AppSpec> apps;
  private final Map<Long, Integer> indexById;
  private final Set<Long> ids = new HashSet<>();

  AppCatalog(long seed) {
    this.seed = seed;
    this.names = new AppNames(seed);
    this.tags = new AppTags(seed);
    this.profiles = new AppProfiles(seed);
    List<AppSpec> all = new ArrayList<>();
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
      String name = names.generated(slot, original.subcategories().get(0));
      return new AppSpec(
          appId,
          name,
          original.subcategories(),
          AppSpec.Visibility.VISIBLE,
          appId,
          original.profile(),
          original.avgTokensPerRequest());
    }
    AppNames.SpecialName special = AppNames.special(slot);
    String primary;
    if (special != null) {
      primary = special.subcategory();
    } else if (slot >= ROUND_ROBIN_FROM
        && slot < ROUND_ROBIN_FROM + 2 * Marketplace.SUBCATEGORIES.size()) {
      primary =
          Marketplace.SUBCATEGORIES.get(
              (slot - ROUND_ROBIN_FROM) % Marketplace.SUBCATEGORIES.size());
    } else {
      primary = tags.primary(slot);
    }
    List<String> appTags = tags.tags(slot, primary);
    String name = special != null ? special.name() : names.generated(slot, primary);
    String group = Marketplace.categoryOf(primary);
    AppProfile profile =
        profiles.profile(slot, AppProfiles.baseVolume(slot), group, AppProfiles.Kind.APP);
    return new AppSpec(
        appId,
        name,
        appTags,
        AppSpec.Visibility.VISIBLE,
        appId,
        profile,
        profiles.requestSize(slot, group));
  }

  private AppSpec hidden(int i) {
    long salt = 1_000 + i;
    long h = Hashing.hash(seed, HIDDEN, i);
    String primary = tags.primary(salt);
    String group = Marketplace.categoryOf(primary);
    long appId = drawId(salt);
    // The first hidden app is the giant, so leaking hidden apps would be obvious.
    AppProfile profile =
        i == 0
            ? profiles.giant(salt)
            : profiles.profile(
                salt,
                AppProfiles.baseVolume((int) ((h >>> 1) % VISIBLE_APPS)),
                group,
                AppProfiles.Kind.APP);
    return new AppSpec(
        appId,
        "Private " + names.generated(salt, primary),
        tags.tags(salt, primary),
        AppSpec.Visibility.HIDDEN,
        appId,
        profile,
        profiles.requestSize(salt, group));
  }

  private AppSpec alias(int i, AppSpec canonical) {
    long salt = 2_000 + i;
    double share = 0.2 + 0.6 * Hashing.unit(Hashing.hash(seed, ALIAS, i));
    // Even aliases still send traffic (a second URL of the app); odd ones are old names, retired.
    AppProfile profile =
        profiles.profile(
            salt,
            canonical.profile().base() * share,
            Marketplace.categoryOf(canonical.subcategories().get(0)),
            i % 2 == 0 ? AppProfiles.Kind.ACTIVE_ALIAS : AppProfiles.Kind.RETIRED_ALIAS);
    return new AppSpec(
        drawId(salt),
        canonical.name() + " (legacy)",
        canonical.subcategories(),
        AppSpec.Visibility.ALIAS,
        canonical.appId(),
        profile,
        canonical.avgTokensPerRequest());
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
}
