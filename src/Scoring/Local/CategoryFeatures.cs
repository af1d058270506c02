namespace ArxivDigest.Scoring.Local;

/// <summary>A paper's arXiv categories as features of the learned model's criteria member.</summary>
public static class CategoryFeatures
{
    // A category enters the model once this many labelled papers carry it, the most common first.
    private const int MinCategoryPapers = 5;
    private const int MaxCategories = 40;

    /// <summary>The categories a model learns weights for, from its training papers' categories.</summary>
    public static List<string> Vocabulary(IEnumerable<IReadOnlyList<string>> papers) =>
        papers.SelectMany(p => p.Distinct())
            .GroupBy(c => c, StringComparer.Ordinal)
            .Where(g => g.Count() >= MinCategoryPapers)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Take(MaxCategories)
            .Select(g => g.Key)
            .ToList();

    /// <summary>For each known category: whether the paper (primary first) is in it, and whether it is the paper's primary.</summary>
    public static double[] Of(IReadOnlyList<string> paper, IReadOnlyList<string> categories)
    {
        var features = new double[2 * categories.Count];
        for (var c = 0; c < categories.Count; c++)
        {
            features[2 * c] = paper.Contains(categories[c]) ? 1 : 0;
            features[(2 * c) + 1] = paper.Count > 0 && paper[0] == categories[c] ? 1 : 0;
        }

        return features;
    }
}
