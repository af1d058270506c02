namespace ArxivDigest.Render.Digests;

/// <summary>
/// One day's digest: the selected papers in digest order, the run's figures, the day's counts and
/// the prompts as sent.
/// </summary>
public sealed record DigestDay(
    DateOnly Date,
    IReadOnlyList<DigestPaper> Papers,
    RunFigures Run,
    int TotalEntries,
    int Scanned,
    int UniquePapers,
    bool NoAnnouncement,
    string SystemPrompt,
    string UserPrompt)
{
    public string DateText => Date.ToString("yyyy-MM-dd");

    /// <summary>
    /// The reference's order: author matches first, then by score (relevance + novelty), ties by
    /// relevance, remaining ties in the order received (a stable sort).
    /// </summary>
    public static IReadOnlyList<DigestPaper> InDigestOrder(IEnumerable<DigestPaper> papers) =>
        papers.OrderByDescending(p => p.Verdict.AuthorMatch)
            .ThenByDescending(p => p.Verdict.Score)
            .ThenByDescending(p => p.Verdict.Relevance)
            .ToList();
}
