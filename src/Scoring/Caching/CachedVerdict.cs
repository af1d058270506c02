using System.Text.Json.Serialization;

namespace ArxivDigest.Scoring.Caching;

/// <summary>
/// What the cache keeps of a verdict: the judge's scores and comment for one version of a paper.
/// The SELECTED / REJECTED decision is made again from the profile's current cutoffs on every
/// read, so changing a cutoff never needs a re-score.
/// </summary>
public sealed record CachedVerdict(
    [property: JsonPropertyName("v")] int Version,
    [property: JsonPropertyName("s")] string Stage,
    [property: JsonPropertyName("r")] int Relevance,
    [property: JsonPropertyName("n")] int Novelty,
    [property: JsonPropertyName("c")] string Comment)
{
    public const string TitleStage = "title";
    public const string AbstractStage = "abstract";
}
