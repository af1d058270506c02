namespace ArxivDigest.Scoring.Local;

/// <summary>
/// A nearest-neighbour view of the history: a paper's mean similarity to its k closest past
/// positives less its mean similarity to its k closest past negatives, in one embedding view.
/// </summary>
public sealed class NeighbourScorer(IReadOnlyList<float[]> positives, IReadOnlyList<float[]> negatives, int k)
{
    public double Score(float[] paper) => MeanOfTop(paper, positives) - MeanOfTop(paper, negatives);

    private double MeanOfTop(float[] paper, IReadOnlyList<float[]> others)
    {
        var count = Math.Min(k, others.Count);
        if (count == 0)
        {
            return 0;
        }

        // The k largest similarities, kept in ascending order.
        var top = new double[count];
        Array.Fill(top, double.NegativeInfinity);
        foreach (var other in others)
        {
            var similarity = TextEmbedder.Cosine(paper, other);
            if (similarity <= top[0])
            {
                continue;
            }

            var i = 0;
            while (i + 1 < count && top[i + 1] < similarity)
            {
                top[i] = top[i + 1];
                i++;
            }

            top[i] = similarity;
        }

        return top.Average();
    }
}
