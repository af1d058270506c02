namespace ArxivDigest.Ingest.Arxiv;

/// <summary>
/// One category's announcement for one day, after parsing: the usable items, how many entries the
/// feed had in all, and how many were skipped as unusable.
/// </summary>
public sealed record CategoryFeed(
    string Category,
    DateOnly? AnnouncedOn,
    IReadOnlyList<FeedItem> Items,
    int TotalEntries,
    int SkippedItems)
{
    public bool IsEmpty => TotalEntries == 0;
}
