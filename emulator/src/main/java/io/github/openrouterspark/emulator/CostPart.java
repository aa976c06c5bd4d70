package io.github.openrouterspark.emulator;

import java.util.function.Function;

/** One field of {@link Generation.Cost}, as the currency metric of the same name reads it. */
enum CostPart {
  TOTAL(c -> c.total()),
  BYOK(c -> c.byok()),
  CREDITS(c -> c.credits()),
  OPENROUTER(c -> c.openrouter()),
  BYOK_FEES(c -> c.byokFees()),
  UPSTREAM(Generation.Cost::upstream),
  CACHE(Generation.Cost::cache),
  DATA(Generation.Cost::data),
  WEB(Generation.Cost::web),
  UPSTREAM_WEB(Generation.Cost::upstreamWeb),
  FILE(Generation.Cost::file),
  UPSTREAM_FILE(Generation.Cost::upstreamFile),
  WEB_FETCH(Generation.Cost::webFetch),
  UPSTREAM_WEB_FETCH(Generation.Cost::upstreamWebFetch);

  private final Function<Generation.Cost, Long> read;

  CostPart(Function<Generation.Cost, Long> read) {
    this.read = read;
  }

  /** Nano-USD, or {@code null} when the generation did not use this part. */
  Long of(Generation.Cost cost) {
    return read.apply(cost);
  }
}
