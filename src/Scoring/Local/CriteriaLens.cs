namespace ArxivDigest.Scoring.Local;

/// <summary>
/// A profile's criteria as the local judge measures papers against them: the zero-shot scorer,
/// and every probe text (topic, ruled-out line, keyword) embedded by both models. A paper's
/// similarities to the probes are features of the learned model.
/// </summary>
public sealed class CriteriaLens(ZeroShotScorer zeroShot, float[][] miniLmProbes, float[][] arcticProbes)
{
    /// <summary>The lens of a topics text: its topics and probes embedded by both models.</summary>
    public static CriteriaLens Build(TextEmbedder embedder, string topicsText, double negativeWeight, CancellationToken cancellationToken)
    {
        var topics = CriteriaTopics.Parse(topicsText);
        return new CriteriaLens(
            new ZeroShotScorer(embedder, topics, negativeWeight, cancellationToken),
            embedder.Embed(EmbeddingModel.MiniLm, topics.Probes, cancellationToken),
            embedder.Embed(EmbeddingModel.ArcticXs, topics.Probes, cancellationToken));
    }

    public ZeroShotScorer ZeroShot { get; } = zeroShot;

    /// <summary>How many values <see cref="Features"/> gives.</summary>
    public int FeatureCount => miniLmProbes.Length + arcticProbes.Length + 1;

    /// <summary>The paper's similarity to each probe in both models, then its zero-shot score.</summary>
    public double[] Features(PaperVectors paper)
    {
        var features = new double[FeatureCount];
        var k = 0;
        foreach (var probe in miniLmProbes)
        {
            features[k++] = TextEmbedder.Cosine(paper.Head, probe);
        }

        foreach (var probe in arcticProbes)
        {
            features[k++] = TextEmbedder.Cosine(paper.Full, probe);
        }

        features[k] = ZeroShot.Score(paper).Score;
        return features;
    }
}
