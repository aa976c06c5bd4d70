package io.github.openrouterspark.emulator;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * The synthetic organisation behind one account's analytics: its workspaces, users and API keys,
 * each key with its {@link KeyHabits}. Deterministic for (seed, account name). Every account has
 * a {@code batch-pipeline}, a {@code prod-chatbot}, a {@code dev-laptop} and a {@code
 * coding-agent} key from before 2025, plus one to five of the other roles, some created during the
 * log and one in five of those disabled again.
 *
 * <p>Labels exercise clients: a user without a display name, a user without an email, a
 * non-ASCII name; the {@code prod-chatbot} key's app id is 2<sup>53</sup>+1, which a client
 * reading JSON numbers as doubles corrupts; the {@code mobile-app (iOS)} and {@code support-bot}
 * apps are two different apps that share the title "AI Chat".
 */
final class AnalyticsOrg {
  static final LocalDate OLDEST_KEY = LocalDate.of(2024, 9, 1);

  private static final long ORG = 41;
  private static final long KEYS = 42;
  private static final long USERS = 43;

  private static final List<String> WORKSPACE_NAMES =
      List.of("Default Workspace", "Production", "Research", "Staging");

  private static final List<String[]> PEOPLE =
      List.of(
          new String[] {"Ada Lovelace", "ada"},
          new String[] {"Alan Turing", "alan"},
          new String[] {"Grace Hopper", "grace"},
          new String[] {"Zoë Ångström", "zoe"},
          new String[] {"Katherine Johnson", "katherine"},
          new String[] {"Linus Pauling", "linus"},
          new String[] {"Hedy Lamarr", "hedy"});

  /** Countries of the world's traffic and their weights; a key's home country is drawn from it. */
  static final List<String> COUNTRIES =
      List.of("US", "IN", "DE", "GB", "FR", "BR", "CA", "JP", "KR", "SG", "NL", "AU", "ES", "PL",
          "UA", "TR", "MX", "ID", "VN", "NG", "SE", "CH");
  static final double[] COUNTRY_WEIGHTS =
      {30, 8, 6, 6, 4, 4, 4, 3, 3, 2, 2, 2, 2, 2, 1, 1, 1, 1, 1, 1, 1, 1};
  /** UTC offsets, in hours, of each country's main business region. */
  private static final int[] UTC_OFFSETS =
      {-6, 5, 1, 0, 1, -3, -5, 9, 9, 8, 1, 10, 1, 1, 2, 3, -6, 7, 7, 1, 1, 1};

  private static final List<String> VENDORS =
      List.of("openai", "anthropic", "google", "meta-llama", "mistralai", "qwen", "deepseek", "x-ai",
          "moonshotai", "z-ai", "minimax");

  private final long seed;
  private final String account;
  private final List<AnalyticsLog.Workspace> workspaces = new ArrayList<>();
  private final List<AnalyticsLog.User> users = new ArrayList<>();
  private final List<AnalyticsLog.ApiKey> keys = new ArrayList<>();
  private final List<KeyHabits> habits = new ArrayList<>();

  AnalyticsOrg(long seed, String account, AppCatalog apps) {
    this.seed = Hashing.hash(seed, ORG, Hashing.of(account));
    this.account = account;
    int workspaceCount = 1 + (int) (draw(ORG, 0) * 3);
    for (int i = 0; i < workspaceCount; i++) {
      workspaces.add(new AnalyticsLog.Workspace(uuid(ORG, i), WORKSPACE_NAMES.get(i)));
    }
    int userCount = 2 + (int) (draw(USERS, -1) * 5);
    int offset = (int) (draw(USERS, -2) * PEOPLE.size());
    String domain = slug(account) + ".example";
    for (int i = 0; i < userCount; i++) {
      String[] person = PEOPLE.get((offset + i) % PEOPLE.size());
      // The second user never set a display name, the third has no email on file.
      String name = i == 1 ? null : person[0];
      String email = i == 2 ? null : person[1] + "@" + domain;
      users.add(new AnalyticsLog.User("user_" + base62(USERS, i, 27), name, email));
    }
    addKeys(apps);
  }

  String account() {
    return account;
  }

  long seed() {
    return seed;
  }

  List<AnalyticsLog.Workspace> workspaces() {
    return List.copyOf(workspaces);
  }

  List<AnalyticsLog.User> users() {
    return List.copyOf(users);
  }

  List<AnalyticsLog.ApiKey> keys() {
    return List.copyOf(keys);
  }

  KeyHabits habits(int key) {
    return habits.get(key);
  }

  private record Role(String name, KeyHabits.Kind kind, double daily) {}

  private static final List<Role> ALWAYS =
      List.of(
          new Role("batch-pipeline", KeyHabits.Kind.BATCH, 420),
          new Role("prod-chatbot", KeyHabits.Kind.CHAT, 380),
          new Role("dev-laptop", KeyHabits.Kind.DEV, 25),
          new Role("coding-agent", KeyHabits.Kind.AGENT, 260));

  private static final List<Role> OPTIONAL =
      List.of(
          new Role("support-bot", KeyHabits.Kind.SUPPORT, 220),
          new Role("eval-harness", KeyHabits.Kind.EVAL, 60),
          new Role("Research notebook", KeyHabits.Kind.RESEARCH, 15),
          new Role("mobile-app (iOS)", KeyHabits.Kind.CHAT, 150),
          new Role("data-labeling", KeyHabits.Kind.BATCH, 200),
          new Role("staging", KeyHabits.Kind.CHAT, 20));

  private void addKeys(AppCatalog apps) {
    List<Role> roles = new ArrayList<>(ALWAYS);
    List<Role> optional = new ArrayList<>(OPTIONAL);
    int extra = 1 + (int) (draw(KEYS, -1) * 5);
    for (int i = 0; i < extra; i++) {
      roles.add(optional.remove((int) (draw(KEYS, -2, i) * optional.size())));
    }
    for (int k = 0; k < roles.size(); k++) {
      Role role = roles.get(k);
      LocalDate created;
      LocalDate disabled = null;
      if (k < ALWAYS.size()) {
        created = OLDEST_KEY.plusDays((long) (draw(KEYS, k, 0) * 100));
      } else {
        created = OLDEST_KEY.plusDays((long) (draw(KEYS, k, 0) * 560));
        if (draw(KEYS, k, 1) < 0.2) {
          disabled = created.plusDays(60 + (long) (draw(KEYS, k, 2) * 240));
        }
      }
      long id = 100_000 + k * 1_000_003L + (long) (draw(KEYS, k, 3) * 900_000);
      String hash = HexFormat.of().formatHex(longBytes(KEYS, k, 4));
      String workspace = workspaces.get(k == 0 ? 0 : (int) (draw(KEYS, k, 5) * workspaces.size())).id();
      String creator = users.get((int) (draw(KEYS, k, 6) * users.size())).id();
      keys.add(new AnalyticsLog.ApiKey(id, role.name(), hash, workspace, creator, created, disabled));
      habits.add(habits(k, role, apps));
    }
  }

  private KeyHabits habits(int k, Role role, AppCatalog apps) {
    double u = draw(KEYS, k, 10);
    String home = COUNTRIES.get(weighted(draw(KEYS, k, 11), COUNTRY_WEIGHTS));
    int localPeak = 14;
    int peak = Math.floorMod(localPeak - UTC_OFFSETS[COUNTRIES.indexOf(home)], 24);
    List<String> vendors = new ArrayList<>();
    int vendorCount = 2 + (int) (draw(KEYS, k, 12) * 2);
    for (int i = 0; vendors.size() < vendorCount && i < 32; i++) {
      String vendor = VENDORS.get((int) (draw(KEYS, k, 13, i) * VENDORS.size()));
      if (!vendors.contains(vendor)) {
        vendors.add(vendor);
      }
    }
    String site = "https://" + slug(account) + ".example";
    double daily = role.daily() * (0.6 + 0.8 * u);
    return switch (role.kind()) {
      case BATCH -> new KeyHabits(role.kind(), daily, vendors, null, 0, null, 0, null,
          draw(KEYS, k, 14) < 0.5 ? 0.6 : 0, 0.2, 0, home, 2, 400, 20_000);
      case CHAT -> role.name().startsWith("mobile")
          ? new KeyHabits(role.kind(), daily, vendors, appAt(apps, 109), 1.0, null, 0, null,
              0, 0.5, 0.002, home, peak, 200, 6_000)
          : new KeyHabits(role.kind(), daily, vendors,
              role.name().equals("staging") ? null : AppCatalog.DOUBLE_UNSAFE_ID, 0.7,
              site + "/", 0.7, role.name().equals("staging") ? null : "cust_", 0, 0.5, 0.003,
              home, peak, 200, 8_000);
      case SUPPORT -> new KeyHabits(role.kind(), daily, vendors, appAt(apps, 115), 0.9,
          "https://support." + slug(account) + ".example/", 0.9, "ticket-user-", 0, 0.4, 0.04,
          home, peak, 800, 6_000);
      case AGENT -> new KeyHabits(role.kind(), daily, List.of("anthropic", "openai", "google", "x-ai"),
          appAt(apps, codingSlot(apps, k)), 1.0, null, 0, null, draw(KEYS, k, 15) < 0.5 ? 0.3 : 0,
          0.8, 0, home, peak, 4_000, 180_000);
      case DEV -> new KeyHabits(role.kind(), daily, List.of(), null, 0, "http://localhost:3000/", 0.5,
          null, 0, 0.2, 0, home, Math.floorMod(peak + 3, 24), 50, 30_000);
      case EVAL -> new KeyHabits(role.kind(), daily, List.of(), null, 0, null, 0, null, 0, 0, 0,
          home, 9, 100, 12_000);
      case RESEARCH -> new KeyHabits(role.kind(), daily, vendors, null, 0, "https://openrouter.ai/", 0.6,
          null, 0, 0.3, 0, home, peak, 1_000, 120_000);
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
    return slots.get((int) (draw(KEYS, k, 16) * slots.size()));
  }

  private static Long appAt(AppCatalog apps, int slot) {
    return apps.apps().get(slot).appId();
  }

  static int weighted(double u, double[] weights) {
    double total = 0;
    for (double w : weights) {
      total += w;
    }
    double pick = u * total;
    for (int i = 0; i < weights.length; i++) {
      pick -= weights[i];
      if (pick < 0) {
        return i;
      }
    }
    return weights.length - 1;
  }

  private double draw(long salt, long a) {
    return Hashing.unit(Hashing.hash(seed, salt, a));
  }

  private double draw(long salt, long a, long b) {
    return Hashing.unit(Hashing.hash(seed, salt, a, b));
  }

  private double draw(long salt, long a, long b, long c) {
    return Hashing.unit(Hashing.mix(Hashing.hash(seed, salt, a, b) ^ Hashing.mix(c + 1)));
  }

  private byte[] longBytes(long salt, long a, long b) {
    byte[] bytes = new byte[32];
    for (int i = 0; i < 4; i++) {
      long h = Hashing.hash(seed, salt, a, b * 16 + i);
      for (int j = 0; j < 8; j++) {
        bytes[i * 8 + j] = (byte) (h >>> (8 * j));
      }
    }
    return bytes;
  }

  /** A version-4-shaped UUID. */
  private String uuid(long salt, long a) {
    String hex = HexFormat.of().formatHex(longBytes(salt, a, 99));
    return hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-4" + hex.substring(13, 16) + "-"
        + "89ab".charAt(Character.digit(hex.charAt(16), 16) & 3) + hex.substring(17, 20) + "-"
        + hex.substring(20, 32);
  }

  private String base62(long salt, long a, int length) {
    StringBuilder out = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      out.append(Base62.DIGITS.charAt((int) ((Hashing.hash(seed, salt, a, 1_000 + i) >>> 1) % 62)));
    }
    return out.toString();
  }

  /** Lower-case ASCII letters and digits of {@code text}, runs of anything else as one hyphen. */
  static String slug(String text) {
    String slug =
        text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    return slug.isEmpty() ? "account" : slug;
  }
}
