/**
 * An in-process emulator of OpenRouter's public Data API and Analytics API, for testing pipelines
 * without network access, keys or quota.
 *
 * <p>{@link io.github.openrouterspark.emulator.OpenRouterEmulator} serves {@code GET
 * /api/v1/datasets/rankings-daily}, {@code GET /api/v1/datasets/app-rankings}, {@code GET
 * /api/v1/analytics/meta} and {@code POST /api/v1/analytics/query} on 127.0.0.1 with the real API's
 * bearer authentication (inference and management keys), rate limits (datasets: per key per minute
 * and per account per UTC day; analytics: its own per key per minute), validation and error bodies.
 * Dataset data comes from a {@link io.github.openrouterspark.emulator.SyntheticMarket}, analytics
 * data from each account's {@link io.github.openrouterspark.emulator.AnalyticsLog} of individual
 * generations; both are deterministic for a seed, and tests can query them directly for the
 * expected rows. Time comes from an injected {@link java.time.Clock}, such as a {@link
 * io.github.openrouterspark.emulator.ManualClock}, and every request is recorded in a {@link
 * io.github.openrouterspark.emulator.RequestLog}.
 *
 * <p>For testing a client's resilience, a 429's retry hint comes in one of several {@link
 * io.github.openrouterspark.emulator.RetryAfterFlavour}s, the limits can change at run time, and
 * {@link io.github.openrouterspark.emulator.OpenRouterEmulator#faults()} injects {@link
 * io.github.openrouterspark.emulator.Fault}s: error statuses, errors wrapped in a 400, slow
 * answers, dropped connections and truncated bodies.
 *
 * <p>{@link io.github.openrouterspark.emulator.EmulatorMain} runs it standalone.
 */
package io.github.openrouterspark.emulator;
