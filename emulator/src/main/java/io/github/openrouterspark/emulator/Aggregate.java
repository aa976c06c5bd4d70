package io.github.openrouterspark.emulator;

import java.util.Arrays;

/**
 * The running totals of one analytics group: exact integer sums for every metric, and the raw
 * latencies and throughputs when a percentile needs them. Every metric value is a function of
 * these, so the order in which generations arrive never changes a result.
 */
final class Aggregate {
  long requests;
  long prompt;
  long completion;
  long reasoning;
  long cached;
  long byokRequests;
  long guardrails;
  long responsesCached;
  long latencySum;
  long throughputTenthsSum;
  private static final CostPart[] PARTS = CostPart.values();
  final long[] cost = new long[PARTS.length];

  /** Whether any generation used the part; a part nobody used is null, not 0. */
  final boolean[] costUsed = new boolean[PARTS.length];

  private long[] latencies;
  private long[] throughputs;
  private int kept;

  Aggregate(boolean keepDistributions) {
    if (keepDistributions) {
      latencies = new long[16];
      throughputs = new long[16];
    }
  }

  void add(Generation g) {
    requests++;
    prompt += g.tokensPrompt();
    completion += g.tokensCompletion();
    reasoning += g.reasoningTokens();
    cached += g.cachedTokens();
    byokRequests += g.byok() ? 1 : 0;
    guardrails += g.guardrailInvoked() ? 1 : 0;
    responsesCached += g.responseCached() ? 1 : 0;
    latencySum += g.latencyMs();
    long tenths = g.throughputTenths();
    throughputTenthsSum += tenths;
    for (int i = 0; i < PARTS.length; i++) {
      Long value = PARTS[i].of(g.cost());
      if (value != null) {
        cost[i] += value;
        costUsed[i] = true;
      }
    }
    if (latencies != null) {
      if (kept == latencies.length) {
        latencies = Arrays.copyOf(latencies, kept * 2);
        throughputs = Arrays.copyOf(throughputs, kept * 2);
      }
      latencies[kept] = g.latencyMs();
      throughputs[kept] = tenths;
      kept++;
    }
  }

  /** The nearest-rank percentile of the latencies, ms. */
  long latencyPercentile(int p) {
    return nearestRank(latencies, p);
  }

  /** The nearest-rank percentile of the throughputs, in tenths of tokens per second. */
  long throughputPercentile(int p) {
    return nearestRank(throughputs, p);
  }

  /**
   * The smallest value with at least {@code p}% of the values at or below it: the element at rank
   * ceil(p/100 * n) of the sorted values.
   */
  private long nearestRank(long[] values, int p) {
    long[] sorted = Arrays.copyOf(values, kept);
    Arrays.sort(sorted);
    int rank = (int) ((p * (long) kept + 99) / 100);
    return sorted[Math.max(rank, 1) - 1];
  }
}
