namespace ArxivDigest.Scoring.Local;

/// <summary>Ranking measures the local judge is held to.</summary>
public static class Ranking
{
    /// <summary>ROC AUC: the chance that a random positive scores above a random negative (ties count half).</summary>
    public static double RocAuc(IReadOnlyList<double> scores, IReadOnlyList<bool> labels)
    {
        var positives = scores.Where((_, i) => labels[i]).ToArray();
        var negatives = scores.Where((_, i) => !labels[i]).ToArray();
        if (positives.Length == 0 || negatives.Length == 0)
        {
            return double.NaN;
        }

        var sorted = negatives.Order().ToArray();
        var wins = 0.0;
        foreach (var p in positives)
        {
            var below = LowerBound(sorted, p);
            var upTo = UpperBound(sorted, p);
            wins += below + (0.5 * (upTo - below));
        }

        return wins / ((double)positives.Length * negatives.Length);
    }

    /// <summary>The highest threshold that keeps at least <paramref name="keepShare"/> of the positive scores at or above it.</summary>
    public static double ThresholdKeeping(IReadOnlyList<double> positiveScores, double keepShare)
    {
        if (positiveScores.Count == 0)
        {
            return double.NegativeInfinity;
        }

        var sorted = positiveScores.OrderDescending().ToArray();
        var keep = (int)Math.Ceiling(keepShare * sorted.Length);
        return sorted[Math.Clamp(keep, 1, sorted.Length) - 1];
    }

    private static int LowerBound(double[] sorted, double value)
    {
        int lo = 0, hi = sorted.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (sorted[mid] < value) lo = mid + 1; else hi = mid;
        }

        return lo;
    }

    private static int UpperBound(double[] sorted, double value)
    {
        int lo = 0, hi = sorted.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (sorted[mid] <= value) lo = mid + 1; else hi = mid;
        }

        return lo;
    }
}
