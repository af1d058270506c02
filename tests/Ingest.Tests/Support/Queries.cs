extern alias IngestServer;

using IngestServer::ArxivDigest.Ingest.Announcements;
using IngestServer::ArxivDigest.Ingest.Arxiv;

namespace ArxivDigest.Ingest.Tests.Support;

/// <summary>The queries the tests ask: new and cross-listed papers, as a digest run does.</summary>
internal static class Queries
{
    public static readonly IReadOnlySet<AnnounceKind> NewAndCross = new HashSet<AnnounceKind> { AnnounceKind.New, AnnounceKind.Cross };

    public static AnnouncementQuery Day(DateOnly? date, params string[] categories) =>
        new(categories.Length > 0 ? categories : ["cs.LG", "cs.AI"], NewAndCross, PrimaryOnly: false, date);
}
