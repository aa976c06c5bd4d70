package io.github.openrouterspark.emulator;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * One generation (API request) of an account's synthetic {@link AnalyticsLog}, the raw record every
 * analytics aggregate is computed from. Fields hold underlying values, as analytics filters use
 * them: numeric ids for keys and apps, Clerk ids for users, UUIDs for workspaces; the labels that
 * query rows show instead come from {@link AnalyticsLog#apiKeys()}, {@link AnalyticsLog#users()},
 * {@link AnalyticsLog#workspaces()} and {@link AnalyticsLog#appName}.
 *
 * @param id {@code gen-<epoch seconds>-<20 base62 characters>}, like OpenRouter's
 * @param createdAt whole seconds, UTC
 * @param model permaslug without variant suffix, e.g. {@code deepseek/deepseek-r1}
 * @param variant {@code standard}, {@code free}, {@code thinking}, {@code nitro}, {@code floor} or
 *     {@code online}
 * @param provider upstream provider name, e.g. {@code DeepInfra}
 * @param appId the attributed app, or {@code null} when the request named none
 * @param origin the request's HTTP origin, or {@code null} when it sent none (server-side calls)
 * @param country ISO 3166-1 alpha-2 code
 * @param finishReason {@code stop}, {@code length}, {@code tool_calls}, {@code content_filter} or
 *     {@code error}
 * @param externalUser the caller's {@code user} parameter, or {@code null}
 * @param contextLengthBucket {@code 1K}, {@code 10K}, {@code 100K}, {@code 1M} or {@code 10M}: the
 *     smallest bucket holding the prompt
 * @param tokensCompletion includes {@code reasoningTokens}
 * @param cachedTokens prompt tokens read from the provider's cache; at most {@code tokensPrompt}
 * @param byok whether the request ran on the account's own provider key
 * @param responseCached whether OpenRouter answered from its response cache (no cost)
 * @param latencyMs time to first token
 * @param throughput completion tokens per second, always a multiple of 0.1 (see {@link
 *     #throughputTenths()})
 */
public record Generation(
    String id,
    Instant createdAt,
    String model,
    String variant,
    String provider,
    Long appId,
    long apiKeyId,
    String userId,
    String workspaceId,
    String origin,
    String country,
    String finishReason,
    String externalUser,
    String contextLengthBucket,
    long tokensPrompt,
    long tokensCompletion,
    long reasoningTokens,
    long cachedTokens,
    boolean byok,
    boolean guardrailInvoked,
    boolean responseCached,
    long latencyMs,
    double throughput,
    Cost cost) {

  public Generation {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(cost, "cost");
  }

  /** {@link #throughput} times 10, exactly: averages are computed from sums of these. */
  public long throughputTenths() {
    return Math.round(throughput * 10);
  }

  /**
   * What a generation cost, in nano-USD (1e-9 USD) so that any sum is exact. The {@code usage*}
   * components are {@code null} when the generation did not use them; the analytics metric of a
   * group is null when none of its generations did.
   *
   * <p>The components add up to the gross cost. A BYOK generation pays the gross to the provider
   * through the account's own key ({@code byok}) and a 5% fee in credits ({@code byokFees}); any
   * other generation pays the gross in credits. So {@code total = credits + byok} and {@code
   * openrouter = credits - byokFees}.
   *
   * @param upstream inference at list price
   * @param cache provider cache reads (savings, negative) net of cache writes (positive)
   * @param data data-policy discounts; usually negative
   */
  public record Cost(
      long total,
      long byok,
      long credits,
      long openrouter,
      long byokFees,
      Long upstream,
      Long cache,
      Long data,
      Long web,
      Long upstreamWeb,
      Long file,
      Long upstreamFile,
      Long webFetch,
      Long upstreamWebFetch) {

    /** Nano-USD as exact USD, e.g. 1234 as 0.000001234. */
    public static BigDecimal usd(long nanos) {
      return BigDecimal.valueOf(nanos, 9).stripTrailingZeros();
    }
  }
}
