namespace ArxivDigest.Scoring.Local;

/// <summary>
/// The zero-shot half of the local judge. A profile's topics and positive keywords, and what it
/// rules out (lines and keywords), are embedded once by both models. In each model a paper scores
/// its similarity to the closest positive text less a share of its similarity to the closest
/// ruled-out text (MiniLM reads the paper's head, Arctic its full text); the score is the mean of
/// the two. Both models together ranked the fixture days' picks better than either alone.
/// </summary>
public sealed class ZeroShotScorer
{
    private readonly Side miniLm;
    private readonly Side arctic;
    private readonly int topicCount;
    private readonly double negativeWeight;

    public ZeroShotScorer(TextEmbedder embedder, CriteriaTopics topics, double negativeWeight, CancellationToken cancellationToken)
    {
        Topics = topics;
        topicCount = topics.Positive.Count;
        this.negativeWeight = negativeWeight;
        List<string> positive = [.. topics.Positive.Select(t => t.Text), .. topics.PositiveKeywords];
        List<string> negative = [.. topics.Negative, .. topics.NegativeKeywords];
        miniLm = new Side(embedder.Embed(EmbeddingModel.MiniLm, positive, cancellationToken), embedder.Embed(EmbeddingModel.MiniLm, negative, cancellationToken));
        arctic = new Side(embedder.Embed(EmbeddingModel.ArcticXs, positive, cancellationToken), embedder.Embed(EmbeddingModel.ArcticXs, negative, cancellationToken));
    }

    public CriteriaTopics Topics { get; }

    /// <summary>The paper's score, the topic it is closest to, and its similarity to that topic (mean of the two models).</summary>
    public (double Score, int Closest, double Similarity) Score(PaperVectors paper)
    {
        var closest = 0;
        var best = double.NegativeInfinity;
        for (var i = 0; i < topicCount; i++)
        {
            var similarity = (TextEmbedder.Cosine(paper.Head, miniLm.Positive[i]) + TextEmbedder.Cosine(paper.Full, arctic.Positive[i])) / 2;
            if (similarity > best)
            {
                (best, closest) = (similarity, i);
            }
        }

        return ((ScoreIn(miniLm, paper.Head) + ScoreIn(arctic, paper.Full)) / 2, closest, best);
    }

    private double ScoreIn(Side side, float[] paper)
    {
        var toward = side.Positive.Max(p => TextEmbedder.Cosine(paper, p));
        var against = side.Negative.Length == 0 ? 0 : side.Negative.Max(n => TextEmbedder.Cosine(paper, n));
        return toward - (negativeWeight * Math.Max(0, against));
    }

    private sealed record Side(float[][] Positive, float[][] Negative);
}
