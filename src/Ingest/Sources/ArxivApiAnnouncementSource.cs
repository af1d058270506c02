using System.Globalization;
using ArxivDigest.Ingest.Arxiv;
using ArxivDigest.Ingest.Caching;
using Microsoft.Extensions.Options;

namespace ArxivDigest.Ingest.Sources;

/// <summary>
/// Backfill from the arXiv API: a day is approximated by its submission window
/// (<see cref="ArxivSchedule.SubmissionWindow"/>), queried page by page, at most one request per
/// Ingest:ApiRequestInterval (arXiv asks for 3 s). Only first versions appear, so every paper is
/// "new" (primary in the category) or "cross"; replacements are not listed by this source.
/// </summary>
public sealed class ArxivApiAnnouncementSource(
    ArxivHttpFetcher fetcher,
    AtomFeedParser parser,
    RawFeedCache cache,
    FeedArchive archive,
    ApiRequestPacer pacer,
    TimeProvider time,
    IOptions<IngestOptions> options) : IAnnouncementSource
{
    // Far beyond any real day in one category; stops a misbehaving server from paging forever.
    private const int MaxPages = 50;

    public string Name => "api";

    public DateOnly? LatestDate(IReadOnlyCollection<string> categories) => ArxivSchedule.LatestAnnouncement(time.GetUtcNow());

    public async Task<CategoryFeed> FetchAsync(string category, DateOnly? date, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var day = date ?? LatestDate([category])!.Value;
        using var activity = IngestTelemetry.Source.StartActivity("ingest.fetch");
        activity?.SetTag("arxiv.category", category);
        activity?.SetTag("ingest.source", Name);
        activity?.SetTag("ingest.date", day.ToString("yyyy-MM-dd"));

        if (!ArxivSchedule.IsAnnouncementDay(day))
        {
            return new CategoryFeed(category, day, [], 0, 0);
        }

        var (from, to) = ArxivSchedule.SubmissionWindow(day);
        var items = new List<FeedItem>();
        var entries = 0;
        var skipped = 0;
        for (var page = 1; page <= MaxPages; page++)
        {
            var start = (page - 1) * settings.ApiPageSize;
            var url = QueryUrl(settings, category, from, to, start);
            var key = RawFeedCache.Key(Name, category, $"{day:yyyy-MM-dd}:p{page}");
            var xml = await cache.GetAsync(key);
            if (xml is null)
            {
                xml = await pacer.RunAsync(() => fetcher.GetStringAsync(url, cancellationToken), cancellationToken);
                await cache.SetAsync(key, xml, settings.FeedCacheTtl);
                await archive.SaveAsync(FeedArchive.FileName(Name, category, day, page), xml, cancellationToken);
            }

            var result = parser.Parse(xml, category, url.ToString());
            items.AddRange(result.Entries.Select(e => e.Item));
            entries += result.EntryCount;
            skipped += result.SkippedItems;
            if (result.EntryCount == 0 || start + result.EntryCount >= result.TotalResults)
            {
                return FeedTelemetry.Record(new CategoryFeed(category, day, items, entries, skipped), Name);
            }
        }

        throw new FeedUnavailableException(QueryUrl(settings, category, from, to, 0).ToString(), $"more than {MaxPages} pages of results");
    }

    public static Uri QueryUrl(IngestOptions settings, string category, DateTimeOffset from, DateTimeOffset to, int start)
    {
        var query = $"cat:{category} AND submittedDate:[{Stamp(from)} TO {Stamp(to)}]";
        return new Uri($"{settings.ApiBaseUrl}?search_query={Uri.EscapeDataString(query)}"
            + $"&start={start}&max_results={settings.ApiPageSize}&sortBy=submittedDate&sortOrder=ascending");
    }

    private static string Stamp(DateTimeOffset moment) =>
        moment.UtcDateTime.ToString("yyyyMMddHHmm", CultureInfo.InvariantCulture);
}
