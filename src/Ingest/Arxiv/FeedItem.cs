namespace ArxivDigest.Ingest.Arxiv;

/// <summary>One paper as a single category's feed announced it.</summary>
public sealed record FeedItem(
    string ArxivId,
    int Version,
    string Title,
    IReadOnlyList<string> Authors,
    string Abstract,
    IReadOnlyList<string> Categories,
    string PrimaryCategory,
    AnnounceKind AnnounceKind,
    string Comments);
