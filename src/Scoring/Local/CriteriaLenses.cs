using System.Collections.Concurrent;
using ArxivDigest.Scoring.Profiles;
using Microsoft.Extensions.Options;

namespace ArxivDigest.Scoring.Local;

/// <summary>Each profile's <see cref="CriteriaLens"/>, built once per criteria text.</summary>
public sealed class CriteriaLenses(TextEmbedder embedder, IOptions<LocalJudgeOptions> options)
{
    private readonly ConcurrentDictionary<string, Lazy<CriteriaLens>> lenses = new(StringComparer.Ordinal);

    public CriteriaLens For(CriteriaProfile profile) =>
        lenses.GetOrAdd(profile.ContentHash, _ => new Lazy<CriteriaLens>(
            () => CriteriaLens.Build(embedder, profile.Topics, options.Value.NegativeWeight, CancellationToken.None))).Value;
}
