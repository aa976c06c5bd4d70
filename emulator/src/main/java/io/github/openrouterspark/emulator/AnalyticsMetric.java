package io.github.openrouterspark.emulator;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.function.Function;

/**
 * The metrics of {@code /analytics/meta} and {@code /analytics/query}: the list of OpenRouter's
 * analytics skill (docs/api-contract.md §4), with the 31-day metrics of its query reference. Each
 * computes its value from an {@link Aggregate}:
 *
 * <ul>
 *   <li>counts: exact sums, sent as JSON strings as the real API does;
 *   <li>currency: exact sums of nano-USD, sent as exact decimal numbers; a {@code usage_*} part
 *       that no generation of the group used is {@code null};
 *   <li>{@code avg_*}: request-weighted means of the per-generation values, sum / count;
 *   <li>{@code p50/p90/p99_*}: nearest-rank percentiles of the per-generation values;
 *   <li>{@code cache_hit_rate}: cached tokens / prompt tokens; the other rates: flagged requests /
 *       requests.
 * </ul>
 *
 * Typed values ({@link Long}, {@link BigDecimal}, {@link Double}) sort; {@link #json} turns them
 * into what a row carries.
 */
enum AnalyticsMetric {
  REQUEST_COUNT("Request Count", Format.COUNT, a -> a.requests),
  TOKENS_TOTAL("Total Tokens", Format.COUNT, a -> a.prompt + a.completion),
  TOKENS_PROMPT("Prompt Tokens", Format.COUNT, a -> a.prompt),
  TOKENS_COMPLETION("Completion Tokens", Format.COUNT, a -> a.completion),
  REASONING_TOKENS("Reasoning Tokens", Format.COUNT, a -> a.reasoning),
  CACHED_TOKENS("Cached Tokens", Format.COUNT, a -> a.cached),
  BYOK_REQUEST_COUNT("BYOK Request Count", Format.COUNT, a -> a.byokRequests),
  GUARDRAIL_INVOKED_COUNT("Guardrail Invoked Count", Format.COUNT, a -> a.guardrails),
  RESPONSE_CACHED_COUNT("Response Cached Count", Format.COUNT, a -> a.responsesCached),
  TOTAL_USAGE("Total Usage", CostPart.TOTAL, false),
  BYOK_USAGE("BYOK Usage", CostPart.BYOK, false),
  CREDITS_USAGE("Credits Usage", CostPart.CREDITS, false),
  OPENROUTER_USAGE("OpenRouter Usage", CostPart.OPENROUTER, true),
  BYOK_FEES("BYOK Fees", CostPart.BYOK_FEES, true),
  USAGE_UPSTREAM("Upstream Usage", CostPart.UPSTREAM, false),
  USAGE_CACHE("Cache Usage", CostPart.CACHE, false),
  USAGE_DATA("Data Usage", CostPart.DATA, false),
  USAGE_WEB("Web Search Usage", CostPart.WEB, false),
  USAGE_UPSTREAM_WEB("Upstream Web Search Usage", CostPart.UPSTREAM_WEB, false),
  USAGE_FILE("File Parsing Usage", CostPart.FILE, true),
  USAGE_UPSTREAM_FILE("Upstream File Usage", CostPart.UPSTREAM_FILE, true),
  USAGE_WEB_FETCH("Web Fetch Usage", CostPart.WEB_FETCH, true),
  USAGE_UPSTREAM_WEB_FETCH("Upstream Web Fetch Usage", CostPart.UPSTREAM_WEB_FETCH, true),
  AVG_LATENCY("Avg Latency", Format.LATENCY, a -> (double) a.latencySum / a.requests),
  P50_LATENCY("P50 Latency", Format.LATENCY, a -> a.latencyPercentile(50)),
  P90_LATENCY("P90 Latency", Format.LATENCY, a -> a.latencyPercentile(90)),
  P99_LATENCY("P99 Latency", Format.LATENCY, a -> a.latencyPercentile(99)),
  AVG_THROUGHPUT(
      "Avg Throughput", Format.THROUGHPUT, a -> a.throughputTenthsSum / (10.0 * a.requests)),
  P50_THROUGHPUT("P50 Throughput", Format.THROUGHPUT, a -> a.throughputPercentile(50) / 10.0),
  P90_THROUGHPUT("P90 Throughput", Format.THROUGHPUT, a -> a.throughputPercentile(90) / 10.0),
  P99_THROUGHPUT("P99 Throughput", Format.THROUGHPUT, a -> a.throughputPercentile(99) / 10.0),
  CACHE_HIT_RATE(
      "Cache Hit Rate", Format.PERCENT, a -> a.prompt == 0 ? null : (double) a.cached / a.prompt),
  GUARDRAIL_INVOKED_RATE(
      "Guardrail Invoked Rate", Format.PERCENT, a -> (double) a.guardrails / a.requests),
  RESPONSE_CACHED_RATE(
      "Response Cached Rate", Format.PERCENT, a -> (double) a.responsesCached / a.requests);

  /** How a metric is summed and shown; {@link #displayFormat} is the meta endpoint's enum value. */
  enum Format {
    COUNT("number", false, false),
    CURRENCY("currency", false, false),
    LATENCY("latency", true, true),
    THROUGHPUT("throughput", true, true),
    PERCENT("percent", true, false);

    final String displayFormat;
    final boolean rate;
    final boolean perGeneration;

    Format(String displayFormat, boolean rate, boolean perGeneration) {
      this.displayFormat = displayFormat;
      this.rate = rate;
      this.perGeneration = perGeneration;
    }
  }

  private final String label;
  private final Format format;
  private final Function<Aggregate, Object> value;

  /**
   * Whether the metric needs the raw generations table, which the real API queries over at most 31
   * days: latency and throughput, and the usage parts its query reference lists as such.
   */
  private final boolean generationsOnly;

  AnalyticsMetric(String label, Format format, Function<Aggregate, Object> value) {
    this.label = label;
    this.format = format;
    this.value = value;
    this.generationsOnly = format.perGeneration;
  }

  AnalyticsMetric(String label, CostPart part, boolean generationsOnly) {
    this.label = label;
    this.format = Format.CURRENCY;
    int i = part.ordinal();
    boolean nullable = part.ordinal() >= CostPart.UPSTREAM.ordinal();
    this.value = a -> nullable && !a.costUsed[i] ? null : a.cost[i];
    this.generationsOnly = generationsOnly;
  }

  String metricName() {
    return name().toLowerCase(Locale.ROOT);
  }

  String label() {
    return label;
  }

  Format format() {
    return format;
  }

  boolean isRate() {
    return format.rate;
  }

  boolean generationsOnly() {
    return generationsOnly;
  }

  /** Whether computing it needs every latency and throughput of the group, not just sums. */
  boolean percentile() {
    return name().startsWith("P");
  }

  /** The typed value: a Long (counts, nano-USD, percentile latencies), a Double, or null. */
  @SuppressWarnings("unchecked")
  Comparable<Object> value(Aggregate aggregate) {
    return (Comparable<Object>) value.apply(aggregate);
  }

  /**
   * A typed value as a row carries it: counts as decimal strings, currency as exact USD decimals,
   * the rest as numbers.
   */
  Object json(Object typed) {
    if (typed == null) {
      return null;
    }
    return switch (format) {
      case COUNT -> typed.toString();
      case CURRENCY -> Generation.Cost.usd((Long) typed);
      default -> typed;
    };
  }

  static AnalyticsMetric byName(String name) {
    for (AnalyticsMetric metric : values()) {
      if (metric.metricName().equals(name)) {
        return metric;
      }
    }
    return null;
  }
}
