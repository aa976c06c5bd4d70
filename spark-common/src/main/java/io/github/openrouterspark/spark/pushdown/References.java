package io.github.openrouterspark.spark.pushdown;

import java.util.Arrays;
import org.apache.spark.sql.connector.expressions.Expression;
import org.apache.spark.sql.connector.expressions.NamedReference;

/** Which columns an expression refers to. */
public final class References {
  private References() {}

  /** The top-level names of every column {@code e} refers to, lower-cased. */
  public static java.util.Set<String> columns(Expression e) {
    java.util.Set<String> out = new java.util.LinkedHashSet<>();
    collect(e, out);
    return out;
  }

  private static void collect(Expression e, java.util.Set<String> out) {
    if (e instanceof NamedReference ref && ref.fieldNames().length > 0) {
      out.add(ref.fieldNames()[0].toLowerCase(java.util.Locale.ROOT));
    }
    for (Expression child : e.children()) {
      collect(child, out);
    }
  }

  public static boolean mentions(Expression e, String column) {
    if (e instanceof NamedReference ref) {
      return ref.fieldNames().length > 0 && ref.fieldNames()[0].equalsIgnoreCase(column);
    }
    return Arrays.stream(e.children()).anyMatch(child -> mentions(child, column));
  }
}
