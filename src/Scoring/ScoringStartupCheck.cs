using ArxivDigest.Scoring.Caching;
using ArxivDigest.Scoring.Judging;
using ArxivDigest.Scoring.Local;
using ArxivDigest.Scoring.Profiles;
using Microsoft.Extensions.Options;

namespace ArxivDigest.Scoring;

/// <summary>
/// Loads the profiles at start, so a broken profile stops the service before it takes a request,
/// and says which judge, endpoint and cache it will use (never the key itself).
/// </summary>
public sealed partial class ScoringStartupCheck(
    IServiceProvider services, LlmClient llm, IOptions<OpenAiOptions> openAi, IOptions<ScoringOptions> options, VerdictCache cache, ILogger<ScoringStartupCheck> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        ProfileStore profiles;
        try
        {
            profiles = services.GetRequiredService<ProfileStore>();
        }
        catch (ProfileException ex)
        {
            throw new OptionsValidationException("Scoring:ProfilesDirectory", typeof(ScoringOptions), [ex.Message]);
        }

        LogProfiles(profiles.Directory, string.Join(", ", profiles.Names.Order()));
        var judge = options.Value.Judge;
        if (judge == "local" || (judge == "auto" && !llm.IsConfigured))
        {
            LogLocalJudge(TextEmbedder.ModelNames, llm.IsConfigured ? "Scoring:Judge is local" : "OPENAI_API_KEY is not set");
        }
        else if (llm.IsConfigured)
        {
            LogJudge(openAi.Value.Model, string.IsNullOrWhiteSpace(openAi.Value.Endpoint) ? "OpenAI" : openAi.Value.Endpoint);
        }
        else
        {
            LogNoKey();
        }

        if (!cache.IsConfigured)
        {
            LogNoCache();
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Criteria profiles from {Folder}: {Names}")]
    private partial void LogProfiles(string folder, string names);

    [LoggerMessage(Level = LogLevel.Information, Message = "LLM judge: model {Model} at {Endpoint}")]
    private partial void LogJudge(string model, string endpoint);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Scoring uses the LOCAL judge ({Model} embeddings on this machine, no LLM, no cost) because {Reason}")]
    private partial void LogLocalJudge(string model, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Scoring:Judge is llm but OPENAI_API_KEY is not set: ScorePapers will refuse to score; cached verdicts are still served by GetScores")]
    private partial void LogNoKey();

    [LoggerMessage(Level = LogLevel.Warning, Message = "No verdict cache (ConnectionStrings__cache is not set): every paper is sent to the LLM")]
    private partial void LogNoCache();
}
