package io.github.openrouterspark.options;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.openrouterspark.api.ApiKey;
import io.github.openrouterspark.api.ClientSettings;
import io.github.openrouterspark.options.ApiKeySources.SuppliedKey;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Where the key comes from: conf names match ignoring case, two different keys fail naming both
 * places and neither key, an unresolved secret reference is refused; and a plain http base URL
 * beyond loopback is refused unless allowInsecureHttp says otherwise.
 */
class KeySourcesTest {
  private static final String K1 = "sk-or-v1-first-4f1a";
  private static final String K2 = "sk-or-v1-second-9c2b";
  private static final String SESSION = "spark.datasource.openrouter.";

  private static Map<String, String> map(String... kv) {
    Map<String, String> m = new HashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put(kv[i], kv[i + 1]);
    }
    return m;
  }

  private static Optional<SuppliedKey> resolve(
      Map<String, String> options, Map<String, String> confs) {
    return ApiKeySources.resolve(options, SparkConfs.of(confs), Map.of());
  }

  private static void assertNoKey(Exception e) {
    assertFalse(e.getMessage().contains(K1) || e.getMessage().contains(K2), e.getMessage());
  }

  @Test
  void theSparkConfIsFoundInAnyCase() {
    SuppliedKey key =
        resolve(map("dataset", "rankings-daily"), map("spark.openrouter.apikey", K1)).orElseThrow();
    assertEquals(ApiKey.of(K1), key.key());
    assertEquals(new KeySource(KeySource.Kind.SPARK_CONF, "spark.openrouter.apikey"), key.source());
    assertEquals(
        Optional.of(ApiKey.of(K1)),
        ReadOptions.parse(
                map("dataset", "rankings-daily"),
                SparkConfs.of(map("SPARK.OPENROUTER.APIKEY", K1)),
                Map.of())
            .apiKey());
  }

  @Test
  void twoSpellingsOfTheSparkConfWithDifferentKeysFailNamingBoth() {
    InvalidOptionException e =
        assertThrows(
            InvalidOptionException.class,
            () ->
                resolve(
                    map("dataset", "rankings-daily"),
                    map("spark.openrouter.apiKey", K1, "spark.openrouter.apikey", K2)));
    assertTrue(
        e.getMessage().contains("spark.openrouter.apiKey")
            && e.getMessage().contains("spark.openrouter.apikey"),
        e.getMessage());
    assertNoKey(e);
    // The same key under two spellings is one setting, not a conflict.
    assertEquals(
        ApiKey.of(K1),
        resolve(
                map("dataset", "rankings-daily"),
                map("spark.openrouter.apiKey", K1, "spark.openrouter.apikey", " " + K1))
            .orElseThrow()
            .key());
  }

  @Test
  void aLowerCaseSessionConfDoesNotSkipTheTwoKeysCheck() {
    // Spark merges every spark.datasource.openrouter.<name> into the options under <name> as spelt.
    Map<String, String> confs = map(SESSION + "apikey", K1, SESSION + "apiKeySecret", K2);
    InvalidOptionException e =
        assertThrows(
            InvalidOptionException.class,
            () ->
                resolve(map("dataset", "rankings-daily", "apikey", K1, "apiKeySecret", K2), confs));
    assertTrue(
        e.getMessage().contains(SESSION + "apikey")
            && e.getMessage().contains(SESSION + "apiKeySecret"),
        e.getMessage());
    assertNoKey(e);
  }

  @Test
  void twoSpellingsOfOneSessionConfFailEvenWhenAnOptionWins() {
    Map<String, String> confs = map(SESSION + "apiKey", K1, SESSION + "APIKEY", K2);
    InvalidOptionException e =
        assertThrows(
            InvalidOptionException.class,
            () -> resolve(map("dataset", "rankings-daily", "apiKey", K1), confs));
    assertTrue(
        e.getMessage().contains(SESSION + "apiKey") && e.getMessage().contains(SESSION + "APIKEY"),
        e.getMessage());
    assertNoKey(e);
  }

  @Test
  void anOptionGivenWithTheReadWinsOverTheOtherNamesSessionDefaultInAnyCase() {
    SuppliedKey key =
        resolve(
                map("dataset", "rankings-daily", "apikey", K1, "apiKeySecret", K2),
                map(SESSION + "APIKEY", K1))
            .orElseThrow();
    assertEquals(ApiKey.of(K2), key.key());
    assertEquals(new KeySource(KeySource.Kind.OPTION, "apiKeySecret"), key.source());
  }

  @Test
  void twoOptionsWithDifferentKeysNameBothOptions() {
    InvalidOptionException e =
        assertThrows(
            InvalidOptionException.class,
            () ->
                resolve(
                    map("dataset", "rankings-daily", "apiKey", K1, "apiKeySecret", K2), Map.of()));
    assertTrue(
        e.getMessage().contains("the option 'apiKey'")
            && e.getMessage().contains("the option 'apiKeySecret'"),
        e.getMessage());
    assertNoKey(e);
  }

  @Test
  void sourcesAreNamed() {
    assertEquals(
        new KeySource(KeySource.Kind.SESSION_CONF, SESSION + "apiKeySecret"),
        resolve(
                map("dataset", "rankings-daily", "apiKeySecret", K1),
                map(SESSION + "apiKeySecret", K1))
            .orElseThrow()
            .source());
    assertEquals(
        new KeySource(KeySource.Kind.OPTION, "apiKey"),
        resolve(map("dataset", "rankings-daily", "apiKey", K1), Map.of()).orElseThrow().source());
    assertEquals(
        new KeySource(KeySource.Kind.ENVIRONMENT, "OPENROUTER_API_KEY"),
        ApiKeySources.resolve(
                map("dataset", "rankings-daily"),
                SparkConfs.of(Map.of()),
                Map.of("OPENROUTER_API_KEY", K1))
            .orElseThrow()
            .source());
    assertFalse(
        resolve(map("dataset", "rankings-daily", "apiKey", K1), Map.of())
            .orElseThrow()
            .toString()
            .contains(K1));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"{{secrets/openrouter/api-key}}", " {{secrets/scope/key}} ", "{{ secrets/a/b }}"})
  void anUnresolvedSecretReferenceIsRefusedBeforeAnyRequest(String reference) {
    // Spark merges the session default into the options, as it would on a read.
    InvalidOptionException e =
        assertThrows(
            InvalidOptionException.class,
            () ->
                ReadOptions.parse(
                    map("dataset", "rankings-daily", "apiKeySecret", reference),
                    SparkConfs.of(map(SESSION + "apiKeySecret", reference)),
                    Map.of()));
    assertTrue(
        e.getMessage().contains("the Spark conf " + SESSION + "apiKeySecret")
            && e.getMessage().contains("Spark config"),
        e.getMessage());
    e =
        assertThrows(
            InvalidOptionException.class,
            () ->
                ReadOptions.parse(
                    map("dataset", "rankings-daily"),
                    SparkConfs.of(map("spark.openrouter.apiKey", reference)),
                    Map.of()));
    assertTrue(e.getMessage().contains("the Spark conf spark.openrouter.apiKey"), e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://192.0.2.10/api/v1",
        "http://openrouter.ai/api/v1",
        "HTTP://example.com",
        "http://localhost.example.com/api",
        "http://127.0.0.1.example.com/api",
        "http://[2001:db8::1]:8080/api",
        "http://10.0.0.1:8080"
      })
  void plainHttpBeyondLoopbackIsRefusedNamingTheOptionThatAllowsIt(String url) {
    InvalidOptionException e =
        assertThrows(
            InvalidOptionException.class,
            () ->
                ReadOptions.parse(
                    map("dataset", "rankings-daily", "baseUrl", url), k -> null, Map.of()));
    assertTrue(
        e.getMessage().contains("'baseUrl'")
            && e.getMessage().contains(url)
            && e.getMessage().contains("'allowInsecureHttp'")
            && e.getMessage().contains("https"),
        e.getMessage());
    ReadOptions allowed =
        ReadOptions.parse(
            map("dataset", "rankings-daily", "baseUrl", url, "allowInsecureHttp", "true"),
            k -> null,
            Map.of());
    assertTrue(allowed.client().allowInsecureHttp());
    assertThrows(
        IllegalArgumentException.class,
        () -> ClientSettings.defaults(url),
        "the API layer refuses it too");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://localhost:8080/api/v1",
        "http://127.0.0.1:9/api",
        "http://127.1.2.3/api",
        "http://[::1]:8080/api",
        "https://openrouter.ai/api/v1",
        "https://192.0.2.10/api"
      })
  void httpsAndLoopbackNeedNoPermission(String url) {
    ReadOptions o =
        ReadOptions.parse(map("dataset", "rankings-daily", "baseUrl", url), k -> null, Map.of());
    assertFalse(o.client().allowInsecureHttp());
  }

  @ParameterizedTest
  @ValueSource(strings = {"yes", "1", ""})
  void allowInsecureHttpIsValidatedLikeAnyBoolean(String value) {
    InvalidOptionException e =
        assertThrows(
            InvalidOptionException.class,
            () ->
                ReadOptions.parse(
                    map("dataset", "rankings-daily", "allowInsecureHttp", value),
                    k -> null,
                    Map.of()));
    assertTrue(
        e.getMessage().contains("'allowInsecureHttp'") && e.getMessage().contains("true or false"),
        e.getMessage());
  }

  @Test
  void troubleshootingQuotesTheseMessages() throws java.io.IOException {
    String doc = java.nio.file.Files.readString(java.nio.file.Path.of("docs/troubleshooting.md"));
    String twoKeys =
        assertThrows(
                InvalidOptionException.class,
                () ->
                    resolve(
                        map("dataset", "rankings-daily", "apikey", K1, "apiKeySecret", K2),
                        map(SESSION + "apikey", K1, SESSION + "apiKeySecret", K2)))
            .getMessage();
    String quote =
        "Two different API keys were given, by the Spark conf spark.datasource.openrouter.apikey and by"
            + " the Spark conf spark.datasource.openrouter.apiKeySecret: give only one.";
    assertTrue(twoKeys.startsWith(quote) && doc.contains(quote), twoKeys);
    String http =
        assertThrows(
                InvalidOptionException.class,
                () ->
                    ReadOptions.parse(
                        map("dataset", "rankings-daily", "baseUrl", "http://192.0.2.10/api/v1"),
                        k -> null,
                        Map.of()))
            .getMessage();
    String httpQuote =
        "Option 'baseUrl' ('http://<host>/api/v1') is plain http to a host other than localhost or a"
            + " loopback address: the API key would cross the network unencrypted.";
    assertTrue(
        http.startsWith(httpQuote.replace("<host>", "192.0.2.10")) && doc.contains(httpQuote),
        http);
  }
}
