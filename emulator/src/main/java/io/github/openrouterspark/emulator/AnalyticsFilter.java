package io.github.openrouterspark.emulator;

import java.util.List;
import java.util.Locale;

/**
 * A validated filter of an analytics query, with its values in the dimension's own terms: for
 * {@code app} and {@code api_key_id} a {@link Long} (an exact id from a digit string or a resolved
 * key hash) or a {@link Double} (a JSON number, compared with {@code (double) id} as JavaScript
 * would: ids above 2<sup>53</sup> lose precision, so clients should send them as strings), or
 * {@link #UNRESOLVED} for a key hash that names no key; for the other dimensions a String, a JSON
 * number becoming its JavaScript string form.
 *
 * <p>Unset values behave as SQL NULLs: they match no comparison, except that {@code in} and {@code
 * not_in} with {@code include_unset} let them through.
 */
record AnalyticsFilter(
    AnalyticsDimension dimension, Op op, List<Object> values, boolean includeUnset) {
  /** A value that equals nothing: an api_key_id hash that names no key of the account. */
  static final Object UNRESOLVED =
      new Object() {
        @Override
        public String toString() {
          return "UNRESOLVED";
        }
      };

  enum Op {
    EQ(false),
    NEQ(false),
    IN(true),
    NOT_IN(true),
    GT(false),
    GTE(false),
    LT(false),
    LTE(false);

    final boolean array;

    Op(boolean array) {
      this.array = array;
    }

    String opName() {
      return name().toLowerCase(Locale.ROOT);
    }

    static Op byName(String name) {
      for (Op op : values()) {
        if (op.opName().equals(name)) {
          return op;
        }
      }
      return null;
    }
  }

  AnalyticsFilter {
    values = List.copyOf(values);
  }

  boolean test(Generation generation) {
    Object v = dimension.key(generation);
    if (v == null) {
      return includeUnset && (op == Op.IN || op == Op.NOT_IN);
    }
    if (!op.array && values.get(0) == UNRESOLVED) {
      // Nothing equals an unknown key, so everything differs from it; nothing orders against it.
      return op == Op.NEQ;
    }
    return switch (op) {
      case EQ -> same(v, values.get(0));
      case NEQ -> !same(v, values.get(0));
      case IN -> values.stream().anyMatch(x -> same(v, x));
      case NOT_IN -> values.stream().noneMatch(x -> same(v, x));
      case GT -> order(v, values.get(0)) > 0;
      case GTE -> order(v, values.get(0)) >= 0;
      case LT -> order(v, values.get(0)) < 0;
      case LTE -> order(v, values.get(0)) <= 0;
    };
  }

  private static boolean same(Object v, Object x) {
    if (x == UNRESOLVED) {
      return false;
    }
    if (x instanceof Double d) {
      return ((Long) v).doubleValue() == d;
    }
    return v.equals(x);
  }

  /** The sign of v - x: numerically for ids, by UTF-16 code units for strings. */
  private static int order(Object v, Object x) {
    if (x instanceof Double d) {
      return Double.compare(((Long) v).doubleValue(), d);
    }
    if (x instanceof Long l) {
      return Long.compare((Long) v, l);
    }
    return Integer.signum(((String) v).compareTo((String) x));
  }
}
