package io.github.openrouterspark.options;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.Arrays;

/** The user's options keyed by registry entry; rejects names the registry does not know. */
final class OptionMap {
  private final Map<ReaderOption, String> values = new HashMap<>();

  OptionMap(Map<String, String> raw) {
    raw.forEach((key, value) -> {
      ReaderOption option = ReaderOption.byKey(key).orElseThrow(() -> unknown(key));
      if (value != null) {
        values.put(option, value);
      }
    });
  }

  Optional<String> get(ReaderOption option) {
    return Optional.ofNullable(values.get(option));
  }

  private static InvalidOptionException unknown(String key) {
    if (key.equalsIgnoreCase("paths")) {
      return new InvalidOptionException("format 'openrouter' reads one dataset per load(): pass a single name.");
    }
    return new InvalidOptionException("Unknown option '" + key + "' for format 'openrouter'. Did you mean '"
        + ReaderOption.nearest(key).key() + "'? Known options: "
        + Arrays.stream(ReaderOption.values()).filter(o -> o != ReaderOption.PATH).map(ReaderOption::key)
            .collect(Collectors.joining(", "))
        + ".");
  }
}
