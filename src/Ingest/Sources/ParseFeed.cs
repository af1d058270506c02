using ArxivDigest.Ingest.Arxiv;

namespace ArxivDigest.Ingest.Sources;

/// <summary>Wraps a parse in its span and records the item counts every source reports.</summary>
internal static class ParseFeed
{
    public static CategoryFeed Run(Func<CategoryFeed> parse, string source, string category)
    {
        using var activity = IngestTelemetry.Source.StartActivity("ingest.parse");
        activity?.SetTag("arxiv.category", category);
        activity?.SetTag("ingest.source", source);

        var feed = parse();
        activity?.SetTag("ingest.entries", feed.TotalEntries);
        activity?.SetTag("ingest.items", feed.Items.Count);
        activity?.SetTag("ingest.skipped_items", feed.SkippedItems);
        Record(source, category, feed);
        return feed;
    }

    private static void Record(string source, string category, CategoryFeed feed)
    {
        IngestTelemetry.FeedItems.Add(feed.Items.Count,
            new("arxiv.category", category), new("ingest.source", source), new("outcome", "kept"));
        if (feed.SkippedItems > 0)
        {
            IngestTelemetry.FeedItems.Add(feed.SkippedItems,
                new("arxiv.category", category), new("ingest.source", source), new("outcome", "skipped"));
        }
    }
}
