package io.github.openrouterspark.api;

import java.util.List;

/**
 * The metadata of one analytics response, read after its rows.
 *
 * @param truncated the API cut the result at the request's limit: more rows exist
 * @param rowCount the rows the API says it sent (checked against the rows received)
 * @param warnings non-fatal problems the API reported, e.g. an unresolvable api_key_id hash
 */
public record AnalyticsResult(boolean truncated, long rowCount, List<String> warnings) {
  public AnalyticsResult {
    warnings = List.copyOf(warnings);
  }
}
