package io.github.openrouterspark.options;

import java.util.Objects;

/**
 * What a read uses for an option it does not give: a typed value, which may differ on the analytics
 * datasets, or none (the option is then not sent, or the planner decides, as {@code text} says).
 * {@link #text} is what the reference shows.
 *
 * @param value the default on the rankings datasets, or null for none
 * @param analyticsValue the default on the analytics datasets, or null for none
 * @param note what the reference adds in parentheses, or for no value what it shows instead
 */
record OptionDefault(Object value, Object analyticsValue, String note) {
  static OptionDefault of(Object value) {
    return new OptionDefault(Objects.requireNonNull(value), value, null);
  }

  /** With a reason shown after it, e.g. "366 (fewest requests)". */
  static OptionDefault of(Object value, String note) {
    return new OptionDefault(Objects.requireNonNull(value), value, note);
  }

  static OptionDefault differsForAnalytics(Object value, Object analyticsValue) {
    return new OptionDefault(
        Objects.requireNonNull(value), Objects.requireNonNull(analyticsValue), null);
  }

  /** No value: the option is not sent, or the planner chooses, as {@code text} says. */
  static OptionDefault none(String text) {
    return new OptionDefault(null, null, Objects.requireNonNull(text));
  }

  Object valueFor(DatasetName dataset) {
    return dataset.isAnalytics() ? analyticsValue : value;
  }

  String text() {
    if (value == null) {
      return note;
    }
    String text = OptionType.format(value);
    if (!value.equals(analyticsValue)) {
      text += " (" + OptionType.format(analyticsValue) + " for analytics)";
    }
    return note == null ? text : text + " (" + note + ")";
  }
}
