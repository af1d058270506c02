namespace ArxivDigest.Scoring.Judging;

/// <summary>What the judge reads of a paper.</summary>
public sealed record PaperToJudge(string Id, int Version, string Title, IReadOnlyList<string> Authors, string Abstract);
