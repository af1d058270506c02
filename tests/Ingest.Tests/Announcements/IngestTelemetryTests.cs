extern alias IngestServer;

using System.Collections.Concurrent;
using System.Diagnostics;
using ArxivDigest.Ingest.Tests.Support;
using ArxivDigest.TestSupport;
using IngestServer::ArxivDigest.Ingest.Announcements;
using IngestServer::ArxivDigest.Ingest.Arxiv;

namespace ArxivDigest.Ingest.Tests.Announcements;

public sealed class IngestTelemetryTests
{
    [Fact]
    public async Task Each_fetch_and_parse_is_a_span_with_category_source_and_counts()
    {
        var spans = new ConcurrentBag<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "ArxivDigest.Ingest",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = spans.Add,
        };
        ActivitySource.AddActivityListener(listener);
        using var host = IngestTestHost.Create(("Ingest:Source", "Replay"), ("Ingest:ReplayDirectory", Fixtures.ArxivFolder));
        using var run = new Activity("test-run").Start();

        await host.Get<AnnouncementLister>().ListAsync(
            Queries.Day(new DateOnly(2025, 6, 10)), default);

        var mine = spans.Where(s => s.TraceId == run.TraceId).ToList();
        var parses = mine.Where(s => s.OperationName == "ingest.parse").ToDictionary(s => (string)s.GetTagItem("arxiv.category")!);
        Assert.Equal(357, parses["cs.LG"].GetTagItem("ingest.items"));
        Assert.Equal(371, parses["cs.AI"].GetTagItem("ingest.items"));
        Assert.All(parses.Values, s => Assert.Equal("replay", s.GetTagItem("ingest.source")));
        Assert.Equal(2, mine.Count(s => s.OperationName == "ingest.fetch"));
        var list = Assert.Single(mine, s => s.OperationName == "ingest.list");
        Assert.Equal(576, list.GetTagItem("ingest.papers"));
    }
}
