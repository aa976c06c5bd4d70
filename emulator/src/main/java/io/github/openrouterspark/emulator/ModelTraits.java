package io.github.openrouterspark.emulator;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the generation log needs to know about a catalog model: its analytics {@code model} and
 * {@code variant} (a catalog permaslug such as {@code deepseek/deepseek-r1:free} is model {@code
 * deepseek/deepseek-r1}, variant {@code free}, as OpenRouter stores them), the vendor, the
 * providers that serve it, list prices and speed. Prices and speeds are drawn from the seed within
 * ranges set by the model's tier, which is read off its name, so an "opus" costs more than a "nano"
 * in every seed.
 *
 * @param index position in {@link ModelCatalog#MODELS}
 * @param model permaslug without the variant suffix
 * @param variant the catalog suffix ({@code free}, {@code thinking}) or {@code null} for none
 * @param inputPrice nano-USD per prompt token; 0 for free variants
 * @param outputPrice nano-USD per completion token; 0 for free variants
 * @param tokensPerSecond typical decode speed
 * @param reasoning whether completions include reasoning tokens
 */
record ModelTraits(
    int index,
    ModelSpec spec,
    String model,
    String variant,
    String vendor,
    List<String> providers,
    Tier tier,
    long inputPrice,
    long outputPrice,
    double tokensPerSecond,
    boolean reasoning) {

  enum Tier {
    FRONTIER,
    MID,
    SMALL
  }

  private static final long PRICE = 31;

  private static final Map<String, List<String>> PROVIDERS =
      Map.ofEntries(
          Map.entry("openai", List.of("OpenAI", "Azure")),
          Map.entry("anthropic", List.of("Anthropic", "Amazon Bedrock", "Google Vertex")),
          Map.entry("google", List.of("Google AI Studio", "Google Vertex")),
          Map.entry(
              "meta-llama",
              List.of("DeepInfra", "Together", "Fireworks", "Groq", "Lambda", "Novita")),
          Map.entry("mistralai", List.of("Mistral", "DeepInfra")),
          Map.entry("qwen", List.of("Alibaba", "DeepInfra", "Together", "Fireworks")),
          Map.entry(
              "deepseek", List.of("DeepSeek", "DeepInfra", "Fireworks", "Together", "Chutes")),
          Map.entry("x-ai", List.of("xAI")),
          Map.entry("moonshotai", List.of("Moonshot AI", "Groq", "Together")),
          Map.entry("z-ai", List.of("Z.AI", "DeepInfra", "Chutes")),
          Map.entry("minimax", List.of("Minimax")),
          Map.entry("amazon", List.of("Amazon Bedrock")),
          Map.entry("cohere", List.of("Cohere")),
          Map.entry("perplexity", List.of("Perplexity")));

  private static final List<String> OPEN_WEIGHT_HOSTS = List.of("DeepInfra", "Together", "Novita");

  static List<ModelTraits> of(long seed, List<ModelSpec> catalog) {
    return java.util.stream.IntStream.range(0, catalog.size())
        .mapToObj(i -> of(seed, i, catalog.get(i)))
        .toList();
  }

  private static ModelTraits of(long seed, int index, ModelSpec spec) {
    String slug = spec.permaslug();
    int colon = slug.indexOf(':');
    String model = colon < 0 ? slug : slug.substring(0, colon);
    String variant = colon < 0 ? null : slug.substring(colon + 1);
    String vendor = slug.substring(0, slug.indexOf('/'));
    String name = model.substring(model.indexOf('/') + 1).toLowerCase(Locale.ROOT);
    Tier tier = tier(name);
    long key = Hashing.of(slug);
    double u0 = Hashing.unit(Hashing.hash(seed, PRICE, key, 0));
    double u1 = Hashing.unit(Hashing.hash(seed, PRICE, key, 1));
    double u2 = Hashing.unit(Hashing.hash(seed, PRICE, key, 2));
    // Prompt prices per million tokens: frontier $1.25-$15, mid $0.20-$3, small $0.02-$0.40.
    double[] range =
        switch (tier) {
          case FRONTIER -> new double[] {1_250, 15_000};
          case MID -> new double[] {200, 3_000};
          case SMALL -> new double[] {20, 400};
        };
    boolean free = "free".equals(variant);
    long input = free ? 0 : Math.round(range[0] * StrictMath.pow(range[1] / range[0], u0));
    long output = free ? 0 : input * (3 + (long) (u1 * 3));
    double speed =
        switch (tier) {
          case FRONTIER -> 30 + 60 * u2;
          case MID -> 50 + 100 * u2;
          case SMALL -> 90 + 160 * u2;
        };
    boolean reasoning =
        "thinking".equals(variant)
            || name.matches(
                "(o1|o3|o4|gpt-5|gpt-oss|qwq|magistral|grok-3-mini|grok-4|kimi-k2-thinking|gemini-2\\.5|gemini-3|"
                    + "deepseek-r1|claude-3\\.7|claude-4|minimax-m).*")
            || name.contains("r1");
    return new ModelTraits(
        index,
        spec,
        model,
        variant,
        vendor,
        PROVIDERS.getOrDefault(vendor, OPEN_WEIGHT_HOSTS),
        tier,
        input,
        output,
        speed,
        reasoning);
  }

  private static Tier tier(String name) {
    if (name.matches(
        ".*(mini|nano|flash|haiku|small|lite|-8b|-3b|7b|8x7b|nemo|13b|14b|20b|30b|gemma|a3b|air|fast).*")) {
      return Tier.SMALL;
    }
    if (name.matches(
        ".*(opus|gpt-4|o1|o3-|o3$|gpt-5|sonnet|-pro|large|grok-3|grok-4|405b|gpt-4\\.5|max|medium).*")) {
      return Tier.FRONTIER;
    }
    return Tier.MID;
  }

  boolean free() {
    return "free".equals(variant);
  }
}
