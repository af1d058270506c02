using ArxivDigest.Contracts.V1;
using ArxivDigest.Scoring.Tests.Support;
using ArxivDigest.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;

namespace ArxivDigest.Scoring.Tests.Local;

/// <summary>The local judge (no key) on awkward input, and its trained model across restarts.</summary>
public sealed class LocalJudgeInputTests() : ScoringTestBase(("OPENAI_API_KEY", ""))
{
    private const string TrainedLog = "trained on 366 labelled papers";

    [Fact]
    public async Task A_restarted_service_judges_with_the_model_it_stored_without_training_again()
    {
        await App.Client.RecordFeedbackAsync(ScoringApp.FeedbackFromPicks("2025-06-02"));
        Assert.Contains(App.Logs.Lines, l => l.Contains(TrainedLog));

        await using var restarted = Restart();
        var (verdicts, _) = await restarted.ScoreAsync(ScoringApp.Day("2025-06-05", 30));

        Assert.All(verdicts, v => Assert.Contains("learned from 366 past verdicts", v.Comment));
        Assert.DoesNotContain(restarted.Logs.Lines, l => l.Contains(TrainedLog));
    }

    [Theory]
    [InlineData("{ this is not json")]
    [InlineData("""{"format":2,"trained_on":366,"threshold":0.1,"categories":[],"members":[{"w":[1,2,3],"b":0,"mean":[0,0,0],"scale":[1,1,1]}]}""")]
    public async Task A_corrupted_stored_model_is_rebuilt_from_the_history_and_logged(string damage)
    {
        await App.Client.RecordFeedbackAsync(ScoringApp.FeedbackFromPicks("2025-06-02"));
        var redis = App.Services.GetRequiredService<IConnectionMultiplexer>();
        var keys = redis.GetServers()[0].Keys(pattern: "arxivdigest:scoring:model:*").ToList();
        Assert.Single(keys);
        await redis.GetDatabase().StringSetAsync(keys[0], damage);

        await using var restarted = Restart();
        var (verdicts, _) = await restarted.ScoreAsync(ScoringApp.Day("2025-06-05", 30));

        Assert.Contains(restarted.Logs.Lines, l => l.Contains("is unreadable") && l.Contains("rebuilding it from the history"));
        Assert.Contains(restarted.Logs.Lines, l => l.Contains(TrainedLog));
        Assert.All(verdicts, v => Assert.Contains("learned from 366 past verdicts", v.Comment));
        Assert.StartsWith("{\"format\":2", (string?)await redis.GetDatabase().StringGetAsync(keys[0]));
    }

    [Fact]
    public async Task With_redis_down_the_local_judge_embeds_without_the_cache_and_keeps_its_model()
    {
        await App.Client.RecordFeedbackAsync(ScoringApp.FeedbackFromPicks("2025-06-02"));
        await Redis.StopAsync();

        var (verdicts, usage) = await App.ScoreAsync(ScoringApp.Day("2025-06-09", 25));

        Assert.Equal(25, verdicts.Count);
        Assert.Equal("local", usage.Judge);
        Assert.All(verdicts, v => Assert.Contains("learned from 366 past verdicts", v.Comment));
        Assert.Contains(App.Logs.Lines, l => l.Contains("Embedding cache unavailable"));
    }

    [Fact]
    public async Task Embeddings_are_cached_per_view_and_arxiv_month_and_expire()
    {
        await App.ScoreAsync(ScoringApp.Day("2025-06-05", 30));

        var redis = App.Services.GetRequiredService<IConnectionMultiplexer>();
        var keys = redis.GetServers()[0].Keys(pattern: "arxivdigest:scoring:embeddings:*").Select(k => (string)k!).Order().ToList();
        foreach (var view in new[] { "minilm-l6-v2:head600", "arctic-xs:full1000", "arctic-xs:title" })
        {
            Assert.Contains(keys, k => k.StartsWith($"arxivdigest:scoring:embeddings:{view}:", StringComparison.Ordinal));
        }

        Assert.All(keys, k => Assert.Matches(@":(\d{4}|old)$", k));
        Assert.Equal(30, keys.Where(k => k.Contains("title")).Sum(k => redis.GetDatabase().HashLength(k)));
        foreach (var key in keys)
        {
            Assert.InRange(redis.GetDatabase().KeyTimeToLive(key)!.Value, TimeSpan.FromDays(119), TimeSpan.FromDays(120));
        }
    }

    [Fact]
    public async Task A_damaged_cached_embedding_is_computed_again_and_the_verdicts_do_not_change()
    {
        var papers = ScoringApp.Day("2025-06-05", 25);
        var (before, _) = await App.ScoreAsync(papers);
        var redis = App.Services.GetRequiredService<IConnectionMultiplexer>();
        var field = $"{papers[0].ArxivId}v1";
        // The first paper's entry in each view (three keys, those of its arXiv month) is cut to two floats.
        var keys = redis.GetServers()[0].Keys(pattern: "arxivdigest:scoring:embeddings:*").Where(k => redis.GetDatabase().HashExists(k, field)).ToList();
        Assert.Equal(3, keys.Count);
        foreach (var key in keys)
        {
            await redis.GetDatabase().HashSetAsync(key, field, new byte[2 * sizeof(float)]);
        }

        var (after, _) = await App.ScoreAsync(papers);

        Assert.Equal(before.Select(v => (v.ArxivId, v.Relevance, v.Score)), after.Select(v => (v.ArxivId, v.Relevance, v.Score)));
        Assert.All(keys, key => Assert.Equal(384 * sizeof(float), ((byte[])redis.GetDatabase().HashGet(key, field)!).Length));
    }

    [Fact]
    public async Task Non_english_very_long_and_abstract_less_papers_each_get_a_verdict()
    {
        var papers = ScoringApp.Day("2025-06-05", 20).ToList();
        papers.Add(Paper("2506.90001", "稀疏专家混合模型的路由分析", "我们研究了混合专家模型中的路由机制，并提出了一种新的负载均衡方法，在语言建模任务上取得了更好的效果。"));
        papers.Add(Paper("2506.90002", "Квантование весов больших языковых моделей", "Мы предлагаем метод квантования весов до четырёх бит без заметной потери качества."));
        papers.Add(Paper("2506.90003", "A very long paper on pruning", string.Concat(Enumerable.Repeat("We prune attention heads and measure what the network loses. ", 5_000))));
        papers.Add(Paper("2506.90004", "Mixture-of-experts routing without load-balancing losses", string.Empty));

        var (verdicts, usage) = await App.ScoreAsync(papers);

        Assert.Equal(papers.Select(p => p.ArxivId).Order(), verdicts.Select(v => v.ArxivId).Order());
        Assert.DoesNotContain(verdicts, v => v.Verdict == Verdict.Failed);
        Assert.All(verdicts, v => Assert.InRange(v.Relevance, 1, 10));
        Assert.Equal("local", usage.Judge);
        // The title alone still places an on-topic paper above the day's median.
        var byId = verdicts.ToDictionary(v => v.ArxivId);
        Assert.True(byId["2506.90004"].Score > verdicts.Select(v => v.Score).Order().ElementAt(verdicts.Count / 2));
    }

    private ScoringApp Restart() => new(Llm, Redis.ConnectionString, Profiles.Path, ("OPENAI_API_KEY", ""));

    private static Paper Paper(string id, string title, string @abstract) =>
        new() { ArxivId = id, Version = 1, Title = title, Abstract = @abstract, PrimaryCategory = "cs.LG", Categories = { "cs.LG" } };
}
