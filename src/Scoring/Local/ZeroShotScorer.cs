namespace ArxivDigest.Scoring.Local;

/// <summary>
/// The zero-shot half of the local judge: a profile's topics embedded once, and a paper's score
/// as its similarity to the closest topic less a share of its similarity to what the profile
/// rules out.
/// </summary>
public sealed class ZeroShotScorer
{
    private readonly float[][] positive;
    private readonly float[][] negative;
    private readonly double negativeWeight;

    public ZeroShotScorer(TextEmbedder embedder, CriteriaTopics topics, double negativeWeight, CancellationToken cancellationToken)
    {
        Topics = topics;
        positive = embedder.Embed(topics.Positive.Select(t => t.Text).ToList(), cancellationToken);
        negative = embedder.Embed(topics.Negative, cancellationToken);
        this.negativeWeight = negativeWeight;
    }

    public CriteriaTopics Topics { get; }

    public (double Score, int Closest, double Similarity) Score(float[] paper)
    {
        var closest = 0;
        var best = double.NegativeInfinity;
        for (var i = 0; i < positive.Length; i++)
        {
            var similarity = TextEmbedder.Cosine(paper, positive[i]);
            if (similarity > best)
            {
                (best, closest) = (similarity, i);
            }
        }

        var against = negative.Length == 0 ? 0 : negative.Max(n => TextEmbedder.Cosine(paper, n));
        return (best - (negativeWeight * Math.Max(0, against)), closest, best);
    }
}
