namespace ArxivDigest.Scoring.Judging;

/// <summary>The verdict on one paper, before it becomes a gRPC message.</summary>
public sealed record Judgement(
    string Id,
    VerdictKind Kind,
    int Relevance,
    int Novelty,
    string Comment,
    bool FromCache = false,
    string FailureReason = "")
{
    /// <summary>The local judge's continuous score, for ranking; null for LLM verdicts.</summary>
    public double? LocalScore { get; init; }

    public double Score => LocalScore ?? (Kind == VerdictKind.AuthorMatch ? 20 : Relevance + Novelty);

    public static Judgement Failed(string id, string reason) => new(id, VerdictKind.Failed, 0, 0, string.Empty, FailureReason: reason);
}
