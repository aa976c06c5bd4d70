package io.github.openrouterspark.emulator;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Generates one UTC day of an {@link AnalyticsOrg}'s generations. A generation is a pure function
 * of (org seed, key, day, index): any day can be generated alone, in any order, with the same
 * result, so a query over any window costs only the days in it.
 *
 * <p>A key's requests per day = its base x adoption ramp after creation x account growth (the
 * traffic roughly triples over 2025-2026) x weekday factor x noise; batch keys run a triple job on
 * one day in ten, the eval harness runs mostly in bursts. Within the day, requests cluster around
 * the key's peak hour. Models are drawn among those served that day from the key's vendors,
 * favouring recent launches, so traffic migrates to new models as they appear; batch keys favour
 * cheap models, and only the dev laptop and eval harness call free variants.
 */
final class TrafficModel {
  private static final long COUNT = 51;
  private static final long GENERATION = 52;
  private static final double LN_5000 = StrictMath.log(5_000);
  private static final List<Long> MAX_TOKENS = List.of(1024L, 2048L, 4096L);

  private final AnalyticsOrg org;
  private final List<ModelTraits> models;
  private final List<AnalyticsLog.ApiKey> keys;

  TrafficModel(AnalyticsOrg org, List<ModelTraits> models) {
    this.org = org;
    this.models = models;
    this.keys = org.keys();
  }

  /** Every generation of {@code day}, by creation time then id. */
  List<Generation> day(LocalDate day) {
    if (day.isBefore(AnalyticsLog.FIRST_DAY)) {
      return List.of();
    }
    List<Generation> all = new ArrayList<>();
    for (int k = 0; k < keys.size(); k++) {
      AnalyticsLog.ApiKey key = keys.get(k);
      KeyHabits habits = org.habits(k);
      int count = count(k, key, habits, day);
      if (count == 0) {
        continue;
      }
      CandidateModels candidates = CandidateModels.of(org.seed(), models, k, habits, day);
      if (candidates == null) {
        continue;
      }
      long dayStart = day.toEpochDay() * 86_400;
      for (int i = 0; i < count; i++) {
        all.add(generation(k, key, habits, candidates, day, dayStart, i));
      }
    }
    all.sort(Comparator.comparing(Generation::createdAt).thenComparing(Generation::id));
    return List.copyOf(all);
  }

  private int count(int k, AnalyticsLog.ApiKey key, KeyHabits habits, LocalDate day) {
    if (day.isBefore(key.created()) || (key.disabled() != null && !day.isBefore(key.disabled()))) {
      return 0;
    }
    long epochDay = day.toEpochDay();
    Draws draws = new Draws(Hashing.hash(org.seed(), COUNT, k, epochDay));
    double age = ChronoUnit.DAYS.between(key.created(), day);
    double ramp = 1 - StrictMath.exp(-(age + 1) / 14);
    double years = ChronoUnit.DAYS.between(AnalyticsLog.FIRST_DAY, day) / 365.0;
    double growth = 1 + 1.0 * years;
    DayOfWeek dow = day.getDayOfWeek();
    boolean weekend = dow == DayOfWeek.SATURDAY || dow == DayOfWeek.SUNDAY;
    double weekly =
        switch (habits.kind()) {
          case BATCH -> 1;
          case DEV, RESEARCH, EVAL, AGENT -> weekend ? 0.25 : 1;
          default -> weekend ? 0.8 : 1;
        };
    double noise = 0.75 + 0.5 * draws.next();
    double burst =
        switch (habits.kind()) {
          case BATCH -> draws.next() < 0.1 ? 3 : 1;
          case EVAL -> draws.next() < 0.15 ? 12 : 0.05;
          default -> 1;
        };
    return (int) Math.round(habits.dailyRequests() * ramp * growth * weekly * noise * burst);
  }

  private Generation generation(
      int k,
      AnalyticsLog.ApiKey key,
      KeyHabits habits,
      CandidateModels candidates,
      LocalDate day,
      long dayStart,
      int i) {
    Draws d = new Draws(Hashing.mix(Hashing.hash(org.seed(), GENERATION, k, day.toEpochDay()) ^ i));
    // When: a peaked hour (or a flat spread for a third of batch traffic), then a second in it.
    int hour;
    if (habits.kind() == KeyHabits.Kind.BATCH && d.next() < 0.35) {
      hour = (int) (d.next() * 24);
    } else {
      double spread = (d.next() + d.next() + d.next() - 1.5) * 8; // about +-12 h, peaked
      hour = Math.floorMod(habits.peakHourUtc() + (int) Math.round(spread), 24);
    }
    long second = hour * 3600L + (long) (d.next() * 3600);
    Instant createdAt = Instant.ofEpochSecond(dayStart + second);
    String id = "gen-" + (dayStart + second) + "-" + Base62.of(d.raw(), d.raw(), 20);

    ModelTraits model = candidates.pick(d.next());
    String variant;
    double v = d.next();
    if (model.variant() != null) {
      variant = model.variant();
    } else if (v < 0.92) {
      variant = "standard";
    } else if (v < 0.95) {
      variant = "nitro";
    } else if (v < 0.98) {
      variant = "floor";
    } else {
      variant = "online";
    }
    String provider = model.providers().get((int) (square(d.next()) * model.providers().size()));
    if (variant.equals("nitro") && model.providers().contains("Groq")) {
      provider = "Groq";
    }
    Long app = habits.app() != null && d.next() < habits.appShare() ? habits.app() : null;
    String origin =
        habits.origin() != null && d.next() < habits.originShare() ? habits.origin() : null;
    String country =
        d.next() < 0.85
            ? habits.homeCountry()
            : AnalyticsOrg.COUNTRIES.get(
                AnalyticsOrg.weighted(d.next(), AnalyticsOrg.COUNTRY_WEIGHTS));
    String externalUser = null;
    if (habits.externalUserPrefix() != null) {
      // Zipf-like: a few end users send most requests.
      long user = (long) StrictMath.exp(d.next() * LN_5000);
      externalUser = habits.externalUserPrefix() + (100_000 + user + "").substring(1);
    }

    // Tokens.
    double up = d.next();
    long prompt = logUniform(habits.minPrompt(), habits.maxPrompt(), up * Math.sqrt(up));
    String finish = finishReason(habits, d.next());
    long completion =
        switch (finish) {
          case "error" -> 0;
          case "length" -> MAX_TOKENS.get((int) (d.next() * 3));
          case "tool_calls" -> logUniform(20, 600, d.next());
          default -> logUniform(5, 3_000, Math.sqrt(d.next()) * d.next());
        };
    long reasoning = 0;
    if (model.reasoning() && completion > 0) {
      reasoning = Math.round(completion * (0.5 + 2.5 * d.next()));
      completion += reasoning;
    }
    boolean responseCached = finish.equals("stop") && d.next() < 0.015;
    long cached = 0;
    boolean cacheWrite = false;
    if (prompt >= 1_024 && !responseCached && d.next() < habits.cachingShare()) {
      cached = Math.round(prompt * (0.4 + 0.57 * d.next()));
      cacheWrite = model.vendor().equals("anthropic") && d.next() < 0.2;
    }
    boolean byok = !responseCached && !model.free() && d.next() < habits.byokShare();
    boolean guardrail = d.next() < habits.guardrailRate();

    // Speed.
    double providerFactor = provider.equals("Groq") ? 4 : variant.equals("nitro") ? 1.6 : 1;
    double tps =
        completion == 0 ? 0 : model.tokensPerSecond() * providerFactor * (0.6 + 0.8 * d.next());
    long tenths = Math.round(tps * 10);
    long latency;
    if (responseCached) {
      latency = 15 + (long) (d.next() * 65);
    } else {
      double base = 180 + 900 * square(d.next());
      double thinking = tps > 0 ? reasoning * 1000 / tps * 0.6 : 0;
      latency = Math.min(180_000, Math.round(base + prompt / 40.0 + thinking));
    }

    Generation.Cost cost =
        responseCached || finish.equals("error")
            ? GenerationCosts.none()
            : GenerationCosts.of(model, variant, prompt, completion, cached, cacheWrite, byok, d);
    return new Generation(
        id,
        createdAt,
        model.model(),
        variant,
        provider,
        app,
        key.id(),
        key.creatorUserId(),
        key.workspaceId(),
        origin,
        country,
        finish,
        externalUser,
        bucket(prompt),
        prompt,
        completion,
        reasoning,
        cached,
        byok,
        guardrail,
        responseCached,
        latency,
        tenths / 10.0,
        cost);
  }

  private static String finishReason(KeyHabits habits, double u) {
    double toolCalls = habits.kind() == KeyHabits.Kind.AGENT ? 0.35 : 0.02;
    double filtered = habits.kind() == KeyHabits.Kind.SUPPORT ? 0.015 : 0.004;
    if (u < toolCalls) {
      return "tool_calls";
    }
    if (u < toolCalls + 0.05) {
      return "length";
    }
    if (u < toolCalls + 0.065) {
      return "error";
    }
    if (u < toolCalls + 0.065 + filtered) {
      return "content_filter";
    }
    return "stop";
  }

  static String bucket(long prompt) {
    if (prompt <= 1_000) {
      return "1K";
    }
    if (prompt <= 10_000) {
      return "10K";
    }
    if (prompt <= 100_000) {
      return "100K";
    }
    return prompt <= 1_000_000 ? "1M" : "10M";
  }

  /**
   * min * (max/min)^u, by exp and log: StrictMath.pow is the slowest call of the whole model, and
   * exp/log/sqrt are as reproducible.
   */
  private static long logUniform(long min, long max, double u) {
    return Math.round(min * StrictMath.exp(u * StrictMath.log((double) max / min)));
  }

  private static double square(double u) {
    return u * u;
  }
}
