package io.github.openrouterspark.options;

import io.github.openrouterspark.api.ApiKey;
import io.github.openrouterspark.options.SparkConfs.Conf;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Finds a read's API key and where it came from: the option apiKey or apiKeySecret (one option
 * under two names, either possibly a session default), else the conf spark.openrouter.apiKey, else
 * the environment variable. Conf names match ignoring case; two different keys fail, naming both
 * places and neither key.
 */
public final class ApiKeySources {
  /** A key and its place. {@link #toString()} hides the key. */
  public record SuppliedKey(ApiKey key, KeySource source) {}

  /**
   * What Databricks turns into a secret when it starts a cluster with the reference in its Spark
   * config or environment; anywhere else the reference is sent as written and fails as a bad key.
   */
  private static final Pattern SECRET_REFERENCE = Pattern.compile("\\{\\{\\s*secrets/.*}}");

  private ApiKeySources() {}

  /**
   * @param options the reader's options (keys in any case)
   * @param confs the session's Spark confs
   * @param env the driver's environment
   */
  public static Optional<SuppliedKey> resolve(
      Map<String, String> options, SparkConfs confs, Map<String, String> env) {
    return resolve(new OptionMap(options), confs, env);
  }

  static Optional<SuppliedKey> resolve(OptionMap map, SparkConfs confs, Map<String, String> env) {
    // Every key conf is looked up, so two spellings of one fail even when an option wins.
    Optional<Conf> plainDefault =
        confs.find(ReadOptions.SESSION_CONF_PREFIX + ReaderOption.API_KEY.key());
    Optional<Conf> secretDefault =
        confs.find(ReadOptions.SESSION_CONF_PREFIX + ReaderOption.API_KEY_SECRET.key());
    Optional<Conf> sparkConf = confs.find(ReadOptions.API_KEY_CONF);
    Optional<SuppliedKey> key =
        keyOption(map, plainDefault, secretDefault)
            .or(
                () ->
                    sparkConf.map(
                        c ->
                            supplied(
                                c.value(), new KeySource(KeySource.Kind.SPARK_CONF, c.name()))))
            .or(
                () ->
                    Optional.ofNullable(env.get(ReadOptions.API_KEY_ENV))
                        .filter(v -> !v.isBlank())
                        .map(
                            v ->
                                supplied(
                                    v,
                                    new KeySource(
                                        KeySource.Kind.ENVIRONMENT, ReadOptions.API_KEY_ENV))));
    return key;
  }

  private static SuppliedKey supplied(String value, KeySource source) {
    if (SECRET_REFERENCE.matcher(value.strip()).matches()) {
      throw new InvalidOptionException(
          "The API key from "
              + source.describe()
              + " is a secret reference"
              + " ({{secrets/<scope>/<key>}}) that nothing resolved: Databricks resolves such references only in a"
              + " cluster's Spark config or environment variables, when the cluster starts. Put it there (e.g. the"
              + " Spark config line "
              + ReadOptions.SESSION_CONF_PREFIX
              + "apiKeySecret {{secrets/<scope>/<key>}}),"
              + " or pass the key itself, e.g. from dbutils.secrets.get(...), as option 'apiKeySecret'.");
    }
    return new SuppliedKey(ApiKey.of(value), source);
  }

  /**
   * Spark merges session defaults into the options before we see them, so a value equal to its
   * session conf is that default, and one that is not was given with the read. When the two names
   * carry different keys, the one given with the read wins; if neither or both were, the read is
   * ambiguous.
   */
  private static Optional<SuppliedKey> keyOption(
      OptionMap map, Optional<Conf> plainDefault, Optional<Conf> secretDefault) {
    Optional<SuppliedKey> plain = given(map, ReaderOption.API_KEY, plainDefault);
    Optional<SuppliedKey> secret = given(map, ReaderOption.API_KEY_SECRET, secretDefault);
    if (plain.isEmpty() || secret.isEmpty() || plain.get().key().equals(secret.get().key())) {
      return secret.or(() -> plain);
    }
    boolean plainIsDefault = plain.get().source().isConf();
    boolean secretIsDefault = secret.get().source().isConf();
    if (plainIsDefault != secretIsDefault) {
      return plainIsDefault ? secret : plain;
    }
    // Never name the values: they are keys.
    throw new InvalidOptionException(
        "Two different API keys were given, by "
            + plain.get().source().describe()
            + " and by "
            + secret.get().source().describe()
            + ": give only one. Options 'apiKey' and 'apiKeySecret'"
            + " are one option (apiKeySecret is its name that Spark redacts), and the session confs "
            + ReadOptions.SESSION_CONF_PREFIX
            + "apiKey and "
            + ReadOptions.SESSION_CONF_PREFIX
            + "apiKeySecret"
            + " (in any case) are its defaults.");
  }

  private static Optional<SuppliedKey> given(
      OptionMap map, ReaderOption option, Optional<Conf> sessionDefault) {
    return map.get(option)
        .filter(v -> !v.isBlank())
        .map(
            v -> {
              boolean isDefault =
                  sessionDefault.isPresent() && sessionDefault.get().value().equals(v);
              return supplied(
                  v,
                  isDefault
                      ? new KeySource(KeySource.Kind.SESSION_CONF, sessionDefault.get().name())
                      : new KeySource(KeySource.Kind.OPTION, option.key()));
            });
  }
}
