using System.Collections.Concurrent;
using ArxivDigest.Scoring.Profiles;
using Microsoft.Extensions.Options;

namespace ArxivDigest.Scoring.Local;

/// <summary>Each profile's <see cref="CriteriaLens"/>, built once per criteria text.</summary>
public sealed class CriteriaLenses(TextEmbedder embedder, IOptions<LocalJudgeOptions> options)
{
    private readonly ConcurrentDictionary<string, Lazy<CriteriaLens>> lenses = new(StringComparer.Ordinal);

    public CriteriaLens For(CriteriaProfile profile) =>
        lenses.GetOrAdd(profile.ContentHash, _ => new Lazy<CriteriaLens>(() => Build(profile.Topics))).Value;

    private CriteriaLens Build(string topicsText)
    {
        var topics = CriteriaTopics.Parse(topicsText);
        return new CriteriaLens(
            new ZeroShotScorer(embedder, topics, options.Value.NegativeWeight, CancellationToken.None),
            embedder.Embed(EmbeddingModel.MiniLm, topics.Probes, CancellationToken.None),
            embedder.Embed(EmbeddingModel.ArcticXs, topics.Probes, CancellationToken.None));
    }
}
