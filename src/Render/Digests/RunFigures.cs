namespace ArxivDigest.Render.Digests;

/// <summary>What the day's scoring run used: the judge, tokens, and money (null cost: unknown price).</summary>
public sealed record RunFigures(
    string Judge,
    string Model,
    long PromptTokens,
    long CachedPromptTokens,
    long CompletionTokens,
    decimal? PromptCostUsd,
    decimal? CompletionCostUsd,
    int LlmCalls,
    int CacheHits)
{
    public long TotalTokens => PromptTokens + CompletionTokens;

    public decimal? TotalCostUsd => PromptCostUsd + CompletionCostUsd;
}
