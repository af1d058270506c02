extern alias IngestServer;

using ArxivDigest.Ingest.Tests.Support;
using ArxivDigest.TestSupport;
using IngestServer::ArxivDigest.Ingest.Announcements;
using IngestServer::ArxivDigest.Ingest.Arxiv;
using Microsoft.Extensions.Hosting;

namespace ArxivDigest.Ingest.Tests.Sources;

/// <summary>The arXiv API source against a real local HTTP server standing in for export.arxiv.org.</summary>
public sealed class ApiSourceTests : IAsyncLifetime
{
    private readonly IReadOnlyList<ListingPaper> papers = ListingPaper.InCategory(ListingPaper.Load("2025-06-10"), "cs.LG");
    private FakeHttpServer arxiv = null!;

    public async Task InitializeAsync()
    {
        arxiv = await FakeHttpServer.StartAsync();
        arxiv.Respond = (request, _) =>
        {
            var start = int.Parse(request.Query["start"]!);
            var size = int.Parse(request.Query["max_results"]!);
            return FakeHttpServer.Xml(AtomFeedBuilder.Page(papers, start, size, new DateTimeOffset(2025, 6, 9, 15, 0, 0, TimeSpan.Zero)));
        };
    }

    [Fact]
    public async Task A_past_day_is_paged_through_its_submission_window_at_the_polite_rate()
    {
        using var host = CreateHost();

        var day = await host.Get<AnnouncementLister>().ListAsync(Queries.Day(new DateOnly(2025, 6, 10), "cs.LG"), default);

        Assert.Equal(papers.Count, day.Papers.Count);
        Assert.Equal(papers.Select(p => p.Id), day.Papers.Select(p => p.ArxivId));
        var requests = arxiv.Requests;
        Assert.Equal(4, requests.Count);
        var query = Uri.UnescapeDataString(requests[0].PathAndQuery);
        Assert.Contains("cat:cs.LG AND submittedDate:[202506061800 TO 202506091800]", query);
        for (var i = 1; i < requests.Count; i++)
        {
            Assert.True(requests[i].At - requests[i - 1].At >= TimeSpan.FromMilliseconds(290), "requests closer than Ingest:ApiRequestInterval");
        }
    }

    [Fact]
    public async Task A_weekend_day_asks_nothing_and_is_no_announcement()
    {
        using var host = CreateHost();

        var day = await host.Get<AnnouncementLister>().ListAsync(Queries.Day(new DateOnly(2025, 6, 8), "cs.LG"), default);

        Assert.True(day.NoAnnouncement);
        Assert.Empty(arxiv.Requests);
    }

    [Fact]
    public async Task An_api_error_fails_the_day()
    {
        arxiv.Respond = (_, _) => FakeHttpServer.Xml(AtomFeedBuilder.Error("malformed query"));
        using var host = CreateHost();

        var error = await Assert.ThrowsAsync<FeedFormatException>(() =>
            host.Get<AnnouncementLister>().ListAsync(Queries.Day(new DateOnly(2025, 6, 10), "cs.LG"), default));

        Assert.Contains("malformed query", error.Message);
    }

    private IHost CreateHost() => IngestTestHost.Create(
        ("Ingest:Source", "Api"),
        ("Ingest:ApiBaseUrl", new Uri(arxiv.BaseAddress, "api/query").ToString()),
        ("Ingest:ApiPageSize", "100"),
        ("Ingest:ApiRequestInterval", "00:00:00.300"));

    public async Task DisposeAsync() => await arxiv.DisposeAsync();
}
