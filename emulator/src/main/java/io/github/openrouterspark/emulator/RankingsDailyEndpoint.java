package io.github.openrouterspark.emulator;

import java.util.List;

/** {@code GET /datasets/rankings-daily}: the top 50 models per date bucket plus {@code other}. */
final class RankingsDailyEndpoint implements Endpoint {
  static final String PATH = "/datasets/rankings-daily";

  private final SyntheticMarket market;
  private final DatasetEnvelope envelope;

  RankingsDailyEndpoint(SyntheticMarket market, DatasetEnvelope envelope) {
    this.market = market;
    this.envelope = envelope;
  }

  @Override
  public Reply handle(EmulatorRequest request) throws RequestRejected {
    RankingsQuery query =
        RankingsParameters.parse(request.query(), SyntheticMarket.today(request.now()));
    List<RankingRow> rows = market.rankings(query, request.now());
    return Reply.ok(
        envelope.body(
            json -> {
              for (RankingRow row : rows) {
                json.writeStartObject();
                json.writeStringField("date", row.date().toString());
                json.writeStringField("model_permaslug", row.modelPermaslug());
                json.writeStringField("total_tokens", row.totalTokens().toString());
                json.writeEndObject();
              }
            },
            request.now(),
            query.window()));
  }
}
