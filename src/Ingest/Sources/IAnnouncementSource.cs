using ArxivDigest.Ingest.Arxiv;

namespace ArxivDigest.Ingest.Sources;

/// <summary>Serves one category's announcement for a day (or the latest one when no date is given).</summary>
public interface IAnnouncementSource
{
    /// <summary>"rss", "api" or "replay".</summary>
    string Name { get; }

    /// <summary>
    /// The day this source serves when none is asked for, or null when only the fetched feed can
    /// tell (RSS).
    /// </summary>
    DateOnly? LatestDate(IReadOnlyCollection<string> categories);

    Task<CategoryFeed> FetchAsync(string category, DateOnly? date, CancellationToken cancellationToken);
}
