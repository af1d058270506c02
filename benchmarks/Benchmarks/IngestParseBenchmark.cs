extern alias IngestServer;

using System.Diagnostics;
using IngestServer::ArxivDigest.Ingest.Arxiv;
using ArxivDigest.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;

namespace ArxivDigest.Benchmarks;

/// <summary>
/// Parses a 1,000-item RSS feed built from real saved papers (two busy days of cs.LG and cs.AI)
/// and prints the time per parse. Target: at most 50 ms on the 2-core reference machine.
/// </summary>
internal static class IngestParseBenchmark
{
    private const int Items = 1000;
    private const double TargetMs = 50;

    public static Task RunAsync()
    {
        var papers = new[] { "2025-06-03", "2025-06-10" }
            .SelectMany(ListingPaper.Load)
            .DistinctBy(p => p.Id)
            .Take(Items)
            .ToList();
        var xml = RssFeedBuilder.Build("cs.LG", new DateOnly(2025, 6, 10),
            papers.Select(p => new RssFeedBuilder.Item(p.Id + "v1", p.Title, string.Join(", ", p.Authors), p.Abstract, p.Categories, "new")));
        var parser = new RssFeedParser(NullLogger<RssFeedParser>.Instance);

        // Warm-up: JIT and regex construction are not what a daily run pays per feed.
        for (var i = 0; i < 5; i++)
        {
            parser.Parse(xml, "cs.LG", "bench");
        }

        var times = new List<double>();
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 30; i++)
        {
            var watch = Stopwatch.StartNew();
            var feed = parser.Parse(xml, "cs.LG", "bench");
            times.Add(watch.Elapsed.TotalMilliseconds);
            if (feed.Items.Count != papers.Count)
            {
                throw new InvalidOperationException($"parsed {feed.Items.Count} items, expected {papers.Count}");
            }
        }

        var perParseMb = (GC.GetAllocatedBytesForCurrentThread() - allocated) / 30.0 / 1024 / 1024;
        times.Sort();
        var median = times[times.Count / 2];
        Console.WriteLine($"feed: {papers.Count} items, {xml.Length / 1024.0 / 1024:0.00} MB of XML");
        Console.WriteLine($"parse: median {median:0.0} ms, min {times[0]:0.0} ms, max {times[^1]:0.0} ms over {times.Count} runs; {perParseMb:0.0} MB allocated per parse");
        Console.WriteLine($"target <= {TargetMs} ms: {(median <= TargetMs ? "met" : "MISSED")} (median is {median / TargetMs:0.00}x the target)");
        return Task.CompletedTask;
    }
}
