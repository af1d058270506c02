using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace ArxivDigest.Ingest;

/// <summary>The Ingest service's own trace source and meter.</summary>
public static class IngestTelemetry
{
    public const string Name = "ArxivDigest.Ingest";

    public static readonly ActivitySource Source = new(Name);

    private static readonly Meter Meter = new(Name);

    public static readonly Counter<long> FeedItems = Meter.CreateCounter<long>(
        "arxivdigest.ingest.feed_items", "{item}", "Feed items read, by category, source and outcome (kept or skipped).");

    public static readonly Counter<long> FeedCacheLookups = Meter.CreateCounter<long>(
        "arxivdigest.ingest.feed_cache_lookups", "{lookup}", "Raw feed cache lookups, by hit.");
}
