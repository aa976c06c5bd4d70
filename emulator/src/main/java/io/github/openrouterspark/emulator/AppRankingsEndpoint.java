package io.github.openrouterspark.emulator;

import java.util.List;

/**
 * {@code GET /datasets/app-rankings}: one page of the apps ranked by window volume ({@code
 * popular}) or excess growth ({@code trending}), with absolute ranks.
 */
final class AppRankingsEndpoint implements Endpoint {
  static final String PATH = "/datasets/app-rankings";

  private final SyntheticMarket market;
  private final DatasetEnvelope envelope;

  AppRankingsEndpoint(SyntheticMarket market, DatasetEnvelope envelope) {
    this.market = market;
    this.envelope = envelope;
  }

  @Override
  public Reply handle(EmulatorRequest request) throws RequestRejected {
    AppRankingsQuery query =
        AppRankingsParameters.parse(request.query(), SyntheticMarket.today(request.now()));
    List<AppRankingRow> ranked = market.appRankings(query, request.now());
    int from = Math.min(query.offset(), ranked.size());
    List<AppRankingRow> page = ranked.subList(from, Math.min(from + query.limit(), ranked.size()));
    return Reply.ok(
        envelope.body(
            json -> {
              for (AppRankingRow row : page) {
                json.writeStartObject();
                json.writeNumberField("rank", row.rank());
                json.writeNumberField("app_id", row.appId());
                json.writeStringField("app_name", row.appName());
                json.writeStringField("total_tokens", row.totalTokens().toString());
                json.writeNumberField("total_requests", row.totalRequests());
                json.writeEndObject();
              }
            },
            request.now(),
            query.window()));
  }
}
