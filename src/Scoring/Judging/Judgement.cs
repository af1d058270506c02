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
    public double Score => Kind == VerdictKind.AuthorMatch ? 20 : Relevance + Novelty;

    public static Judgement Failed(string id, string reason) => new(id, VerdictKind.Failed, 0, 0, string.Empty, FailureReason: reason);
}
