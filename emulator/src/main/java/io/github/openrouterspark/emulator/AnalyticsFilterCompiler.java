package io.github.openrouterspark.emulator;

import static io.github.openrouterspark.emulator.QueryIssues.bad;
import static io.github.openrouterspark.emulator.QueryIssues.quoted;
import static io.github.openrouterspark.emulator.QueryIssues.string;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Validates the {@code filters} of an analytics query and compiles them to {@link
 * AnalyticsFilter}s: a known dimension and operator, an array value exactly for {@code in}/{@code
 * not_in}, and numeric ids (or, for {@code api_key_id}, a key's 64-hex hash) for the id dimensions.
 */
final class AnalyticsFilterCompiler {
  static final int MAX_FILTERS = 20;

  private static final Pattern DIGITS = Pattern.compile("[0-9]+");
  private static final Pattern KEY_HASH = Pattern.compile("[0-9a-fA-F]{64}");

  private AnalyticsFilterCompiler() {}

  /**
   * @param keyIdsByHash the account's api_key_id hashes (lower case) and ids
   * @param warnings receives a warning per unknown key hash, which then matches nothing
   */
  static List<AnalyticsFilter> compile(
      List<AnalyticsQuery.Filter> filters, Map<String, Long> keyIdsByHash, List<String> warnings)
      throws RequestRejected {
    if (filters.size() > MAX_FILTERS) {
      throw bad("filters: Too big: expected array to have <=" + MAX_FILTERS + " items");
    }
    List<AnalyticsFilter> compiled = new ArrayList<>();
    for (int i = 0; i < filters.size(); i++) {
      String at = "filters." + i;
      AnalyticsQuery.Filter filter = filters.get(i);
      if (filter == null) {
        throw bad(at + ": Invalid input: expected object, received null");
      }
      String field = string(at + ".field", filter.field());
      AnalyticsDimension dimension = AnalyticsDimension.byName(field);
      if (dimension == null) {
        throw bad(at + ".field: Unknown dimension '" + field + "'; filters apply to dimensions");
      }
      String operator = string(at + ".operator", filter.operator());
      AnalyticsFilter.Op op = AnalyticsFilter.Op.byName(operator);
      if (op == null) {
        throw bad(at + ".operator: Invalid option: expected one of " + quoted(opNames()));
      }
      Object value = filter.value();
      if (value == null) {
        throw bad(at + ".value: Invalid input: expected string, number or array, received null");
      }
      List<Object> raw;
      if (value instanceof List<?> list) {
        if (!op.array) {
          throw bad(at + ".value: Operator '" + operator + "' takes a single value, not an array");
        }
        raw = new ArrayList<>(list);
      } else {
        if (op.array) {
          throw bad(at + ".value: Operator '" + operator + "' takes an array of values");
        }
        raw = List.of(value);
      }
      List<Object> values = new ArrayList<>();
      for (int j = 0; j < raw.size(); j++) {
        String where = at + ".value" + (op.array ? "." + j : "");
        values.add(value(where, dimension, raw.get(j), keyIdsByHash, warnings));
      }
      boolean includeUnset = Boolean.TRUE.equals(filter.includeUnset());
      compiled.add(new AnalyticsFilter(dimension, op, values, includeUnset));
    }
    return compiled;
  }

  private static Object value(
      String where,
      AnalyticsDimension dimension,
      Object value,
      Map<String, Long> keyIdsByHash,
      List<String> warnings)
      throws RequestRejected {
    if (!(value instanceof String) && !(value instanceof Number)) {
      throw bad(
          where + ": Invalid input: expected string or number, received " + JsonTypes.name(value));
    }
    if (!dimension.numericId()) {
      return value instanceof Number n ? JsonTypes.javaScriptString(n.doubleValue()) : value;
    }
    if (value instanceof Number n) {
      return n.doubleValue();
    }
    String text = (String) value;
    // A hash first: 64 hex digits may all be decimal digits, but no id is that long.
    if (dimension == AnalyticsDimension.API_KEY_ID && KEY_HASH.matcher(text).matches()) {
      Long id = keyIdsByHash.get(text.toLowerCase(Locale.ROOT));
      if (id == null) {
        warnings.add("Could not resolve api_key_id hash: " + text.substring(0, 12) + "...");
        return AnalyticsFilter.UNRESOLVED;
      }
      return id;
    }
    if (DIGITS.matcher(text).matches()) {
      try {
        return Long.parseLong(text);
      } catch (NumberFormatException tooBig) {
        return AnalyticsFilter.UNRESOLVED; // beyond any id
      }
    }
    throw bad(
        where
            + ": "
            + dimension.dimensionName()
            + " filters take numeric IDs"
            + (dimension == AnalyticsDimension.API_KEY_ID ? " or 64-character key hashes" : "")
            + ", not labels: got '"
            + text
            + "'");
  }

  private static List<String> opNames() {
    List<String> names = new ArrayList<>();
    for (AnalyticsFilter.Op op : AnalyticsFilter.Op.values()) {
      names.add(op.opName());
    }
    return names;
  }
}
