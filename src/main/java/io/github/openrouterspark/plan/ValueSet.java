package io.github.openrouterspark.plan;

import java.io.Serializable;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The values a nullable string column may take under the query's predicates: every value, or a
 * finite set whose elements may include null (a key column is null when the API was called
 * without that parameter).
 */
public final class ValueSet implements Serializable {
  private static final long serialVersionUID = 1L;

  public static final ValueSet ALL = new ValueSet(true, Set.of());
  public static final ValueSet NONE = new ValueSet(false, Set.of());

  private final boolean all;
  private final Set<String> values;

  private ValueSet(boolean all, Set<String> values) {
    this.all = all;
    this.values = values;
  }

  /** A finite set; null elements stand for "the parameter is not sent". */
  public static ValueSet of(Collection<String> values) {
    return new ValueSet(false, Collections.unmodifiableSet(new LinkedHashSet<>(values)));
  }

  public static ValueSet of(String... values) {
    return of(java.util.Arrays.asList(values));
  }

  public boolean isAll() {
    return all;
  }

  public boolean isEmpty() {
    return !all && values.isEmpty();
  }

  public ValueSet intersect(ValueSet other) {
    if (all) {
      return other;
    }
    if (other.all) {
      return this;
    }
    Set<String> out = new LinkedHashSet<>(values);
    out.retainAll(other.values);
    return of(out);
  }

  public ValueSet union(ValueSet other) {
    if (all || other.all) {
      return ALL;
    }
    Set<String> out = new LinkedHashSet<>(values);
    out.addAll(other.values);
    return of(out);
  }

  /** The members of {@code domain} (in its order) this set allows. */
  public List<String> within(List<String> domain) {
    if (all) {
      return domain;
    }
    Set<String> mine = new HashSet<>(values);
    return domain.stream().filter(mine::contains).toList();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ValueSet v && v.all == all && v.values.equals(values);
  }

  @Override
  public int hashCode() {
    return Boolean.hashCode(all) * 31 + values.hashCode();
  }

  @Override
  public String toString() {
    return all ? "all" : values.toString();
  }
}
