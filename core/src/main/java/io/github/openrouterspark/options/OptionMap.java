package io.github.openrouterspark.options;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The user's options keyed by registry entry; rejects names the registry does not know, and parses
 * values by their entry's type, falling back to the entry's default.
 */
final class OptionMap {
  private final Map<ReaderOption, String> values = new EnumMap<>(ReaderOption.class);

  OptionMap(Map<String, String> raw) {
    raw.forEach(
        (key, value) -> {
          ReaderOption option = ReaderOption.byKey(key).orElseThrow(() -> unknown(key));
          if (value != null) {
            values.put(option, value);
          }
        });
  }

  /** The option's text as given, unchecked. */
  Optional<String> get(ReaderOption option) {
    return Optional.ofNullable(values.get(option));
  }

  /** The given value, parsed and checked by the option's type; empty when not given. */
  <T> Optional<T> parsed(ReaderOption option, Class<T> type) {
    return get(option).map(v -> option.parse(v, type));
  }

  /** The given value parsed, else the option's default for {@code dataset}; null when neither. */
  <T> T valueOrDefault(ReaderOption option, DatasetName dataset, Class<T> type) {
    return parsed(option, type).or(() -> option.defaultFor(dataset, type)).orElse(null);
  }

  /**
   * Fails on the first given option (in registry order) that {@code dataset} does not accept,
   * before any value is parsed, so such an option is reported as such rather than by its value.
   */
  void requireApplicable(DatasetName dataset) {
    for (ReaderOption o : values.keySet()) {
      if (!o.appliesTo(dataset)) {
        throw new InvalidOptionException(
            "Option '"
                + o.key()
                + "' does not apply to dataset '"
                + dataset.apiName()
                + "'. "
                + o.description());
      }
    }
  }

  private static InvalidOptionException unknown(String key) {
    if (key.equalsIgnoreCase("paths")) {
      return new InvalidOptionException(
          "format 'openrouter' reads one dataset per load(): pass a single name.");
    }
    return new InvalidOptionException(
        "Unknown option '"
            + key
            + "' for format 'openrouter'. Did you mean '"
            + ReaderOption.nearest(key).key()
            + "'? Known options: "
            + Arrays.stream(ReaderOption.values())
                .filter(o -> o != ReaderOption.PATH)
                .map(ReaderOption::key)
                .collect(Collectors.joining(", "))
            + ".");
  }
}
