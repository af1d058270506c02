using ArxivDigest.Contracts.V1;
using ArxivDigest.Scoring.Tests.Support;
using ArxivDigest.TestSupport;
using ArxivDigest.TestSupport.FakeOpenAi;

namespace ArxivDigest.Scoring.Tests.Grpc;

/// <summary>How a profile's settings and text shape the run: title pass, author list, cutoffs, cache key.</summary>
public sealed class ProfileBehaviourTests : IAsyncLifetime
{
    private FakeOpenAiServer llm = null!;
    private RedisServer redis = null!;

    public async Task InitializeAsync()
    {
        llm = await FakeOpenAiServer.StartAsync();
        redis = await RedisServer.StartAsync();
    }

    [Fact]
    public async Task The_title_pass_rejects_what_it_names_and_only_the_rest_is_scored()
    {
        using var profiles = new TestProfiles(p => { p["titleBatchSize"] = 10; p["abstractBatchSize"] = 5; });
        await using var app = new ScoringApp(llm, redis.ConnectionString, profiles.Path);
        var papers = ScoringApp.Day("2025-06-10", 20);
        var rejected = papers.Where((_, i) => i % 4 == 0).Select(p => p.ArxivId).ToHashSet();
        llm.TitleIrrelevant = p => rejected.Contains(p.Id);

        var (verdicts, usage) = await app.ScoreAsync(papers);

        Assert.Equal(20, verdicts.Count);
        Assert.Equal(rejected.Order(), verdicts.Where(v => v.Verdict == Verdict.RejectedByTitle).Select(v => v.ArxivId).Order());
        var calls = llm.Calls;
        Assert.Equal(2, calls.Count(c => c.Stage == "title"));
        Assert.Equal(15, calls.Where(c => c.Stage == "abstract").Sum(c => c.Papers.Count));
        Assert.DoesNotContain(calls.Where(c => c.Stage == "abstract").SelectMany(c => c.Papers), p => rejected.Contains(p.Id));
        Assert.Equal(calls.Count, usage.LlmCalls);
    }

    [Fact]
    public async Task An_unreadable_title_reply_rejects_nothing()
    {
        using var profiles = new TestProfiles(p => { p["titleBatchSize"] = 10; p["abstractBatchSize"] = 10; });
        await using var app = new ScoringApp(llm, redis.ConnectionString, profiles.Path);
        llm.Script = call => call.Stage == "title" ? new FakeReply.Raw("These all look fine to me.") : FakeReply.Normal;

        var (verdicts, _) = await app.ScoreAsync(ScoringApp.Day("2025-06-10", 10));

        Assert.DoesNotContain(verdicts, v => v.Verdict == Verdict.RejectedByTitle);
        Assert.Equal(10, llm.Calls.Where(c => c.Stage == "abstract").Sum(c => c.Papers.Count));
    }

    [Fact]
    public async Task Papers_by_listed_authors_are_kept_without_an_llm_call()
    {
        using var profiles = new TestProfiles(p => p["titleFilter"] = false);
        var papers = ScoringApp.Day("2025-06-10", 6);
        File.WriteAllLines(Path.Combine(profiles.Folder(), "authors.txt"), ["# always read these", papers[2].Authors[0]]);
        await using var app = new ScoringApp(llm, redis.ConnectionString, profiles.Path);

        var (verdicts, _) = await app.ScoreAsync(papers);

        var match = Assert.Single(verdicts, v => v.Verdict == Verdict.AuthorMatch);
        Assert.Equal(papers[2].ArxivId, match.ArxivId);
        Assert.Contains(papers[2].Authors[0], match.Comment);
        Assert.DoesNotContain(llm.Calls.SelectMany(c => c.Papers), p => p.Id == papers[2].ArxivId);
    }

    [Fact]
    public async Task Changing_a_cutoff_re_decides_cached_verdicts_while_editing_the_criteria_re_scores()
    {
        using var profiles = new TestProfiles(p => p["titleFilter"] = false);
        var papers = ScoringApp.Day("2025-06-10", 30);
        await using (var app = new ScoringApp(llm, redis.ConnectionString, profiles.Path))
        {
            await app.ScoreAsync(papers);
        }

        llm.ResetCalls();
        RewriteSettings(profiles, "relevanceCutoff", 1, "noveltyCutoff", 1);
        await using (var lenient = new ScoringApp(llm, redis.ConnectionString, profiles.Path))
        {
            var (verdicts, usage) = await lenient.ScoreAsync(papers);
            Assert.Equal(0, usage.LlmCalls);
            Assert.All(verdicts, v => Assert.Equal(Verdict.Selected, v.Verdict));
        }

        File.AppendAllText(Path.Combine(profiles.Folder(), "topics.md"), "\n6. Causal inference\n   - Of interest: identification and estimation methods.\n");
        await using (var edited = new ScoringApp(llm, redis.ConnectionString, profiles.Path))
        {
            var (_, usage) = await edited.ScoreAsync(papers);
            Assert.Equal(0, usage.CacheHits);
            Assert.True(usage.LlmCalls > 0);
        }
    }

    [Fact]
    public async Task Switching_the_model_re_scores_and_an_unpriced_model_reports_its_cost_as_unknown()
    {
        using var profiles = new TestProfiles(p => p["titleFilter"] = false);
        var papers = ScoringApp.Day("2025-06-10", 8);
        await using (var app = new ScoringApp(llm, redis.ConnectionString, profiles.Path))
        {
            await app.ScoreAsync(papers);
        }

        await using var local = new ScoringApp(llm, redis.ConnectionString, profiles.Path, ("OpenAI:Model", "my-local-llama"));
        var (_, usage) = await local.ScoreAsync(papers);

        Assert.Equal(("my-local-llama", 0), (usage.Model, usage.CacheHits));
        Assert.All(llm.Calls.TakeLast(1), c => Assert.Equal("my-local-llama", c.Model));
        Assert.False(usage.CostKnown);
        Assert.Equal(0, usage.PromptCostUsd);
        Assert.True(usage.PromptTokens > 0);
    }

    [Fact]
    public async Task All_calls_share_one_rate_limit()
    {
        using var profiles = new TestProfiles(p => { p["titleFilter"] = false; p["abstractBatchSize"] = 1; });
        // 60 a minute: a burst of 10, then one a second.
        await using var app = new ScoringApp(llm, redis.ConnectionString, profiles.Path, ("Scoring:RequestsPerMinute", "60"));

        // One call first, so start-up and the first connection do not count; it takes one permit.
        await app.ScoreAsync(ScoringApp.Day("2025-06-06", 1));
        llm.ResetCalls();
        var start = DateTimeOffset.UtcNow;
        await Task.WhenAll(app.ScoreAsync(ScoringApp.Day("2025-06-10", 6)), app.ScoreAsync(ScoringApp.Day("2025-06-09", 6)));

        // The bucket refills on a one-second timer that started with the service, not with any
        // call: 9 permits are left, so calls 10-12 each wait for a tick, and the second tick after
        // the start is at least a second after it (without the limit the 12 calls take about 0.02 s here).
        var times = llm.Calls.Select(c => c.At).Order().ToList();
        Assert.Equal(12, times.Count);
        Assert.True(times[^1] - start >= TimeSpan.FromSeconds(1), $"12 calls took {(times[^1] - start).TotalSeconds:0.00} s at 60 a minute");
    }

    private static void RewriteSettings(TestProfiles profiles, params object[] pairs)
    {
        var path = Path.Combine(profiles.Folder(), "profile.json");
        var json = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        for (var i = 0; i < pairs.Length; i += 2)
        {
            json[(string)pairs[i]] = System.Text.Json.Nodes.JsonValue.Create(pairs[i + 1]);
        }

        File.WriteAllText(path, json.ToJsonString());
    }

    public async Task DisposeAsync()
    {
        await llm.DisposeAsync();
        await redis.DisposeAsync();
    }
}
