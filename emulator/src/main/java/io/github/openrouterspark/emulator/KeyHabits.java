package io.github.openrouterspark.emulator;

import java.util.List;

/**
 * How one synthetic API key of an account generates traffic. Each key plays a role ({@link Kind})
 * whose defaults shape its volume, prompts and models; the seed varies the rest.
 *
 * @param dailyRequests full-strength requests per day before growth, weekday and noise
 * @param vendors model vendors the key calls; empty for every vendor
 * @param app the app its attributed requests carry, or {@code null}
 * @param appShare share of requests that carry {@code app}
 * @param origin HTTP origin of its requests that send one, or {@code null}
 * @param originShare share of requests that send {@code origin}
 * @param externalUserPrefix prefix of the caller-supplied user ids, or {@code null} for none
 * @param byokShare share of requests on the account's own provider keys
 * @param cachingShare share of long prompts that read from the provider's prompt cache
 * @param guardrailRate share of requests that trigger a guardrail
 * @param homeCountry ISO country of most requests
 * @param peakHourUtc the busiest UTC hour of the day
 * @param minPrompt smallest typical prompt, tokens
 * @param maxPrompt largest typical prompt, tokens
 */
record KeyHabits(
    Kind kind,
    double dailyRequests,
    List<String> vendors,
    Long app,
    double appShare,
    String origin,
    double originShare,
    String externalUserPrefix,
    double byokShare,
    double cachingShare,
    double guardrailRate,
    String homeCountry,
    int peakHourUtc,
    long minPrompt,
    long maxPrompt) {

  enum Kind {
    /** Nightly bulk jobs on cheap models. */
    BATCH,
    /** A production chat product with end users. */
    CHAT,
    /** A customer-support bot with guardrails. */
    SUPPORT,
    /** A coding agent: long cached contexts, tool calls. */
    AGENT,
    /** A developer's laptop, including the chatroom and free models. */
    DEV,
    /** An evaluation harness: bursts over many models. */
    EVAL,
    /** A research notebook with long documents. */
    RESEARCH
  }

  KeyHabits {
    vendors = List.copyOf(vendors);
  }
}
