using ArxivDigest.Ingest.Arxiv;
using ArxivDigest.Ingest.Caching;
using Microsoft.Extensions.Options;

namespace ArxivDigest.Ingest.Sources;

/// <summary>
/// arXiv's RSS feed per category (rss.arxiv.org/rss/{category}). It only ever holds the latest
/// announcement; an earlier day is served only while its raw feed is still in the cache.
/// </summary>
public sealed class RssAnnouncementSource(
    ArxivHttpFetcher fetcher,
    RssFeedParser parser,
    RawFeedCache cache,
    FeedArchive archive,
    IOptions<IngestOptions> options) : IAnnouncementSource
{
    public string Name => "rss";

    public DateOnly? LatestDate(IReadOnlyCollection<string> categories) => null;

    public async Task<CategoryFeed> FetchAsync(string category, DateOnly? date, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var url = new Uri(new Uri(EnsureSlash(settings.RssBaseUrl)), Uri.EscapeDataString(category));
        var feedName = url.ToString();
        var cacheKey = RawFeedCache.Key(Name, category, date?.ToString("yyyy-MM-dd") ?? "latest");

        using var activity = IngestTelemetry.Source.StartActivity("ingest.fetch");
        activity?.SetTag("arxiv.category", category);
        activity?.SetTag("ingest.source", Name);
        activity?.SetTag("url.full", feedName);

        var xml = await cache.GetAsync(cacheKey);
        activity?.SetTag("ingest.cache_hit", xml is not null);
        var fetched = xml is null;
        xml ??= await fetcher.GetStringAsync(url, cancellationToken);
        activity?.SetTag("ingest.bytes", xml.Length);

        var feed = FeedTelemetry.Parse(() => parser.Parse(xml, category, feedName), Name, category);
        if (date is { } wanted && feed.AnnouncedOn is { } served && served != wanted)
        {
            throw new DayNotServedException(
                $"The RSS feed {feedName} carries the announcement of {served:yyyy-MM-dd}, not {wanted:yyyy-MM-dd}: "
                + "arXiv's RSS only has the latest day. To get an earlier day, replay saved feeds "
                + "(Ingest__Source=replay, Ingest__ReplayDirectory=<folder>) or use the arXiv API (Ingest__Source=api).");
        }

        if (fetched)
        {
            await cache.SetAsync(cacheKey, xml, date is null ? settings.LatestFeedCacheTtl : settings.FeedCacheTtl);
            if (feed.AnnouncedOn is { } day)
            {
                if (date is null)
                {
                    await cache.SetAsync(RawFeedCache.Key(Name, category, day.ToString("yyyy-MM-dd")), xml, settings.FeedCacheTtl);
                }

                if (!feed.IsEmpty)
                {
                    await archive.SaveAsync(FeedArchive.FileName(Name, category, day), xml, cancellationToken);
                }
            }
        }

        return feed;
    }

    private static string EnsureSlash(string url) => url.EndsWith('/') ? url : url + "/";
}
