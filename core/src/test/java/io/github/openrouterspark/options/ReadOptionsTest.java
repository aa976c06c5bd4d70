package io.github.openrouterspark.options;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.openrouterspark.api.ApiKey;
import io.github.openrouterspark.api.ClientSettings;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ReadOptionsTest {
  static final String SECRET = "sk-or-v1-TEST-SECRET-9f3c2a7e51d04b8b";
  static final Function<String, String> NO_CONF = k -> null;
  static final Map<String, String> NO_ENV = Map.of();

  /** Options from key/value pairs, always with the dataset unless one of the pairs names it. */
  static Map<String, String> options(String... kv) {
    Map<String, String> m = new HashMap<>();
    boolean hasDataset = false;
    for (int i = 0; i < kv.length; i += 2) {
      m.put(kv[i], kv[i + 1]);
      hasDataset |= kv[i].equalsIgnoreCase("dataset") || kv[i].equalsIgnoreCase("path");
    }
    if (!hasDataset) {
      m.put("dataset", "rankings-daily");
    }
    return m;
  }

  static ReadOptions parse(String... kv) {
    return ReadOptions.parse(options(kv), NO_CONF, NO_ENV);
  }

  static InvalidOptionException invalid(String... kv) {
    return assertThrows(InvalidOptionException.class, () -> parse(kv));
  }

  static void assertMentions(Exception e, String... parts) {
    for (String part : parts) {
      assertTrue(
          e.getMessage().contains(part),
          "message should contain '" + part + "': " + e.getMessage());
    }
  }

  @Nested
  class Dataset {
    @Test
    void byOption() {
      assertEquals(DatasetName.RANKINGS_DAILY, parse("dataset", "rankings-daily").dataset());
    }

    @Test
    void byPath() {
      assertEquals(DatasetName.RANKINGS_DAILY, parse("path", "rankings-daily").dataset());
    }

    @ParameterizedTest
    @ValueSource(
        strings = {"rankings_daily", "RANKINGS-DAILY", "Rankings_Daily", " rankings-daily "})
    void alternativeSpellings(String name) {
      assertEquals(DatasetName.RANKINGS_DAILY, parse("dataset", name).dataset());
      assertEquals(DatasetName.RANKINGS_DAILY, parse("path", name).dataset());
    }

    @Test
    void unknownDatasetListsKnownOnes() {
      InvalidOptionException e = invalid("dataset", "rankings-weekly");
      assertMentions(e, "rankings-weekly", "Known datasets: rankings-daily");
      assertMentions(invalid("path", "models"), "'models'", "rankings-daily");
    }

    @Test
    void missingDataset() {
      InvalidOptionException e =
          assertThrows(
              InvalidOptionException.class,
              () -> ReadOptions.parse(Map.of("apiKey", SECRET), NO_CONF, NO_ENV));
      assertMentions(e, "No dataset", "dataset", "load(", "rankings-daily");
    }

    @Test
    void datasetAndPathNamingTheSameDatasetAgree() {
      assertEquals(
          DatasetName.RANKINGS_DAILY,
          parse("dataset", "rankings-daily", "path", "rankings_daily").dataset());
    }

    @Test
    void datasetAndPathInConflict() {
      // With a single known dataset, a differing path is necessarily unknown and reported as such.
      InvalidOptionException e = invalid("dataset", "rankings-daily", "path", "other-dataset");
      assertMentions(e, "other-dataset");
      InvalidOptionException e2 = invalid("dataset", "other-dataset", "path", "rankings-daily");
      assertMentions(e2, "other-dataset");
    }

    @Test
    void pathsIsRejected() {
      InvalidOptionException e = invalid("paths", "[\"rankings-daily\",\"rankings-daily\"]");
      assertMentions(e, "one dataset per load()");
      invalid("PATHS", "[]");
    }
  }

  @Nested
  class Names {
    @Test
    void optionNamesAreCaseInsensitive() {
      ReadOptions o =
          parse(
              "STARTDATE",
              "2025-03-01",
              "enddate",
              "2025-03-05",
              "WindowDays",
              "7",
              "DATASET",
              "rankings-daily",
              "APIKEY",
              SECRET);
      assertEquals(Optional.of(LocalDate.parse("2025-03-01")), o.startDate());
      assertEquals(Optional.of(LocalDate.parse("2025-03-05")), o.endDate());
      assertEquals(OptionalInt.of(7), o.windowDays());
      assertEquals(Optional.of(ApiKey.of(SECRET)), o.apiKey());
    }

    @Test
    void unknownOptionSuggestsTheNearest() {
      InvalidOptionException e = invalid("windowDay", "7");
      assertMentions(
          e, "Unknown option 'windowDay'", "Did you mean 'windowDays'?", "Known options:");
      assertMentions(invalid("readTimout", "5s"), "'readTimeout'");
      assertMentions(invalid("base_url", "http://x"), "'baseUrl'");
      assertMentions(invalid("api_key", "k"), "'apiKey'");
      assertMentions(invalid("start_date", "2025-03-01"), "'startDate'");
    }

    @Test
    void unknownOptionListsKnownOptionsButNotPath() {
      InvalidOptionException e = invalid("bogus", "1");
      for (ReaderOption o : ReaderOption.values()) {
        if (o != ReaderOption.PATH) {
          assertMentions(e, o.key());
        }
      }
      assertFalse(
          e.getMessage().contains(", path,") || e.getMessage().contains(", path."), e.getMessage());
    }

    @Test
    void suggestionIsAmongListedOptions() {
      InvalidOptionException e = invalid("date", "2025-03-01");
      assertFalse(e.getMessage().contains("Did you mean 'path'"), e.getMessage());
    }

    @Test
    void nullValuesAreIgnored() {
      Map<String, String> m = options("apiKey", SECRET);
      m.put("startDate", null);
      ReadOptions o = ReadOptions.parse(m, NO_CONF, NO_ENV);
      assertEquals(Optional.empty(), o.startDate());
    }
  }

  @Nested
  class Defaults {
    @Test
    void onlyDataset() {
      ReadOptions o = parse();
      assertEquals(DatasetName.RANKINGS_DAILY, o.dataset());
      assertEquals(Optional.empty(), o.apiKey());
      assertEquals(Optional.empty(), o.startDate());
      assertEquals(Optional.empty(), o.endDate());
      assertEquals(OptionalInt.empty(), o.windowDays());
      assertEquals(ClientSettings.defaults(ClientSettings.DEFAULT_BASE_URL), o.client());
      assertNull(o.client().httpReferer());
      assertNull(o.client().appTitle());
      assertNull(o.client().appCategories());
    }

    @Test
    void allOptions() {
      ReadOptions o =
          parse(
              "apiKey", SECRET,
              "baseUrl", "http://127.0.0.1:8080/api/v1/",
              "startDate", "2025-03-01",
              "endDate", "2025-03-31",
              "windowDays", "7",
              "httpReferer", "https://myapp.example",
              "appTitle", "My App",
              "appCategories", "cli-agent, cloud-agent",
              "connectTimeout", "500ms",
              "readTimeout", "2m");
      assertEquals("http://127.0.0.1:8080/api/v1", o.client().baseUrl());
      assertEquals(Duration.ofMillis(500), o.client().connectTimeout());
      assertEquals(Duration.ofMinutes(2), o.client().readTimeout());
      assertEquals("https://myapp.example", o.client().httpReferer());
      assertEquals("My App", o.client().appTitle());
      assertEquals("cli-agent,cloud-agent", o.client().appCategories());
      assertEquals(ClientSettings.DEFAULT_MAX_RETRIES, o.client().maxRetries());
      assertEquals(ClientSettings.DEFAULT_RETRY_BACKOFF, o.client().retryBackoff());
      assertEquals(Optional.of(LocalDate.parse("2025-03-01")), o.startDate());
      assertEquals(Optional.of(LocalDate.parse("2025-03-31")), o.endDate());
      assertEquals(OptionalInt.of(7), o.windowDays());
    }

    @Test
    void withClientReplacesOnlyTheClient() {
      ReadOptions o = parse("apiKey", SECRET, "startDate", "2025-03-01");
      ClientSettings other = ClientSettings.defaults("http://localhost:1");
      ReadOptions p = o.withClient(other);
      assertEquals(other, p.client());
      assertEquals(o.apiKey(), p.apiKey());
      assertEquals(o.startDate(), p.startDate());
      assertEquals(o.dataset(), p.dataset());
    }
  }

  @Nested
  class Dates {
    @Test
    void validDates() {
      assertEquals(
          Optional.of(LocalDate.parse("2024-02-29")), parse("startDate", "2024-02-29").startDate());
      assertEquals(
          Optional.of(LocalDate.parse("2025-03-01")),
          parse("startDate", " 2025-03-01 ").startDate());
      assertEquals(
          Optional.of(LocalDate.parse("2025-12-31")), parse("endDate", "2025-12-31").endDate());
    }

    @ParameterizedTest
    @ValueSource(strings = {"2025-13-01", "2025-02-30", "2025-02-29", "2025-00-10", "2025-04-31"})
    void notACalendarDate(String value) {
      for (String option : new String[] {"startDate", "endDate"}) {
        InvalidOptionException e = invalid(option, value);
        assertMentions(e, "'" + option + "'", "'" + value + "'", "YYYY-MM-DD");
      }
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "yesterday",
          "2025-3-1",
          "2025/03/01",
          "20250301",
          "",
          "2025-03-01T00:00",
          "today"
        })
    void notADateShape(String value) {
      for (String option : new String[] {"startDate", "endDate"}) {
        InvalidOptionException e = invalid(option, value);
        assertMentions(e, "'" + option + "'", "'" + value + "'", "YYYY-MM-DD");
      }
    }

    @Test
    void startAfterEnd() {
      InvalidOptionException e = invalid("startDate", "2025-03-02", "endDate", "2025-03-01");
      assertMentions(e, "startDate", "endDate", "2025-03-02", "2025-03-01");
    }

    @Test
    void startEqualToEndIsFine() {
      ReadOptions o = parse("startDate", "2025-03-01", "endDate", "2025-03-01");
      assertEquals(o.startDate(), o.endDate());
    }
  }

  @Nested
  class WindowDays {
    @ParameterizedTest
    @CsvSource({"1,1", "7,7", "366,366", "' 30 ',30"})
    void valid(String value, int expected) {
      assertEquals(OptionalInt.of(expected), parse("windowDays", value).windowDays());
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "367", "-1", "abc", "1.5", "", "99999999999", "7d"})
    void invalid(String value) {
      InvalidOptionException e = ReadOptionsTest.invalid("windowDays", value);
      assertMentions(e, "'windowDays'", "'" + value + "'", "1 to 366");
    }
  }

  @Nested
  class BaseUrl {
    @ParameterizedTest
    @CsvSource({
      "https://openrouter.ai/api/v1,https://openrouter.ai/api/v1",
      "https://openrouter.ai/api/v1/,https://openrouter.ai/api/v1",
      "http://localhost:8080,http://localhost:8080",
      "HTTP://127.0.0.1:9/x,HTTP://127.0.0.1:9/x",
      "' https://example.com/api ',https://example.com/api"
    })
    void valid(String value, String expected) {
      assertEquals(expected, parse("baseUrl", value).client().baseUrl());
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "ftp://x",
          "not a url",
          "https://openrouter.ai/api/v1?x=1",
          "https://openrouter.ai/api#top",
          "https://user:pw@openrouter.ai/api/v1",
          "openrouter.ai/api/v1",
          "file:///tmp/x",
          "https://",
          ""
        })
    void invalid(String value) {
      InvalidOptionException e = ReadOptionsTest.invalid("baseUrl", value);
      assertMentions(e, "'baseUrl'", "'" + value + "'", "http or https URL");
    }
  }

  @Nested
  class Timeouts {
    @ParameterizedTest
    @CsvSource({
      "500ms,PT0.5S",
      "30s,PT30S",
      "2m,PT2M",
      "45,PT45S",
      "1ms,PT0.001S",
      "10m,PT10M",
      "600s,PT10M",
      "5min,PT5M",
      "' 30 S ',PT30S",
      "2 m,PT2M",
      "600000ms,PT10M"
    })
    void valid(String value, String expected) {
      Duration d = Duration.parse(expected);
      assertEquals(d, parse("connectTimeout", value).client().connectTimeout());
      assertEquals(d, parse("readTimeout", value).client().readTimeout());
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "0",
          "0ms",
          "-1",
          "11m",
          "601s",
          "600001ms",
          "fast",
          "1.5s",
          "1h",
          "",
          "s",
          "99999999999999999999",
          "9999999999m"
        })
    void invalid(String value) {
      for (String option : new String[] {"connectTimeout", "readTimeout"}) {
        InvalidOptionException e = ReadOptionsTest.invalid(option, value);
        assertMentions(e, "'" + option + "'", "'" + value + "'", "duration", "10m");
      }
    }

    @Test
    void defaults() {
      ReadOptions o = parse();
      assertEquals(Duration.ofSeconds(10), o.client().connectTimeout());
      assertEquals(Duration.ofSeconds(60), o.client().readTimeout());
    }
  }

  @Nested
  class Headers {
    @Test
    void categories() {
      assertEquals("cli-agent", parse("appCategories", "cli-agent").client().appCategories());
      assertEquals(
          "cli-agent,cloud-agent",
          parse("appCategories", " cli-agent ,  cloud-agent ").client().appCategories());
      assertEquals("a1,b-2-c", parse("appCategories", "a1,b-2-c").client().appCategories());
      String thirty = "a".repeat(30);
      assertEquals(thirty, parse("appCategories", thirty).client().appCategories());
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "a,b,c",
          "CLI-agent",
          "Cli",
          "cli_agent",
          "cli agent",
          "-cli",
          "cli-",
          "cli--agent",
          "",
          ",cli",
          "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
        })
    void badCategories(String value) {
      InvalidOptionException e = ReadOptionsTest.invalid("appCategories", value);
      assertMentions(
          e,
          "'appCategories'",
          "'" + value + "'",
          "1 or 2 comma-separated categories",
          "lowercase");
    }

    @Test
    void headerTextIsStripped() {
      assertEquals("My App", parse("appTitle", "  My App  ").client().appTitle());
      assertEquals(
          "https://x.example", parse("httpReferer", "https://x.example").client().httpReferer());
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "https://x.example\nX-Evil: 1",
          "a\rb",
          "tab\there",
          "caf\u00e9",
          "",
          "   ",
          "nul\u0000"
        })
    void badHeaderText(String value) {
      for (String option : new String[] {"httpReferer", "appTitle"}) {
        InvalidOptionException e = ReadOptionsTest.invalid(option, value);
        assertMentions(e, "'" + option + "'", "'" + value + "'", "printable ASCII");
      }
    }
  }

  @Nested
  class ApiKeys {
    static final String CONF_KEY = "sk-or-v1-from-conf-7c1d";
    static final String ENV_KEY = "sk-or-v1-from-env-2b9e";

    ReadOptions parseWith(Map<String, String> opts, String conf, String env) {
      Function<String, String> sparkConf = k -> k.equals(ReadOptions.API_KEY_CONF) ? conf : null;
      Map<String, String> environment = new HashMap<>();
      if (env != null) {
        environment.put(ReadOptions.API_KEY_ENV, env);
      }
      return ReadOptions.parse(opts, sparkConf, environment);
    }

    @Test
    void constants() {
      assertEquals("spark.openrouter.apiKey", ReadOptions.API_KEY_CONF);
      assertEquals("OPENROUTER_API_KEY", ReadOptions.API_KEY_ENV);
    }

    @Test
    void optionWinsOverConfAndEnv() {
      assertEquals(
          Optional.of(ApiKey.of(SECRET)),
          parseWith(options("apiKey", SECRET), CONF_KEY, ENV_KEY).apiKey());
    }

    @Test
    void confWinsOverEnv() {
      assertEquals(
          Optional.of(ApiKey.of(CONF_KEY)), parseWith(options(), CONF_KEY, ENV_KEY).apiKey());
    }

    @Test
    void envIsTheLastResort() {
      assertEquals(Optional.of(ApiKey.of(ENV_KEY)), parseWith(options(), null, ENV_KEY).apiKey());
      assertEquals(ApiKey.of(ENV_KEY), parseWith(options(), null, ENV_KEY).requireApiKey());
    }

    @Test
    void keyIsStripped() {
      assertEquals(
          Optional.of(ApiKey.of(SECRET)),
          parseWith(options("apiKey", "  " + SECRET + "\n"), null, null).apiKey());
    }

    @Test
    void noKeyAnywhere() {
      ReadOptions o = parseWith(options(), null, null);
      assertEquals(Optional.empty(), o.apiKey());
      InvalidOptionException e = assertThrows(InvalidOptionException.class, o::requireApiKey);
      assertMentions(e, "apiKey", "spark.openrouter.apiKey", "OPENROUTER_API_KEY");
    }

    @Test
    void blankKeysCountAsMissing() {
      assertEquals(Optional.empty(), parseWith(options("apiKey", "   "), null, null).apiKey());
      assertEquals(Optional.empty(), parseWith(options(), " ", null).apiKey());
      assertEquals(Optional.empty(), parseWith(options(), null, "").apiKey());
    }

    @Test
    void blankKeyFallsThroughToTheNextSource() {
      assertEquals(
          Optional.of(ApiKey.of(CONF_KEY)),
          parseWith(options("apiKey", ""), CONF_KEY, ENV_KEY).apiKey());
      assertEquals(Optional.of(ApiKey.of(ENV_KEY)), parseWith(options(), "  ", ENV_KEY).apiKey());
    }

    @Test
    void apiKeySecretIsApiKeyUnderANameSparkRedacts() {
      assertEquals(
          Optional.of(ApiKey.of(SECRET)),
          parseWith(options("apiKeySecret", SECRET), CONF_KEY, ENV_KEY).apiKey());
      assertEquals(
          Optional.of(ApiKey.of(SECRET)),
          parseWith(options("APIKEYSECRET", SECRET), null, null).apiKey());
      assertEquals(
          Optional.of(ApiKey.of(SECRET)),
          parseWith(options("apiKey", SECRET, "apiKeySecret", " " + SECRET), null, null).apiKey());
      assertEquals(
          Optional.of(ApiKey.of(CONF_KEY)),
          parseWith(options("apiKeySecret", " "), CONF_KEY, null).apiKey());
    }

    @Test
    void twoDifferentKeysUnderBothNamesFailWithoutShowingEither() {
      InvalidOptionException e =
          assertThrows(
              InvalidOptionException.class,
              () -> parseWith(options("apiKey", SECRET, "apiKeySecret", ENV_KEY), null, null));
      assertMentions(e, "apiKey", "apiKeySecret", "spark.datasource.openrouter.apiKey");
      assertFalse(
          e.getMessage().contains(SECRET) || e.getMessage().contains(ENV_KEY), e.getMessage());
    }

    @Test
    void aNameGivenWithTheReadOverridesTheOtherNamesSessionDefault() {
      // Spark merges spark.datasource.openrouter.<option> into the options: the value equal to its
      // session conf is the default, the other one was given with the read.
      Function<String, String> plainDefault =
          k -> k.equals("spark.datasource.openrouter.apiKey") ? CONF_KEY : null;
      assertEquals(
          Optional.of(ApiKey.of(SECRET)),
          ReadOptions.parse(
                  options("apiKey", CONF_KEY, "apiKeySecret", SECRET), plainDefault, Map.of())
              .apiKey());
      Function<String, String> secretDefault =
          k -> k.equals("spark.datasource.openrouter.apiKeySecret") ? CONF_KEY : null;
      assertEquals(
          Optional.of(ApiKey.of(SECRET)),
          ReadOptions.parse(
                  options("apiKey", SECRET, "apiKeySecret", CONF_KEY), secretDefault, Map.of())
              .apiKey());
    }

    @Test
    void toStringNeverShowsTheKey() {
      ReadOptions o =
          parseWith(
              options(
                  "apiKey", SECRET, "startDate", "2025-03-01", "windowDays", "30", "appTitle", "T"),
              null,
              null);
      String text = o.toString();
      assertFalse(text.contains(SECRET), text);
      assertFalse(text.contains("TEST-SECRET"), text);
      assertTrue(text.contains("<hidden>"), text);
      assertTrue(text.contains("rankings-daily"), text);
      assertTrue(text.contains("2025-03-01"), text);
      assertTrue(text.contains("windowDays=30"), text);
      assertFalse(String.valueOf(o.apiKey()).contains(SECRET));
      assertFalse(o.withClient(o.client()).toString().contains(SECRET));

      String fromConf = parseWith(options(), CONF_KEY, null).toString();
      assertFalse(fromConf.contains(CONF_KEY), fromConf);
      String fromEnv = parseWith(options(), null, ENV_KEY).toString();
      assertFalse(fromEnv.contains(ENV_KEY), fromEnv);
    }

    @Test
    void toStringWithoutKey() {
      String text = parseWith(options(), null, null).toString();
      assertTrue(text.contains("apiKey=<none>"), text);
      assertTrue(text.contains("startDate=default"), text);
      assertTrue(text.contains("windowDays=default"), text);
    }

    @Test
    void errorsNeverShowTheKey() {
      InvalidOptionException e =
          assertThrows(
              InvalidOptionException.class,
              () -> parseWith(options("apiKey", SECRET, "windowDays", "0"), null, null));
      assertFalse(e.getMessage().contains(SECRET));
    }
  }

  @Test
  void invalidOptionExceptionIsAnIllegalArgumentException() {
    assertInstanceOf(IllegalArgumentException.class, invalid("windowDays", "0"));
  }

  @Test
  void clientSettingsFromOptionsSurviveSerialization() throws Exception {
    // The client settings travel to executors inside the reader factory.
    ReadOptions o =
        parse(
            "apiKey",
            SECRET,
            "baseUrl",
            "http://localhost:9/api",
            "appTitle",
            "T",
            "appCategories",
            "cli-agent",
            "readTimeout",
            "2m");
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(o.client());
    }
    try (ObjectInputStream in =
        new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      assertEquals(o.client(), in.readObject());
    }
    assertFalse(
        new String(bytes.toByteArray(), java.nio.charset.StandardCharsets.ISO_8859_1)
            .contains(SECRET));
  }
}
