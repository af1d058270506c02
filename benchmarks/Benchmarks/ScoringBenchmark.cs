extern alias ScoringServer;

using System.Diagnostics;
using ArxivDigest.Contracts.V1;
using ArxivDigest.TestSupport;
using ArxivDigest.TestSupport.FakeOpenAi;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using ScoringGrpcService = ScoringServer::ArxivDigest.Scoring.Grpc.ScoringGrpcService;

namespace ArxivDigest.Benchmarks;

/// <summary>
/// Scores the real 2025-06-10 day (576 papers) with the shipped default profile against the fake
/// OpenAI-compatible server behaving like a provider: 0.8 s + 12 s per 1,000 completion tokens a
/// call, at most 8 calls in flight (429 beyond). Once with the pipeline (8 batches in flight),
/// once one batch at a time with the same batch sizes (the reference's strategy); then the same
/// day again (all cached) and GetScores of the 576 cached verdicts over gRPC.
/// Targets: >= 6x faster than one at a time; cached re-run 0 calls and < 2 s; GetScores >= 20,000 papers/s.
/// </summary>
internal static class ScoringBenchmark
{
    public static async Task RunAsync()
    {
        var papers = ListingPaper.Load("2025-06-10").Select(ToPaper).ToList();
        await using var llm = await FakeOpenAiServer.StartAsync();
        llm.Latency = completionTokens => TimeSpan.FromSeconds(0.8 + (12.0 * completionTokens / 1000));
        llm.MaxInFlight = 8;
        // A title pass that, like the real one, sets aside about half the day.
        llm.TitleIrrelevant = paper => FakeOpenAiServer.DefaultJudge(paper).Relevance <= 5;

        Console.WriteLine($"day: 2025-06-10, {papers.Count} papers; provider: 0.8 s + 12 s/1k completion tokens, <= 8 in flight");

        await using var redisForPipeline = await RedisServer.StartAsync();
        var pipeline = await ScoreOnceAsync("pipeline (8 in flight)", llm, redisForPipeline, papers, concurrency: 8);
        await using var redisForSequential = await RedisServer.StartAsync();
        var sequential = await ScoreOnceAsync("one batch at a time", llm, redisForSequential, papers, concurrency: 1);
        Console.WriteLine($"speed-up: {sequential.TotalSeconds / pipeline.TotalSeconds:0.0}x (target >= 6x)");

        await using var service = StartService(llm, redisForPipeline, concurrency: 8, out var channel);
        var client = new ScoringService.ScoringServiceClient(channel);
        llm.ResetCalls();
        var watch = Stopwatch.StartNew();
        var usage = await ScoreAsync(client, papers);
        Console.WriteLine($"cached re-run: {watch.Elapsed.TotalSeconds:0.00} s, {usage.LlmCalls} LLM calls, {usage.CacheHits} cache hits (target: 0 calls, < 2 s)");

        var request = new GetScoresRequest();
        request.ArxivIds.AddRange(papers.Select(p => p.ArxivId));
        await client.GetScoresAsync(request);
        const int Rounds = 50;
        watch.Restart();
        var found = 0;
        for (var i = 0; i < Rounds; i++)
        {
            found += (await client.GetScoresAsync(request)).Verdicts.Count;
        }

        var perSecond = found / watch.Elapsed.TotalSeconds;
        Console.WriteLine($"GetScores: {Rounds} x {papers.Count} ids, {found / Rounds} cached each, {perSecond:N0} papers/s (target >= 20,000/s: {perSecond / 20000:0.0}x)");
        channel.Dispose();
    }

    private static async Task<TimeSpan> ScoreOnceAsync(string name, FakeOpenAiServer llm, RedisServer redis, IReadOnlyList<Paper> papers, int concurrency)
    {
        await using var service = StartService(llm, redis, concurrency, out var channel);
        llm.ResetCalls();
        var watch = Stopwatch.StartNew();
        var usage = await ScoreAsync(new ScoringService.ScoringServiceClient(channel), papers);
        var elapsed = watch.Elapsed;
        var calls = llm.Calls;
        Console.WriteLine($"{name}: {elapsed.TotalSeconds:0.0} s, {usage.LlmCalls} LLM calls ({calls.Count(c => c.Stage == "title")} title, {calls.Count(c => c.Stage == "abstract")} abstract), "
            + $"{usage.PromptTokens / (double)papers.Count:0} prompt tokens/paper, cached share {usage.CachedPromptTokens / (double)Math.Max(1, usage.PromptTokens):P0}, "
            + $"cost ${usage.PromptCostUsd + usage.CompletionCostUsd:0.000} ({usage.Model}), most in flight {llm.MaxObservedInFlight}");
        channel.Dispose();
        return elapsed;
    }

    private static async Task<Usage> ScoreAsync(ScoringService.ScoringServiceClient client, IReadOnlyList<Paper> papers)
    {
        var request = new ScorePapersRequest();
        request.Papers.AddRange(papers);
        using var call = client.ScorePapers(request, deadline: DateTime.UtcNow.AddMinutes(20));
        var verdicts = 0;
        var failed = 0;
        Usage? usage = null;
        await foreach (var update in call.ResponseStream.ReadAllAsync())
        {
            if (update.UpdateCase == ScoreUpdate.UpdateOneofCase.Verdict)
            {
                verdicts++;
                failed += update.Verdict.Verdict == Verdict.Failed ? 1 : 0;
            }
            else
            {
                usage = update.Usage;
            }
        }

        if (verdicts != papers.Count || failed > 0 || usage is null)
        {
            throw new InvalidOperationException($"{verdicts} verdicts for {papers.Count} papers, {failed} failed");
        }

        return usage;
    }

    private static WebApplicationFactory<ScoringGrpcService> StartService(FakeOpenAiServer llm, RedisServer redis, int concurrency, out GrpcChannel channel)
    {
        var port = Ports.Free();
        var serviceFolder = Path.Combine(Fixtures.RepositoryRoot, "src", "Scoring");
        // Outside a test project the factory cannot guess the service's content root; name it.
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_ARXIVDIGEST_SCORING", serviceFolder);
        var factory = new WebApplicationFactory<ScoringGrpcService>().WithWebHostBuilder(builder =>
        {
            builder.UseSetting("OPENAI_API_KEY", "sk-benchmark-not-a-real-key");
            builder.UseSetting("OpenAI:Endpoint", llm.Endpoint);
            builder.UseSetting("ConnectionStrings:cache", redis.ConnectionString);
            builder.UseSetting("Scoring:ProfilesDirectory", Path.Combine(serviceFolder, "Profiles"));
            builder.UseSetting("Scoring:MaxConcurrency", concurrency.ToString());
            builder.UseSetting("Scoring:RequestsPerMinute", "10000");
            builder.UseSetting("Kestrel:Endpoints:grpc:Url", $"http://127.0.0.1:{port}");
            builder.UseSetting("Kestrel:Endpoints:http:Url", "http://127.0.0.1:0");
            builder.UseSetting("Logging:LogLevel:Default", "Warning");
        });
        factory.UseKestrel();
        factory.StartServer();
        channel = GrpcChannel.ForAddress($"http://127.0.0.1:{port}");
        return factory;
    }

    private static Paper ToPaper(ListingPaper listed)
    {
        var paper = new Paper { ArxivId = listed.Id, Version = 1, Title = listed.Title, Abstract = listed.Abstract, PrimaryCategory = listed.PrimaryCategory };
        paper.Authors.AddRange(listed.Authors);
        paper.Categories.AddRange(listed.Categories);
        return paper;
    }
}
