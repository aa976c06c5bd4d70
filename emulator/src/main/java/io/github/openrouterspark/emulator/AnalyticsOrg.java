package io.github.openrouterspark.emulator;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * The synthetic organisation behind one account's analytics: its workspaces, users and API keys,
 * each key with its {@link KeyHabits}. Deterministic for (seed, account name). Every account has a
 * {@code batch-pipeline}, a {@code prod-chatbot}, a {@code dev-laptop} and a {@code coding-agent}
 * key from before 2025, plus one to five of the other roles, some created during the log and one in
 * five of those disabled again.
 *
 * <p>Labels exercise clients: a user without a display name, a user without an email, a non-ASCII
 * name; the {@code prod-chatbot} key's app id is 2<sup>53</sup>+1, which a client reading JSON
 * numbers as doubles corrupts; the {@code mobile-app (iOS)} and {@code support-bot} apps are two
 * different apps that share the title "AI Chat".
 */
final class AnalyticsOrg {
  static final LocalDate OLDEST_KEY = LocalDate.of(2024, 9, 1);

  private static final long ORG = 41;
  static final long KEYS = 42;
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
      List.of(
          "US", "IN", "DE", "GB", "FR", "BR", "CA", "JP", "KR", "SG", "NL", "AU", "ES", "PL", "UA",
          "TR", "MX", "ID", "VN", "NG", "SE", "CH");

  static final double[] COUNTRY_WEIGHTS = {
    30, 8, 6, 6, 4, 4, 4, 3, 3, 2, 2, 2, 2, 2, 1, 1, 1, 1, 1, 1, 1, 1
  };

  private final long seed;
  private final SeededDraws draws;
  private final KeyRoles roles;
  private final String account;
  private final List<AnalyticsLog.Workspace> workspaces = new ArrayList<>();
  private final List<AnalyticsLog.User> users = new ArrayList<>();
  private final List<AnalyticsLog.ApiKey> keys = new ArrayList<>();
  private final List<KeyHabits> habits = new ArrayList<>();

  AnalyticsOrg(long seed, String account, AppCatalog apps) {
    this.seed = Hashing.hash(seed, ORG, Hashing.of(account));
    this.draws = new SeededDraws(this.seed);
    this.roles = new KeyRoles(draws, account);
    this.account = account;
    int workspaceCount = 1 + (int) (draws.draw(ORG, 0) * 3);
    for (int i = 0; i < workspaceCount; i++) {
      workspaces.add(new AnalyticsLog.Workspace(uuid(ORG, i), WORKSPACE_NAMES.get(i)));
    }
    int userCount = 2 + (int) (draws.draw(USERS, -1) * 5);
    int offset = (int) (draws.draw(USERS, -2) * PEOPLE.size());
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

  private void addKeys(AppCatalog apps) {
    List<KeyRoles.Role> roles = new ArrayList<>(KeyRoles.ALWAYS);
    List<KeyRoles.Role> optional = new ArrayList<>(KeyRoles.OPTIONAL);
    int extra = 1 + (int) (draws.draw(KEYS, -1) * 5);
    for (int i = 0; i < extra; i++) {
      roles.add(optional.remove((int) (draws.draw(KEYS, -2, i) * optional.size())));
    }
    for (int k = 0; k < roles.size(); k++) {
      KeyRoles.Role role = roles.get(k);
      LocalDate created;
      LocalDate disabled = null;
      if (k < KeyRoles.ALWAYS.size()) {
        created = OLDEST_KEY.plusDays((long) (draws.draw(KEYS, k, 0) * 100));
      } else {
        created = OLDEST_KEY.plusDays((long) (draws.draw(KEYS, k, 0) * 560));
        if (draws.draw(KEYS, k, 1) < 0.2) {
          disabled = created.plusDays(60 + (long) (draws.draw(KEYS, k, 2) * 240));
        }
      }
      long id = 100_000 + k * 1_000_003L + (long) (draws.draw(KEYS, k, 3) * 900_000);
      String hash = HexFormat.of().formatHex(draws.longBytes(KEYS, k, 4));
      String workspace =
          workspaces.get(k == 0 ? 0 : (int) (draws.draw(KEYS, k, 5) * workspaces.size())).id();
      String creator = users.get((int) (draws.draw(KEYS, k, 6) * users.size())).id();
      keys.add(
          new AnalyticsLog.ApiKey(id, role.name(), hash, workspace, creator, created, disabled));
      habits.add(this.roles.habits(k, role, apps));
    }
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

  /** A version-4-shaped UUID. */
  private String uuid(long salt, long a) {
    String hex = HexFormat.of().formatHex(draws.longBytes(salt, a, 99));
    return hex.substring(0, 8)
        + "-"
        + hex.substring(8, 12)
        + "-4"
        + hex.substring(13, 16)
        + "-"
        + "89ab".charAt(Character.digit(hex.charAt(16), 16) & 3)
        + hex.substring(17, 20)
        + "-"
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
