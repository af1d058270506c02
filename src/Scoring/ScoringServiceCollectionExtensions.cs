using ArxivDigest.Scoring.Caching;
using ArxivDigest.Scoring.Judging;
using ArxivDigest.Scoring.Local;
using ArxivDigest.Scoring.Pricing;
using ArxivDigest.Scoring.Profiles;
using ArxivDigest.ServiceDefaults;
using StackExchange.Redis;

namespace ArxivDigest.Scoring;

public static class ScoringServiceCollectionExtensions
{
    /// <summary>
    /// Registers the Scoring service: options (validated at start), the criteria profiles (loaded
    /// at start), pricing, the optional Redis verdict cache, the shared rate limiter, the LLM
    /// client and the pipeline.
    /// </summary>
    public static IHostApplicationBuilder AddScoringServices(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<ScoringOptions>().BindConfiguration(ScoringOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<OpenAiOptions>().BindConfiguration(OpenAiOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<Dictionary<string, ModelPrice>>().BindConfiguration(PricingTable.Section);

        services.AddSingleton<ProfileStore>();
        services.AddHostedService<ScoringStartupCheck>();
        services.AddSingleton<PricingTable>();
        services.AddSingleton(new LlmApiKey(builder.Configuration["OPENAI_API_KEY"]));
        services.AddSingleton<LlmRateLimiter>();
        services.AddSingleton<LlmClient>();
        services.AddSingleton<ScoringPipeline>();
        services.AddOptions<LocalJudgeOptions>().BindConfiguration(LocalJudgeOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<TextEmbedder>();
        services.AddSingleton<LocalJudge>();
        services.AddSingleton<PaperEmbeddings>();
        services.AddSingleton<LearnedModels>();
        services.AddSingleton<CriteriaLenses>();
        services.AddSingleton(sp => new LearnedModelStore(sp.GetService<IConnectionMultiplexer>(), sp.GetRequiredService<ILogger<LearnedModelStore>>()));
        services.AddSingleton(sp => new JudgeHistory(
            sp.GetService<IConnectionMultiplexer>(), sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<LocalJudgeOptions>>(), sp.GetRequiredService<ILogger<JudgeHistory>>()));
        services.AddSingleton(sp => new EmbeddingCache(
            sp.GetService<IConnectionMultiplexer>(), sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<LocalJudgeOptions>>().Value.EmbeddingTtl, sp.GetRequiredService<ILogger<EmbeddingCache>>()));

        builder.AddOptionalRedisClient();
        services.AddSingleton(sp => new VerdictCache(
            sp.GetService<IConnectionMultiplexer>(),
            sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<ScoringOptions>>(),
            sp.GetRequiredService<ILogger<VerdictCache>>()));
        return builder;
    }
}
