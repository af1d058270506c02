using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace ArxivDigest.Scoring;

/// <summary>The Scoring service's trace source and meter: tokens, dollars, verdicts, cache and LLM health.</summary>
public static class ScoringTelemetry
{
    public const string Name = "ArxivDigest.Scoring";

    public static readonly ActivitySource Source = new(Name);

    private static readonly Meter Meter = new(Name);

    public static readonly Counter<long> PromptTokens = Meter.CreateCounter<long>(
        "arxivdigest.scoring.prompt_tokens", "{token}", "Prompt tokens billed, cached ones included; by model, profile, stage.");

    public static readonly Counter<long> CachedPromptTokens = Meter.CreateCounter<long>(
        "arxivdigest.scoring.cached_prompt_tokens", "{token}", "Prompt tokens served from the provider's prompt cache.");

    public static readonly Counter<long> CompletionTokens = Meter.CreateCounter<long>(
        "arxivdigest.scoring.completion_tokens", "{token}", "Completion tokens billed.");

    public static readonly Counter<double> CostUsd = Meter.CreateCounter<double>(
        "arxivdigest.scoring.cost", "USD", "Money spent on LLM calls; by model, profile, stage.");

    public static readonly Counter<long> Papers = Meter.CreateCounter<long>(
        "arxivdigest.scoring.papers", "{paper}", "Papers judged, by verdict and profile.");

    public static readonly Counter<long> CacheLookups = Meter.CreateCounter<long>(
        "arxivdigest.scoring.cache_lookups", "{paper}", "Verdict cache lookups, by result (hit, miss, unavailable).");

    public static readonly Counter<long> LlmErrors = Meter.CreateCounter<long>(
        "arxivdigest.scoring.llm_errors", "{error}", "Failed LLM calls, by kind (rate_limited, server_error, timeout, rejected, unparseable).");

    public static readonly Counter<long> PrefilteredPapers = Meter.CreateCounter<long>(
        "arxivdigest.scoring.prefiltered_papers", "{paper}", "Papers the local prefilter set aside before the LLM, by profile.");

    public static readonly Histogram<double> LlmLatency = Meter.CreateHistogram<double>(
        "arxivdigest.scoring.llm_latency", "s", "Duration of one LLM call.");
}
