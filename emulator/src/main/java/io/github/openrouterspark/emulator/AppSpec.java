package io.github.openrouterspark.emulator;

import java.util.List;
import java.util.Objects;

/**
 * One app of the synthetic marketplace.
 *
 * @param appId the stable numeric id the API reports; unique across the catalog
 * @param name the public display name; not unique, and deliberately full of characters that need
 *     care in JSON, CSV and SQL
 * @param subcategories the 1-3 marketplace subcategories the app is tagged with; its category
 *     groups follow from them
 * @param visibility whether the API lists the app, hides it, or merges it into another
 * @param canonicalAppId for an {@link Visibility#ALIAS}, the visible app its traffic is merged
 *     into; otherwise the app's own id
 * @param profile how the app's daily token volume evolves
 * @param avgTokensPerRequest average prompt + completion tokens of one request
 */
record AppSpec(
    long appId,
    String name,
    List<String> subcategories,
    Visibility visibility,
    long canonicalAppId,
    AppProfile profile,
    long avgTokensPerRequest) {

  /** How the API treats an app. */
  enum Visibility {
    /** Listed in app-rankings. */
    VISIBLE,
    /** Hidden or private: its traffic exists but the API never lists it. */
    HIDDEN,
    /** A related app (e.g. an old name) whose traffic counts for its canonical visible app. */
    ALIAS
  }

  AppSpec {
    Objects.requireNonNull(name, "name");
    subcategories = List.copyOf(subcategories);
    Objects.requireNonNull(visibility, "visibility");
    Objects.requireNonNull(profile, "profile");
    if (subcategories.isEmpty() || subcategories.size() > 3) {
      throw new IllegalArgumentException(name + ": an app has 1-3 subcategories");
    }
    if (visibility != Visibility.ALIAS && canonicalAppId != appId) {
      throw new IllegalArgumentException(name + ": only an alias has another canonical app");
    }
    if (avgTokensPerRequest < 1) {
      throw new IllegalArgumentException(name + ": avgTokensPerRequest must be positive");
    }
  }

  boolean visible() {
    return visibility == Visibility.VISIBLE;
  }

  /** True when the app is tagged with a subcategory of {@code category}'s group. */
  boolean inCategory(String category) {
    List<String> group = Marketplace.GROUPS.get(category);
    return subcategories.stream().anyMatch(group::contains);
  }
}
