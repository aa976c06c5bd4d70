package io.github.openrouterspark.emulator;

import java.math.BigInteger;
import java.util.Objects;

/**
 * One row of {@code GET /datasets/app-rankings}.
 *
 * @param rank 1-based and absolute: the position in the whole ranked list, whatever the offset
 * @param totalTokens prompt + completion tokens inside the window, for {@code trending} too
 * @param totalRequests requests inside the window
 */
public record AppRankingRow(
    int rank, long appId, String appName, BigInteger totalTokens, long totalRequests) {
  public AppRankingRow {
    Objects.requireNonNull(appName, "appName");
    Objects.requireNonNull(totalTokens, "totalTokens");
    if (rank < 1) {
      throw new IllegalArgumentException("rank must be positive, got " + rank);
    }
  }
}
