namespace ArxivDigest.Digest.Running;

/// <summary>What one run did, for the summary, the run record and the exit code.</summary>
public sealed record RunResult(
    RunOutcome Outcome,
    string Date,
    string Message,
    int Papers = 0,
    int Selected = 0,
    int Failed = 0,
    int LlmCalls = 0,
    int CacheHits = 0,
    long PromptTokens = 0,
    long CachedPromptTokens = 0,
    long CompletionTokens = 0,
    double? CostUsd = null,
    string Judge = "",
    string Model = "",
    TimeSpan Elapsed = default,
    IReadOnlyList<string>? Files = null);
