package io.github.openrouterspark.spark.pushdown;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.spark.sql.connector.expressions.filter.Predicate;

/**
 * A table's parameter ("key") columns and the values a scan reads for each. A column no predicate
 * mentions reads its option's value (null: the parameter is not sent). A mentioned column reads its
 * whole domain, narrowed by the predicates that test only that column and translate exactly ({@link
 * KeyColumnPredicates}); so a query returns the same rows whether or not it narrows. Collect the
 * query's predicates with {@link #mention} and {@link #narrow}, then read {@link #values}.
 */
public final class KeyColumns {
  private final Map<String, KeyColumnPredicates> columns = new LinkedHashMap<>();
  private final Map<String, List<String>> values = new LinkedHashMap<>();
  private final Set<String> mentioned = new HashSet<>();

  /**
   * @param domain the values the API accepts, in display order
   * @param nullable whether rows may lack the parameter (null joins the domain)
   * @param optionValue what an unmentioned column reads; null for "not sent"
   */
  public KeyColumns add(String column, List<String> domain, boolean nullable, String optionValue) {
    List<String> full = new ArrayList<>();
    if (nullable) {
      full.add(null);
    }
    full.addAll(domain);
    columns.put(column, new KeyColumnPredicates(column, full));
    values.put(column, Collections.singletonList(optionValue));
    return this;
  }

  /** The key columns among {@code referenced} now read their domains (unless narrowed already). */
  public void mention(Set<String> referenced) {
    for (String c : referenced) {
      KeyColumnPredicates key = columns.get(c);
      if (key != null && !mentioned.contains(c)) {
        mentioned.add(c);
        values.put(c, key.domain());
      }
    }
  }

  /**
   * Narrows the one key column {@code p} tests, if {@code p} tests exactly one key column and
   * nothing else and translates exactly; returns whether it did (then Spark need not evaluate
   * {@code p}). Call {@link #mention} with {@code p}'s columns first.
   */
  public boolean narrow(Predicate p, Set<String> referenced) {
    if (referenced.size() != 1) {
      return false;
    }
    String column = referenced.iterator().next();
    KeyColumnPredicates key = columns.get(column);
    if (key == null) {
      return false;
    }
    Optional<List<String>> exact = key.exact(p);
    if (exact.isEmpty()) {
      return false;
    }
    values.put(column, values.get(column).stream().filter(exact.get()::contains).toList());
    return true;
  }

  /** The values the scan reads for {@code column}; null elements mean "not sent". */
  public List<String> values(String column) {
    return values.get(column);
  }
}
