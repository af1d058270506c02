using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ArxivDigest.TestSupport;

/// <summary>
/// A real HTTP server on 127.0.0.1 (a free port) whose answers a test scripts per request, and
/// which records what it was asked and when. Stands in for rss.arxiv.org and export.arxiv.org.
/// </summary>
public sealed class FakeHttpServer : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ConcurrentQueue<(string PathAndQuery, DateTimeOffset At)> requests = new();

    private FakeHttpServer(WebApplication app) => this.app = app;

    /// <summary>Answers each request; set by the test, may be replaced between calls.</summary>
    public Func<HttpRequest, int, IResult> Respond { get; set; } = (_, _) => Results.NotFound();

    public Uri BaseAddress { get; private set; } = null!;

    public IReadOnlyList<(string PathAndQuery, DateTimeOffset At)> Requests => requests.ToArray();

    public static async Task<FakeHttpServer> StartAsync()
    {
        var builder = LoopbackServer.CreateBuilder();
        var app = builder.Build();
        var server = new FakeHttpServer(app);
        app.Run(async context =>
        {
            server.requests.Enqueue((context.Request.Path + context.Request.QueryString, DateTimeOffset.UtcNow));
            await server.Respond(context.Request, server.requests.Count).ExecuteAsync(context);
        });
        await app.StartAsync();
        server.BaseAddress = new Uri(app.Urls.First() + "/");
        return server;
    }

    public static IResult Xml(string body) => Results.Text(body, "application/xml; charset=utf-8");

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
