package io.github.openrouterspark.api;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/** Parameters of one {@code GET /datasets/rankings-daily} request: an inclusive UTC date window. */
public record RankingsDailyQuery(LocalDate startDate, LocalDate endDate) {
  public static final String PATH = "/datasets/rankings-daily";

  public RankingsDailyQuery {
    if (endDate.isBefore(startDate)) {
      throw new IllegalArgumentException("endDate " + endDate + " is before startDate " + startDate);
    }
  }

  public ApiRequest toRequest() {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("start_date", startDate.toString());
    params.put("end_date", endDate.toString());
    return new ApiRequest(PATH, params);
  }
}
