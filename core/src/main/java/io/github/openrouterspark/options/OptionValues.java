package io.github.openrouterspark.options;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Typed parsers for option values; each failure names the option, the value and what is allowed.
 */
final class OptionValues {
  private static final DateTimeFormatter STRICT_DATE =
      DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);
  private static final Pattern DATE_SHAPE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
  private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|min)?");
  private static final Pattern CATEGORY = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
  private static final Duration MAX_TIMEOUT = Duration.ofMinutes(10);

  private OptionValues() {}

  static LocalDate date(ReaderOption option, String value) {
    String v = value.strip();
    if (!DATE_SHAPE.matcher(v).matches()) {
      throw InvalidOptionException.badValue(
          option.key(), value, "expected a UTC date as YYYY-MM-DD, e.g. 2025-06-30");
    }
    try {
      return LocalDate.parse(v, STRICT_DATE);
    } catch (DateTimeParseException e) {
      throw InvalidOptionException.badValue(
          option.key(), value, "not a calendar date (expected YYYY-MM-DD)");
    }
  }

  /**
   * An ISO-8601 instant: a date-time with an offset or {@code Z}, a date-time without one (UTC), or
   * a date: its 00:00 UTC, or for an end ({@code endOfDay}) the next day's, so the day is included.
   */
  static java.time.Instant instant(ReaderOption option, String value, boolean endOfDay) {
    String v = value.strip();
    if (DATE_SHAPE.matcher(v).matches()) {
      LocalDate day = date(option, v);
      return (endOfDay ? day.plusDays(1) : day).atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
    }
    try {
      return java.time.OffsetDateTime.parse(v).toInstant();
    } catch (DateTimeParseException withoutOffset) {
      try {
        return java.time.LocalDateTime.parse(v).toInstant(java.time.ZoneOffset.UTC);
      } catch (DateTimeParseException e) {
        throw InvalidOptionException.badValue(
            option.key(),
            value,
            "expected an ISO date-time such as 2026-05-01T00:00:00Z (no offset means UTC) or a date YYYY-MM-DD");
      }
    }
  }

  static int intInRange(ReaderOption option, String value, int min, int max) {
    try {
      int n = Integer.parseInt(value.strip());
      if (n >= min && n <= max) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw InvalidOptionException.badValue(
        option.key(), value, "expected a whole number from " + min + " to " + max);
  }

  /** {@code value} stripped, when it is one of {@code allowed}. */
  static String oneOf(ReaderOption option, String value, List<String> allowed) {
    String v = value.strip();
    if (!allowed.contains(v)) {
      throw InvalidOptionException.badValue(
          option.key(), v, "expected one of " + String.join(", ", allowed));
    }
    return v;
  }

  static boolean bool(ReaderOption option, String value) {
    return switch (value.strip().toLowerCase(Locale.ROOT)) {
      case "true" -> true;
      case "false" -> false;
      default ->
          throw InvalidOptionException.badValue(option.key(), value, "expected true or false");
    };
  }

  static Duration duration(ReaderOption option, String value) {
    return duration(option, value, MAX_TIMEOUT, "10m");
  }

  static Duration duration(ReaderOption option, String value, Duration max, String maxText) {
    Matcher m = DURATION.matcher(value.strip().toLowerCase(Locale.ROOT));
    String allowed =
        "expected a duration from 1ms to "
            + maxText
            + " such as 500ms, 30s or 2m (a bare number means seconds)";
    if (!m.matches()) {
      throw InvalidOptionException.badValue(option.key(), value, allowed);
    }
    long n;
    try {
      n = Long.parseLong(m.group(1));
    } catch (NumberFormatException e) {
      throw InvalidOptionException.badValue(option.key(), value, allowed);
    }
    String unit = m.group(2) == null ? "s" : m.group(2);
    Duration d =
        switch (unit) {
          case "ms" -> Duration.ofMillis(n);
          case "m", "min" -> Duration.ofMinutes(Math.min(n, 1_000_000));
          default -> Duration.ofSeconds(Math.min(n, 1_000_000_000));
        };
    if (d.isZero() || d.compareTo(max) > 0) {
      throw InvalidOptionException.badValue(option.key(), value, allowed);
    }
    return d;
  }

  static String httpUrl(ReaderOption option, String value) {
    String v = value.strip();
    String allowed = "expected an http or https URL such as https://openrouter.ai/api/v1";
    try {
      URI uri = new URI(v);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if ((scheme.equals("http") || scheme.equals("https"))
          && uri.getHost() != null
          && uri.getQuery() == null
          && uri.getFragment() == null
          && uri.getUserInfo() == null) {
        return v.endsWith("/") ? v.substring(0, v.length() - 1) : v;
      }
    } catch (URISyntaxException e) {
      // reported below
    }
    throw InvalidOptionException.badValue(option.key(), value, allowed);
  }

  static String storeDirectory(ReaderOption option, String value) {
    String v = value.strip();
    String allowed =
        "expected a directory path or URI such as /tmp/openrouter-cache, file:/tmp/cache,"
            + " dbfs:/openrouter-cache or s3a://bucket/prefix";
    if (!v.isEmpty() && v.chars().noneMatch(c -> c < 0x20 || c == 0x7f)) {
      try {
        URI uri = new URI(v.replace(" ", "%20"));
        if (uri.getQuery() == null && uri.getFragment() == null && uri.getUserInfo() == null) {
          return v;
        }
      } catch (URISyntaxException e) {
        // reported below
      }
    }
    throw InvalidOptionException.badValue(option.key(), value, allowed);
  }

  static String headerText(ReaderOption option, String value) {
    String v = value.strip();
    boolean printable = !v.isEmpty() && v.chars().allMatch(c -> c >= 0x20 && c < 0x7f);
    if (!printable) {
      throw InvalidOptionException.badValue(
          option.key(),
          value,
          "expected non-empty printable ASCII text (it is sent as an HTTP header)");
    }
    return v;
  }

  /**
   * At most 2 per request, each lowercase and hyphenated, at most 30 characters
   * (docs/api-contract.md §7).
   */
  static String categories(ReaderOption option, String value) {
    String[] parts = value.strip().split("\\s*,\\s*");
    String allowed =
        "expected 1 or 2 comma-separated categories, each lowercase letters, digits and"
            + " hyphens, at most 30 characters, e.g. cli-agent,cloud-agent";
    if (parts.length > 2) {
      throw InvalidOptionException.badValue(option.key(), value, allowed);
    }
    for (String p : parts) {
      if (p.length() > 30 || !CATEGORY.matcher(p).matches()) {
        throw InvalidOptionException.badValue(option.key(), value, allowed);
      }
    }
    return String.join(",", parts);
  }
}
