package io.github.openrouterspark.emulator;

import java.util.ArrayList;
import java.util.List;

/**
 * The roles an account's API keys play (a batch pipeline, a chatbot, a coding agent, ...) and the
 * {@link KeyHabits} each role gives its key: which vendors and apps it uses, when its traffic peaks
 * and how large its requests are.
 */
final class KeyRoles {
  /** UTC offsets, in hours, of each country's main business region. */
  private static final int[] UTC_OFFSETS = {
    -6, 5, 1, 0, 1, -3, -5, 9, 9, 8, 1, 10, 1, 1, 2, 3, -6, 7, 7, 1, 1, 1
  };

  private static final List<String> VENDORS =
      List.of(
          "openai",
          "anthropic",
          "google",
          "meta-llama",
          "mistralai",
          "qwen",
          "deepseek",
          "x-ai",
          "moonshotai",
          "z-ai",
          "minimax");

  private final SeededDraws draws;
  private final String account;

  KeyRoles(SeededDraws draws, String account) {
    this.draws = draws;
    this.account = account;
  }

  record Role(String name, KeyHabits.Kind kind, double daily) {}

  static final List<Role> ALWAYS =
      List.of(
          new Role("batch-pipeline", KeyHabits.Kind.BATCH, 420),
          new Role("prod-chatbot", KeyHabits.Kind.CHAT, 380),
          new Role("dev-laptop", KeyHabits.Kind.DEV, 25),
          new Role("coding-agent", KeyHabits.Kind.AGENT, 260));

  static final List<Role> OPTIONAL =
      List.of(
          new Role("support-bot", KeyHabits.Kind.SUPPORT, 220),
          new Role("eval-harness", KeyHabits.Kind.EVAL, 60),
          new Role("Research notebook", KeyHabits.Kind.RESEARCH, 15),
          new Role("mobile-app (iOS)", KeyHabits.Kind.CHAT, 150),
          new Role("data-labeling", KeyHabits.Kind.BATCH, 200),
          new Role("staging", KeyHabits.Kind.CHAT, 20));

  KeyHabits habits(int k, Role role, AppCatalog apps) {
    double u = draws.draw(AnalyticsOrg.KEYS, k, 10);
    String home =
        AnalyticsOrg.COUNTRIES.get(
            AnalyticsOrg.weighted(
                draws.draw(AnalyticsOrg.KEYS, k, 11), AnalyticsOrg.COUNTRY_WEIGHTS));
    int localPeak = 14;
    int peak = Math.floorMod(localPeak - UTC_OFFSETS[AnalyticsOrg.COUNTRIES.indexOf(home)], 24);
    List<String> vendors = new ArrayList<>();
    int vendorCount = 2 + (int) (draws.draw(AnalyticsOrg.KEYS, k, 12) * 2);
    for (int i = 0; vendors.size() < vendorCount && i < 32; i++) {
      String vendor = VENDORS.get((int) (draws.draw(AnalyticsOrg.KEYS, k, 13, i) * VENDORS.size()));
      if (!vendors.contains(vendor)) {
        vendors.add(vendor);
      }
    }
    String site = "https://" + AnalyticsOrg.slug(account) + ".example";
    double daily = role.daily() * (0.6 + 0.8 * u);
    return switch (role.kind()) {
      case BATCH ->
          new KeyHabits(
              role.kind(),
              daily,
              vendors,
              null,
              0,
              null,
              0,
              null,
              draws.draw(AnalyticsOrg.KEYS, k, 14) < 0.5 ? 0.6 : 0,
              0.2,
              0,
              home,
              2,
              400,
              20_000);
      case CHAT ->
          role.name().startsWith("mobile")
              ? new KeyHabits(
                  role.kind(),
                  daily,
                  vendors,
                  appAt(apps, 109),
                  1.0,
                  null,
                  0,
                  null,
                  0,
                  0.5,
                  0.002,
                  home,
                  peak,
                  200,
                  6_000)
              : new KeyHabits(
                  role.kind(),
                  daily,
                  vendors,
                  role.name().equals("staging") ? null : AppCatalog.DOUBLE_UNSAFE_ID,
                  0.7,
                  site + "/",
                  0.7,
                  role.name().equals("staging") ? null : "cust_",
                  0,
                  0.5,
                  0.003,
                  home,
                  peak,
                  200,
                  8_000);
      case SUPPORT ->
          new KeyHabits(
              role.kind(),
              daily,
              vendors,
              appAt(apps, 115),
              0.9,
              "https://support." + AnalyticsOrg.slug(account) + ".example/",
              0.9,
              "ticket-user-",
              0,
              0.4,
              0.04,
              home,
              peak,
              800,
              6_000);
      case AGENT ->
          new KeyHabits(
              role.kind(),
              daily,
              List.of("anthropic", "openai", "google", "x-ai"),
              appAt(apps, codingSlot(apps, k)),
              1.0,
              null,
              0,
              null,
              draws.draw(AnalyticsOrg.KEYS, k, 15) < 0.5 ? 0.3 : 0,
              0.8,
              0,
              home,
              peak,
              4_000,
              180_000);
      case DEV ->
          new KeyHabits(
              role.kind(),
              daily,
              List.of(),
              null,
              0,
              "http://localhost:3000/",
              0.5,
              null,
              0,
              0.2,
              0,
              home,
              Math.floorMod(peak + 3, 24),
              50,
              30_000);
      case EVAL ->
          new KeyHabits(
              role.kind(), daily, List.of(), null, 0, null, 0, null, 0, 0, 0, home, 9, 100, 12_000);
      case RESEARCH ->
          new KeyHabits(
              role.kind(),
              daily,
              vendors,
              null,
              0,
              "https://openrouter.ai/",
              0.6,
              null,
              0,
              0.3,
              0,
              home,
              peak,
              1_000,
              120_000);
    };
  }

  /** A visible coding app among the 40 most popular slots. */
  private int codingSlot(AppCatalog apps, int k) {
    List<Integer> slots = new ArrayList<>();
    for (int slot = 0; slot < 40; slot++) {
      if (apps.apps().get(slot).inCategory("coding")) {
        slots.add(slot);
      }
    }
    return slots.get((int) (draws.draw(AnalyticsOrg.KEYS, k, 16) * slots.size()));
  }

  private static Long appAt(AppCatalog apps, int slot) {
    return apps.apps().get(slot).appId();
  }
}
