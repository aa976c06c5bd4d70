package io.github.openrouterspark.options;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The Spark confs a read consults, looked up by name ignoring case, as option names are: a conf
 * spelt {@code spark.openrouter.apikey} is the same setting as {@code spark.openrouter.apiKey}. Two
 * spellings that hold different values are a mistake to report, not a choice to make silently; the
 * report names both confs and never their values (they are keys).
 */
public final class SparkConfs {
  /** One conf as it was set: its name as spelt there, and its value. */
  public record Conf(String name, String value) {
    @Override
    public String toString() {
      return "Conf[" + name + "]"; // the value may be a key
    }
  }

  private final Function<String, List<Conf>> spellings;

  private SparkConfs(Function<String, List<Conf>> spellings) {
    this.spellings = spellings;
  }

  /** Every conf of the session by name, e.g. {@code SparkSession.conf().getAll()}. */
  public static SparkConfs of(Map<String, String> all) {
    Map<String, String> copy = Map.copyOf(all);
    return new SparkConfs(
        name -> {
          List<Conf> found = new ArrayList<>();
          copy.forEach(
              (key, value) -> {
                if (key.equalsIgnoreCase(name) && value != null) {
                  found.add(new Conf(key, value));
                }
              });
          found.sort((a, b) -> a.name().compareTo(b.name()));
          return found;
        });
  }

  /** Lookups by exact name only, for callers that cannot list the confs. */
  public static SparkConfs exact(Function<String, String> lookup) {
    return new SparkConfs(
        name -> {
          String value = lookup.apply(name);
          return value == null ? List.of() : List.of(new Conf(name, value));
        });
  }

  /**
   * The conf named {@code name} in any case, ignoring blank values (a blank counts as not set).
   *
   * @throws InvalidOptionException when two spellings hold different values
   */
  public Optional<Conf> find(String name) {
    List<Conf> set = spellings.apply(name).stream().filter(c -> !c.value().isBlank()).toList();
    for (Conf other : set) {
      if (!other.value().strip().equals(set.get(0).value().strip())) {
        throw new InvalidOptionException(
            "The Spark confs "
                + set.get(0).name()
                + " and "
                + other.name()
                + " are one setting (conf and option names are case-insensitive) but hold different values: remove"
                + " one of them.");
      }
    }
    return set.stream().findFirst();
  }
}
