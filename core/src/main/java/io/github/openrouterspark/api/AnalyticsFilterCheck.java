package io.github.openrouterspark.api;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks that each row satisfies the filters sent with the query, where a row can show it: an
 * {@code eq}, {@code neq}, {@code in} or {@code not_in} filter on a dimension the query groups by
 * and whose rows show the filtered value itself. An unset (null) value matches none of them: the
 * connector never sends {@code include_unset}, and an unset value matches no comparison.
 *
 * <p>Not checkable, so not checked: filters on dimensions the query does not group by (rows carry
 * no such key); filters on {@code api_key_id}, {@code app}, {@code workspace} and {@code user},
 * whose rows show labels (names) while filters take ids (docs/api-contract.md §5); and {@code gt},
 * {@code gte}, {@code lt}, {@code lte}, since the order the API compares strings in is not
 * documented.
 */
final class AnalyticsFilterCheck {
  /** Dimensions whose rows show a label, not the id a filter takes (docs/api-contract.md §5). */
  static final Set<String> LABELLED_DIMENSIONS = Set.of("api_key_id", "app", "workspace", "user");

  private static final Set<String> CHECKED_OPERATORS = Set.of("eq", "neq", "in", "not_in");

  private final Map<String, List<AnalyticsQueryBody.Filter>> byDimension = new HashMap<>();

  AnalyticsFilterCheck(AnalyticsQueryBody query) {
    for (AnalyticsQueryBody.Filter f : query.filters()) {
      if (CHECKED_OPERATORS.contains(f.operator())
          && query.dimensions().contains(f.field())
          && !LABELLED_DIMENSIONS.contains(f.field())) {
        byDimension.computeIfAbsent(f.field(), k -> new ArrayList<>()).add(f);
      }
    }
  }

  /**
   * Fails unless {@code value} (null when unset), the row's value of {@code dimension}, passes its
   * filters.
   */
  void check(String dimension, String value) {
    for (AnalyticsQueryBody.Filter f : byDimension.getOrDefault(dimension, List.of())) {
      if (!passes(f, value)) {
        throw new MalformedResponseException(
            "field '"
                + dimension
                + "' is "
                + (value == null ? "null (unset)" : "'" + value + "'")
                + ", which the request's filter "
                + f.field()
                + " "
                + f.operator()
                + " "
                + shown(f.value())
                + " excludes");
      }
    }
  }

  private static boolean passes(AnalyticsQueryBody.Filter f, String value) {
    if (value == null) {
      return false;
    }
    return switch (f.operator()) {
      case "eq" -> value.equals(String.valueOf(f.value()));
      case "neq" -> !value.equals(String.valueOf(f.value()));
      case "in" -> values(f).contains(value);
      case "not_in" -> !values(f).contains(value);
      default -> true;
    };
  }

  private static List<String> values(AnalyticsQueryBody.Filter f) {
    return f.value() instanceof List<?> list
        ? list.stream().map(String::valueOf).toList()
        : List.of(String.valueOf(f.value()));
  }

  private static String shown(Object value) {
    return value instanceof List<?> list
        ? list.stream().map(v -> "'" + v + "'").toList().toString()
        : "'" + value + "'";
  }
}
