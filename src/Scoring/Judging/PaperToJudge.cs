namespace ArxivDigest.Scoring.Judging;

/// <summary>What the judge reads of a paper. Categories are the primary first, then the others (the local judge learns from them).</summary>
public sealed record PaperToJudge(string Id, int Version, string Title, IReadOnlyList<string> Authors, string Abstract, IReadOnlyList<string> Categories)
{
    /// <summary>A paper's categories with its primary first, each once.</summary>
    public static IReadOnlyList<string> CategoriesOf(string primary, IEnumerable<string> categories) =>
        new[] { primary }.Concat(categories).Where(c => !string.IsNullOrWhiteSpace(c)).Select(c => c.Trim()).Distinct(StringComparer.Ordinal).ToList();
}
