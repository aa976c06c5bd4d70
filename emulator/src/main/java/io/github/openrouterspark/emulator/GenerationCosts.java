package io.github.openrouterspark.emulator;

import java.util.List;

/**
 * Prices one generation in nano-dollars: model tokens, prompt-cache savings and writes, data
 * discounts, web search and file parts, and the BYOK split. The draws come from the generation's
 * own stream, so the order of the draws here is part of the synthetic data.
 */
final class GenerationCosts {
  private static final double NANOS_PER_USD = 1e9;

  /** $0.02: five web results at $4 per 1000, OpenRouter's web plugin price. */
  private static final long WEB_SEARCH = 20_000_000;

  private static final List<String> NATIVE_SEARCH =
      List.of("openai", "x-ai", "google", "anthropic", "perplexity");

  private GenerationCosts() {}

  /** The cost of a response served from cache or failed: nothing, and no parts. */
  static Generation.Cost none() {
    return new Generation.Cost(0, 0, 0, 0, 0, null, null, null, null, null, null, null, null, null);
  }

  static Generation.Cost of(
      ModelTraits model,
      String variant,
      long prompt,
      long completion,
      long cached,
      boolean cacheWrite,
      boolean byok,
      Draws d) {
    long upstream = prompt * model.inputPrice() + completion * model.outputPrice();
    Long cache = null;
    if (cached > 0) {
      long saved = cached * model.inputPrice() * 3 / 4;
      long written = cacheWrite ? (prompt - cached) * model.inputPrice() / 4 : 0;
      cache = written - saved;
    }
    Long data = null;
    if (!model.free() && d.next() < 0.12) {
      long percent = 5 + (long) (d.next() * 21);
      data = d.next() < 0.025 ? upstream * (1 + percent % 3) / 100 : -(upstream * percent / 100);
    }
    Long web = variant.equals("online") ? WEB_SEARCH : null;
    boolean nativeSearch = NATIVE_SEARCH.contains(model.vendor());
    Long upstreamWeb = nativeSearch && d.next() < 0.01 ? usd(0.01 + 0.025 * d.next()) : null;
    Long file = d.next() < 0.006 ? usd(0.0001 + 0.01 * d.next()) : null;
    Long upstreamFile = d.next() < 0.003 ? usd(0.0002 + 0.005 * d.next()) : null;
    Long webFetch = d.next() < 0.004 ? usd(0.001 * (1 + (int) (d.next() * 5))) : null;
    Long upstreamWebFetch = d.next() < 0.002 ? usd(0.002 * (1 + (int) (d.next() * 3))) : null;
    long gross = upstream;
    for (Long part :
        new Long[] {
          cache, data, web, upstreamWeb, file, upstreamFile, webFetch, upstreamWebFetch
        }) {
      if (part != null) {
        gross += part;
      }
    }
    long byokUsage = byok ? gross : 0;
    long byokFees = byok ? gross * 5 / 100 : 0;
    long credits = byok ? byokFees : gross;
    return new Generation.Cost(
        credits + byokUsage,
        byokUsage,
        credits,
        credits - byokFees,
        byokFees,
        upstream,
        cache,
        data,
        web,
        upstreamWeb,
        file,
        upstreamFile,
        webFetch,
        upstreamWebFetch);
  }

  private static long usd(double dollars) {
    return Math.round(dollars * NANOS_PER_USD);
  }
}
