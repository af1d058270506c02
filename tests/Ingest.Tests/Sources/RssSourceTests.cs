extern alias IngestServer;

using ArxivDigest.Ingest.Tests.Support;
using ArxivDigest.TestSupport;
using IngestServer::ArxivDigest.Ingest.Announcements;
using IngestServer::ArxivDigest.Ingest.Arxiv;
using IngestServer::ArxivDigest.Ingest.Sources;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using StackExchange.Redis;

namespace ArxivDigest.Ingest.Tests.Sources;

/// <summary>The live RSS source against a real local HTTP server standing in for rss.arxiv.org.</summary>
public sealed class RssSourceTests : IAsyncLifetime
{
    private readonly TempFolder archive = new();
    private FakeHttpServer arxiv = null!;

    public async Task InitializeAsync()
    {
        arxiv = await FakeHttpServer.StartAsync();
        arxiv.Respond = (request, _) => ServeDay(request, "2025-06-10");
    }

    [Fact]
    public async Task The_latest_day_is_fetched_per_category_and_archived_for_replay()
    {
        using var host = CreateHost();

        var day = await ListAsync(host, date: null);

        Assert.Equal((new DateOnly(2025, 6, 10), 576, 728), (day.Date, day.Papers.Count, day.Scanned));
        Assert.Equal(["/rss/cs.AI", "/rss/cs.LG"], arxiv.Requests.Select(r => r.PathAndQuery).Order());
        Assert.True(File.Exists(archive.File("rss-cs.LG-2025-06-10.xml")));

        using var replay = IngestTestHost.Create(("Ingest:Source", "Replay"), ("Ingest:ReplayDirectory", archive.Path));
        var replayed = await ListAsync(replay, new DateOnly(2025, 6, 10));
        Assert.Equal(day.Papers.Select(p => p.ArxivId), replayed.Papers.Select(p => p.ArxivId));
    }

    [Fact]
    public async Task A_second_run_is_served_from_the_redis_feed_cache()
    {
        await using var redis = await RedisServer.StartAsync();
        using var host = CreateHost(("ConnectionStrings:cache", redis.ConnectionString));
        await WaitUntilConnectedAsync(host.Get<IConnectionMultiplexer>());

        await ListAsync(host, date: null);
        var again = await ListAsync(host, new DateOnly(2025, 6, 10));

        Assert.Equal(576, again.Papers.Count);
        Assert.Equal(2, arxiv.Requests.Count);
    }

    [Fact]
    public async Task With_redis_down_the_feed_is_fetched_anyway()
    {
        await using var redis = await RedisServer.StartAsync();
        var connection = redis.ConnectionString;
        await redis.StopAsync();
        using var host = CreateHost(("ConnectionStrings:cache", connection));

        var day = await ListAsync(host, date: null);

        Assert.Equal(576, day.Papers.Count);
    }

    [Fact]
    public async Task Asking_rss_for_an_earlier_day_explains_how_to_replay_it()
    {
        using var host = CreateHost();

        var error = await Assert.ThrowsAsync<DayNotServedException>(() => ListAsync(host, new DateOnly(2025, 6, 9)));

        Assert.Contains("carries the announcement of 2025-06-10, not 2025-06-09", error.Message);
        Assert.Contains("Ingest__Source=replay", error.Message);
    }

    [Fact]
    public async Task Too_many_requests_waits_as_retry_after_says_then_succeeds()
    {
        arxiv.Respond = (request, count) => count == 1
            ? new RetryAfter(1)
            : ServeDay(request, "2025-06-10");
        using var host = CreateHost();

        var day = await ListAsync(host, date: null, "cs.LG");

        Assert.Equal(357, day.Papers.Count);
        var times = arxiv.Requests.Select(r => r.At).ToList();
        Assert.Equal(2, times.Count);
        Assert.True(times[1] - times[0] >= TimeSpan.FromSeconds(0.95), $"retried after {(times[1] - times[0]).TotalSeconds:0.00} s");
    }

    [Fact]
    public async Task Server_errors_are_retried_then_fail_naming_the_feed()
    {
        arxiv.Respond = (_, _) => Results.StatusCode(502);
        using var host = CreateHost(("Ingest:MaxFetchAttempts", "3"));

        var error = await Assert.ThrowsAsync<FeedUnavailableException>(() => ListAsync(host, date: null, "cs.LG"));

        Assert.Contains($"{arxiv.BaseAddress}rss/cs.LG", error.Message);
        Assert.Contains("HTTP 502", error.Message);
        Assert.Contains("after 3 attempts", error.Message);
        Assert.Equal(3, arxiv.Requests.Count);
    }

    [Fact]
    public async Task A_not_found_is_not_retried()
    {
        arxiv.Respond = (_, _) => Results.NotFound();
        using var host = CreateHost();

        var error = await Assert.ThrowsAsync<FeedUnavailableException>(() => ListAsync(host, date: null, "cs.LG"));

        Assert.Contains("HTTP 404", error.Message);
        Assert.Single(arxiv.Requests);
    }

    [Fact]
    public async Task An_html_error_page_served_as_200_fails_the_call()
    {
        arxiv.Respond = (_, _) => Results.Content("<!DOCTYPE html><html><head><title>arXiv is down for maintenance</title></head></html>", "text/html");
        using var host = CreateHost();

        var error = await Assert.ThrowsAsync<FeedFormatException>(() => ListAsync(host, date: null, "cs.LG"));

        Assert.Contains("arXiv is down for maintenance", error.Message);
        Assert.False(File.Exists(archive.File("rss-cs.LG-2025-06-10.xml")));
    }

    private IHost CreateHost(params (string, string?)[] extra) => IngestTestHost.Create(
        [
            ("Ingest:Source", "Rss"),
            ("Ingest:RssBaseUrl", new Uri(arxiv.BaseAddress, "rss/").ToString()),
            ("Ingest:ArchiveDirectory", archive.Path),
            ("Ingest:MaxRetryAfter", "00:00:05"),
            .. extra,
        ]);

    private static Task<AnnouncementDay> ListAsync(IHost host, DateOnly? date, params string[] categories) =>
        host.Get<AnnouncementLister>().ListAsync(
            Queries.Day(date, categories), default);

    // The cache is best effort: a command sent while the first connection is still being made
    // may be dropped, which would make the request count below depend on machine load.
    private static async Task WaitUntilConnectedAsync(IConnectionMultiplexer redis)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (!redis.IsConnected)
        {
            Assert.True(DateTime.UtcNow < deadline, "Redis did not connect within 15 s");
            await Task.Delay(20);
        }
    }

    private static IResult ServeDay(HttpRequest request, string date) =>
        FakeHttpServer.Xml(RssFeedBuilder.FromDay(date, request.Path.Value!.Split('/')[^1]));

    public async Task DisposeAsync()
    {
        await arxiv.DisposeAsync();
        archive.Dispose();
    }

    private sealed class RetryAfter(int seconds) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = 429;
            httpContext.Response.Headers.RetryAfter = seconds.ToString();
            return Task.CompletedTask;
        }
    }
}
