extern alias IngestServer;
extern alias RenderServer;
extern alias ScoringServer;

using System.Text.Json;
using ArxivDigest.Digest.Running;
using ArxivDigest.ServiceDefaults;
using ArxivDigest.TestSupport;
using ArxivDigest.TestSupport.FakeOpenAi;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using IngestEntry = IngestServer::ArxivDigest.Ingest.Grpc.IngestGrpcService;
using RenderEntry = RenderServer::ArxivDigest.Render.Grpc.RenderGrpcService;
using ScoringEntry = ScoringServer::ArxivDigest.Scoring.Grpc.ScoringGrpcService;

namespace ArxivDigest.Digest.Tests;

/// <summary>
/// The runner against the three real services (on Kestrel, plain HTTP/2), a real Redis and the
/// fake OpenAI server: what it publishes, and what it refuses to publish.
/// </summary>
public sealed class RunnerTests : IAsyncLifetime
{
    private readonly string output = Directory.CreateTempSubdirectory("arxivdigest-runner-").FullName;
    private FakeOpenAiServer llm = null!;
    private RedisServer redis = null!;

    public async Task InitializeAsync()
    {
        llm = await FakeOpenAiServer.StartAsync();
        redis = await RedisServer.StartAsync();
    }

    [Fact]
    public async Task Without_a_key_the_day_is_judged_locally_and_published()
    {
        var result = await RunAsync("2025-06-05", apiKey: null);

        Assert.Equal(RunOutcome.Succeeded, result.Outcome);
        Assert.Equal(("local", 276, 0), (result.Judge, result.Papers, result.LlmCalls));
        Assert.InRange(result.Selected, 10, 40);
        Assert.True(File.Exists(Path.Combine(output, "md", "2025-06", "2025-06-05-output.md")));
        var markdown = File.ReadAllText(Path.Combine(output, "md", "2025-06", "2025-06-05-output.md"));
        Assert.Contains("local judge", markdown);
        // No prompt was sent, so the digest shows the criteria the papers were compared with instead.
        Assert.Contains("# Paper Selection Criteria", markdown);
        Assert.Contains("> No LLM judged these papers and no prompt was sent.", markdown);
        Assert.DoesNotContain("# Paper Selection Prompt", markdown);
        Assert.DoesNotContain("[PAPERS]", markdown);
        Assert.Equal("Succeeded", Record("2025-06-05").GetProperty("outcome").GetString());
        Assert.Empty(llm.Calls);
    }

    [Fact]
    public async Task When_the_llm_fails_for_most_papers_nothing_is_published_and_the_day_is_recorded_as_failed()
    {
        llm.Script = _ => new FakeReply.Status(500, Message: "model overloaded");

        var result = await RunAsync("2025-06-05", apiKey: "sk-runner-test");

        Assert.Equal(RunOutcome.Misleading, result.Outcome);
        Assert.Contains("276 of 276 papers could not be judged", result.Message);
        Assert.Contains("HTTP 500", result.Message);
        Assert.False(Directory.Exists(Path.Combine(output, "md")));
        Assert.Equal("Misleading", Record("2025-06-05").GetProperty("outcome").GetString());
    }

    [Fact]
    public async Task An_llm_run_that_used_no_tokens_is_refused_rather_than_published()
    {
        llm.ReportUsage = false;

        var result = await RunAsync("2025-06-05", apiKey: "sk-runner-test");

        Assert.Equal(RunOutcome.Misleading, result.Outcome);
        Assert.Contains("Scoring used no LLM tokens and no cached verdicts for 276 papers", result.Message);
        Assert.False(Directory.Exists(Path.Combine(output, "md")));
    }

    [Fact]
    public async Task A_day_that_cannot_be_fetched_says_how_to_replay_one_and_writes_nothing()
    {
        var result = await RunAsync("2025-06-11", apiKey: null);

        Assert.Equal(RunOutcome.NotFetched, result.Outcome);
        Assert.Contains("no saved feed for cs.LG on 2025-06-11", result.Message);
        Assert.Contains("Ingest__Source=replay", result.Message);
        Assert.False(Directory.Exists(Path.Combine(output, "md")));
    }

    private async Task<RunResult> RunAsync(string date, string? apiKey)
    {
        var src = Path.Combine(Fixtures.RepositoryRoot, "src");
        await using var ingest = new ServiceOnKestrel<IngestEntry>(Path.Combine(src, "Ingest"),
            [("Ingest:Source", "Replay"), ("Ingest:ReplayDirectory", Fixtures.ArxivFolder)]);
        await using var scoring = new ServiceOnKestrel<ScoringEntry>(Path.Combine(src, "Scoring"),
        [
            ("OPENAI_API_KEY", apiKey ?? string.Empty), ("OpenAI:Endpoint", llm.Endpoint), ("Scoring:MaxCallAttempts", "1"),
            ("ConnectionStrings:cache", redis.ConnectionString), ("Scoring:ProfilesDirectory", Path.Combine(src, "Scoring", "Profiles")),
        ]);
        await using var render = new ServiceOnKestrel<RenderEntry>(Path.Combine(src, "Render"), [("Render:OutputRoot", output)]);

        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Services:ingest:grpc:0"] = ingest.GrpcUrl,
            ["Services:scoring:grpc:0"] = scoring.GrpcUrl,
            ["Services:render:grpc:0"] = render.GrpcUrl,
            ["Digest:Date"] = date,
            ["Digest:StateDirectory"] = Path.Combine(output, "runs"),
        });
        builder.AddServiceDefaults();
        builder.AddDigestRunner();
        using var host = builder.Build();
        await host.StartAsync();
        var result = await host.Services.GetRequiredService<RunGate>().TryRunAsync(CancellationToken.None).WaitAsync(TimeSpan.FromMinutes(3));
        await host.StopAsync();
        return result!;
    }

    private JsonElement Record(string date) =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "runs", $"{date}.json"))).RootElement;

    public async Task DisposeAsync()
    {
        await llm.DisposeAsync();
        await redis.DisposeAsync();
        Directory.Delete(output, recursive: true);
    }
}
