using System.Diagnostics;
using ArxivDigest.Ingest.Arxiv;

namespace ArxivDigest.Ingest.Sources;

/// <summary>The span around a feed parse, and the item counts every source reports.</summary>
internal static class FeedTelemetry
{
    /// <summary>Parses inside an "ingest.parse" span and records the counts.</summary>
    public static CategoryFeed Parse(Func<CategoryFeed> parse, string source, string category)
    {
        using var activity = IngestTelemetry.Source.StartActivity("ingest.parse");
        activity?.SetTag("arxiv.category", category);
        activity?.SetTag("ingest.source", source);
        return Record(parse(), source);
    }

    /// <summary>
    /// Records the counts of a feed assembled from several parsed pages, on the current span
    /// (the fetch) and in the metrics.
    /// </summary>
    public static CategoryFeed Record(CategoryFeed feed, string source)
    {
        var activity = Activity.Current;
        activity?.SetTag("ingest.entries", feed.TotalEntries);
        activity?.SetTag("ingest.items", feed.Items.Count);
        activity?.SetTag("ingest.skipped_items", feed.SkippedItems);

        IngestTelemetry.FeedItems.Add(feed.Items.Count,
            new("arxiv.category", feed.Category), new("ingest.source", source), new("outcome", "kept"));
        if (feed.SkippedItems > 0)
        {
            IngestTelemetry.FeedItems.Add(feed.SkippedItems,
                new("arxiv.category", feed.Category), new("ingest.source", source), new("outcome", "skipped"));
        }

        return feed;
    }
}
