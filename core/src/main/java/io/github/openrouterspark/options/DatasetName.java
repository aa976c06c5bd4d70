package io.github.openrouterspark.options;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The datasets the connector exposes as tables, by their API names. */
public enum DatasetName {
  RANKINGS_DAILY("rankings-daily"),
  APP_RANKINGS("app-rankings"),
  ANALYTICS("analytics"),
  ANALYTICS_META("analytics-meta");

  private final String apiName;

  DatasetName(String apiName) {
    this.apiName = apiName;
  }

  public String apiName() {
    return apiName;
  }

  /** The account's own analytics, reached with a management key, not the public datasets. */
  public boolean isAnalytics() {
    return this == ANALYTICS || this == ANALYTICS_META;
  }

  /** Accepts the API name in any case, with '_' for '-' (e.g. {@code rankings_daily}). */
  public static DatasetName parse(String name) {
    String normalized = name.strip().toLowerCase(Locale.ROOT).replace('_', '-');
    for (DatasetName d : values()) {
      if (d.apiName.equals(normalized)) {
        return d;
      }
    }
    throw new InvalidOptionException(
        "Unknown dataset '"
            + name
            + "' for format 'openrouter'. Known datasets: "
            + known()
            + ". Choose one with .option(\"dataset\", \"rankings-daily\") or .load(\"rankings-daily\").");
  }

  public static String known() {
    return Arrays.stream(values()).map(DatasetName::apiName).collect(Collectors.joining(", "));
  }

  @Override
  public String toString() {
    return apiName;
  }
}
