package io.github.openrouterspark.emulator;

import java.math.BigInteger;
import java.time.LocalDate;
import java.util.Objects;

/** One row of {@code GET /datasets/rankings-daily}; {@code modelPermaslug} may be {@code other}. */
public record RankingRow(LocalDate date, String modelPermaslug, BigInteger totalTokens) {
  public RankingRow {
    Objects.requireNonNull(date, "date");
    Objects.requireNonNull(modelPermaslug, "modelPermaslug");
    Objects.requireNonNull(totalTokens, "totalTokens");
  }
}
