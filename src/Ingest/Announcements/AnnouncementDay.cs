using ArxivDigest.Ingest.Arxiv;

namespace ArxivDigest.Ingest.Announcements;

/// <summary>A listed day: unique papers and the counts the digest reports.</summary>
public sealed record AnnouncementDay(
    DateOnly Date,
    IReadOnlyList<FeedItem> Papers,
    int TotalEntries,
    int Scanned,
    bool NoAnnouncement,
    int SkippedItems,
    string Source);
