using System.Net.Http.Json;
using System.Text.Json;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Microsoft.Extensions.DependencyInjection;
using ArxivDigest.ServiceDefaults;
using ArxivDigest.TestSupport;
using ArxivDigest.TestSupport.FakeOpenAi;

namespace ArxivDigest.EndToEnd.Tests;

[CollectionDefinition(Name)]
public sealed class DigestAppCollection : ICollectionFixture<DigestAppFixture>
{
    public const string Name = "digest app";
}

/// <summary>A real day through the whole system: Ingest, Scoring, Render and the runner under the AppHost.</summary>
[Collection(DigestAppCollection.Name)]
public sealed class DigestRunTests(DigestAppFixture fixture)
{
    [Fact]
    public void The_run_at_start_writes_the_digest_of_the_days_verdicts()
    {
        Assert.Equal("Succeeded", fixture.FirstRun.GetProperty("outcome").GetString());
        var papers = ListingPaper.Load(DigestAppFixture.Date);
        var expected = papers
            .Where(p => FakeOpenAiServer.DefaultJudge(new FakePaper(p.Id, "", "")) is { Relevance: >= 8, Novelty: >= 7 })
            .Select(p => p.Id).Order().ToList();

        var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(fixture.OutputRoot, "json", "2025-06", $"{DigestAppFixture.Date}-output.json"))).RootElement;
        Assert.Equal(expected, json.GetProperty("papers").EnumerateArray().Select(p => p.GetProperty("arxiv_id").GetString()!).Order());
        Assert.Equal((576, 728), (json.GetProperty("counts").GetProperty("unique").GetInt32(), json.GetProperty("counts").GetProperty("scanned").GetInt32()));
        Assert.True(json.GetProperty("run").GetProperty("prompt_tokens").GetInt64() > 0);
        var markdown = File.ReadAllText(Path.Combine(fixture.OutputRoot, "md", "2025-06", $"{DigestAppFixture.Date}-output.md"));
        Assert.Contains($"Total relevant papers: {expected.Count}", markdown);
        Assert.True(File.Exists(Path.Combine(fixture.OutputRoot, "html", $"{DigestAppFixture.Date}.html")));
        Assert.Equal(576, fixture.Llm.Calls.Where(c => c.Stage == "abstract").SelectMany(c => c.Papers).Select(p => p.Id).Distinct().Count());
        // Redis keeps its data beside the digests (append-only file), so verdicts and history survive a restart.
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(fixture.OutputRoot, "redis", "appendonlydir")));
    }

    [Fact]
    public async Task The_dashboards_run_digest_now_command_runs_the_day_again_from_the_cache()
    {
        var callsBefore = fixture.Llm.Calls.Count;
        var record = Path.Combine(fixture.OutputRoot, "runs", $"{DigestAppFixture.Date}.json");
        var before = File.GetLastWriteTimeUtc(record);
        var commands = fixture.App.Services.GetRequiredService<ResourceCommandService>();

        var result = await commands.ExecuteCommandAsync(ResourceNames.Digest, "run-digest-now").WaitAsync(TimeSpan.FromMinutes(3));

        Assert.True(result.Success, result.Message);
        Assert.True(File.GetLastWriteTimeUtc(record) > before);
        var run = JsonDocument.Parse(File.ReadAllText(record)).RootElement;
        Assert.Equal(("Succeeded", 0), (run.GetProperty("outcome").GetString(), run.GetProperty("llm_calls").GetInt32()));
        Assert.Equal(callsBefore, fixture.Llm.Calls.Count);
    }

    [Fact]
    public async Task Running_the_day_again_is_served_from_the_cache()
    {
        var callsBefore = fixture.Llm.Calls.Count;
        using var http = new HttpClient { BaseAddress = fixture.App.GetEndpoint(ResourceNames.Digest, ResourceNames.HttpEndpoint), Timeout = TimeSpan.FromMinutes(3) };

        using var response = await http.PostAsync("/runs", content: null);

        var result = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(response.IsSuccessStatusCode, result.ToString());
        Assert.Equal(0, result.GetProperty("llmCalls").GetInt32());
        Assert.Equal(576, result.GetProperty("cacheHits").GetInt32());
        Assert.Equal(callsBefore, fixture.Llm.Calls.Count);
    }
}
