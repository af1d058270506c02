using ArxivDigest.Ingest.Arxiv;

namespace ArxivDigest.Ingest.Announcements;

/// <summary>What to list: validated categories, the announce types to keep, and the day (null: latest).</summary>
public sealed record AnnouncementQuery(
    IReadOnlyList<string> Categories,
    IReadOnlySet<AnnounceKind> Kinds,
    bool PrimaryOnly,
    DateOnly? Date);
