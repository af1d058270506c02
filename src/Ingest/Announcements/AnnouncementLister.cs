using ArxivDigest.Ingest.Arxiv;
using ArxivDigest.Ingest.Sources;

namespace ArxivDigest.Ingest.Announcements;

/// <summary>
/// Fetches each requested category's feed, applies the filters, and merges the categories into
/// one list of unique papers, counting as the reference digest does.
/// </summary>
public sealed class AnnouncementLister(IAnnouncementSource source, TimeProvider time)
{
    public async Task<AnnouncementDay> ListAsync(AnnouncementQuery query, CancellationToken cancellationToken)
    {
        using var activity = IngestTelemetry.Source.StartActivity("ingest.list");
        activity?.SetTag("arxiv.categories", string.Join(",", query.Categories));
        activity?.SetTag("ingest.source", source.Name);

        var date = query.Date ?? source.LatestDate(query.Categories);
        var feeds = await Task.WhenAll(query.Categories.Select(c => source.FetchAsync(c, date, cancellationToken)));

        var served = feeds.Where(f => !f.IsEmpty && f.AnnouncedOn is not null).Select(f => f.AnnouncedOn!.Value).Distinct().ToList();
        if (served.Count > 1)
        {
            throw new DayNotServedException(
                "The category feeds carry different announcement days ("
                + string.Join(", ", feeds.Where(f => f.AnnouncedOn is not null).Select(f => $"{f.Category}: {f.AnnouncedOn:yyyy-MM-dd}"))
                + "); arXiv was probably publishing a new announcement. Ask again in a few minutes.");
        }

        var day = date
            ?? (served.Count == 1 ? served[0] : (DateOnly?)null)
            ?? feeds.Select(f => f.AnnouncedOn).FirstOrDefault(d => d is not null)
            ?? ArxivSchedule.LatestAnnouncement(time.GetUtcNow());

        var papers = new OrderedDictionary<string, FeedItem>(StringComparer.Ordinal);
        var scanned = 0;
        foreach (var feed in feeds)
        {
            foreach (var item in feed.Items.Where(i => Keep(query, i)))
            {
                scanned++;
                if (!papers.TryGetValue(item.ArxivId, out var seen))
                {
                    papers.Add(item.ArxivId, item);
                }
                else if (PreferOver(item, seen))
                {
                    papers[item.ArxivId] = item;
                }
            }
        }

        activity?.SetTag("ingest.papers", papers.Count);
        activity?.SetTag("ingest.scanned", scanned);
        return new AnnouncementDay(
            day,
            papers.Values.ToList(),
            feeds.Sum(f => f.TotalEntries),
            scanned,
            NoAnnouncement: feeds.All(f => f.IsEmpty),
            feeds.Sum(f => f.SkippedItems),
            source.Name);
    }

    private static bool Keep(AnnouncementQuery query, FeedItem item) =>
        query.Kinds.Contains(item.AnnounceKind)
        && (!query.PrimaryOnly || query.Categories.Contains(item.PrimaryCategory, StringComparer.Ordinal));

    // A paper listed in several categories keeps its newest version, and "new" over "cross".
    private static bool PreferOver(FeedItem candidate, FeedItem seen) =>
        candidate.Version > seen.Version
        || (candidate.Version == seen.Version && candidate.AnnounceKind == AnnounceKind.New && seen.AnnounceKind != AnnounceKind.New);
}
