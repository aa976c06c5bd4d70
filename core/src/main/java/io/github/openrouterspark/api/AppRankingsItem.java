package io.github.openrouterspark.api;

import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;

/** The current row of a {@code /datasets/app-rankings} response. */
public final class AppRankingsItem implements ItemDecoder {
  private long rank;
  private long appId;
  private String appName;
  private String totalTokens;
  private long totalRequests;
  private int seen;

  private static final int RANK = 1;
  private static final int APP_ID = 2;
  private static final int APP_NAME = 4;
  private static final int TOTAL_TOKENS = 8;
  private static final int TOTAL_REQUESTS = 16;

  @Override
  public void begin() {
    seen = 0;
  }

  @Override
  public boolean field(String name, JsonParser p) throws IOException {
    switch (name) {
      case "rank" -> {
        rank = integer(name, p);
        seen |= RANK;
      }
      case "app_id" -> {
        appId = integer(name, p);
        seen |= APP_ID;
      }
      case "app_name" -> {
        appName = JsonValues.string(name, p);
        seen |= APP_NAME;
      }
      case "total_tokens" -> {
        totalTokens = JsonValues.unsignedDecimal(name, p);
        seen |= TOTAL_TOKENS;
      }
      case "total_requests" -> {
        totalRequests = integer(name, p);
        seen |= TOTAL_REQUESTS;
      }
      default -> {
        return false;
      }
    }
    return true;
  }

  private static long integer(String field, JsonParser p) throws IOException {
    return JsonValues.integer(field, p);
  }

  /** A page ranks each app once, one app per rank (docs/api-contract.md §3). */
  @Override
  public void addKeys(UniqueKeys keys, long index) {
    keys.add(index, "rank", rank);
    keys.add(index, "app_id", appId);
  }

  @Override
  public String missingField() {
    if ((seen & RANK) == 0) {
      return "rank";
    }
    if ((seen & APP_ID) == 0) {
      return "app_id";
    }
    if ((seen & APP_NAME) == 0) {
      return "app_name";
    }
    if ((seen & TOTAL_TOKENS) == 0) {
      return "total_tokens";
    }
    return (seen & TOTAL_REQUESTS) == 0 ? "total_requests" : null;
  }

  public long rank() {
    return rank;
  }

  public long appId() {
    return appId;
  }

  public String appName() {
    return appName;
  }

  public String totalTokens() {
    return totalTokens;
  }

  public long totalRequests() {
    return totalRequests;
  }
}
