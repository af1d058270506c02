extern alias ScoringServer;

using System.Diagnostics;
using System.Text.Json;
using ArxivDigest.TestSupport;
using ScoringServer::ArxivDigest.Scoring.Judging;
using ScoringServer::ArxivDigest.Scoring.Local;

namespace ArxivDigest.Benchmarks;

/// <summary>
/// The local judge against the LLM's picks on the labelled days of shared/fixtures/arxiv
/// (digest-selected-DATE.json are the reference's gpt-4o picks from that day's listing), leave
/// one day out: ROC AUC of the zero-shot score (similarity to the reference's own topics, read
/// from its digest as test data) and of the service's learned model (LearnedModel) trained on the
/// other days; and the prefilter threshold that training chose to keep 95% of past picks: the
/// share of the held-out day it drops and the share of its picks it keeps.
/// Targets: learned AUC >= 0.90 on average; prefilter drops >= 50% while keeping >= 95%.
/// Also the embedding speed: 1,000 abstracts <= 30 s on 2 cores.
/// </summary>
internal static class LocalJudgeBenchmark
{
    private static readonly string[] Days = ["2025-06-02", "2025-06-05", "2025-06-06", "2025-06-09", "2025-06-10", "2025-07-22", "2026-03-11"];

    public static async Task RunAsync()
    {
        await CachedDayAsync();

        using var embedder = new TextEmbedder();
        var lens = CriteriaLens.Build(embedder, ReferenceTopics(), Settings.NegativeWeight, default);
        var topics = lens.ZeroShot.Topics;
        Console.WriteLine($"criteria: the reference digest's topics ({topics.Positive.Count} topics, {topics.Negative.Count} ruled-out lines, {topics.PositiveKeywords.Count} + {topics.NegativeKeywords.Count} keywords)");

        var data = new List<(string Day, PaperSignals[] Papers, bool[] Labels, double[] ZeroShot)>();
        var watch = Stopwatch.StartNew();
        var embedded = 0;
        foreach (var day in Days)
        {
            var papers = ListingPaper.Load(day);
            using var picks = JsonDocument.Parse(File.ReadAllText(Path.Combine(Fixtures.ArxivFolder, $"digest-selected-{day}.json")));
            var selected = picks.RootElement.EnumerateObject().Select(p => p.Name).ToHashSet();
            var texts = papers.Select(p => (p.Title, p.Abstract)).ToList();
            var views = EmbeddingView.All.ToDictionary(v => v, v => Cached(day, v, () => embedder.Embed(v, texts, default)));
            embedded += papers.Count;
            var vectors = papers.Select((_, i) => new PaperVectors(views[EmbeddingView.Head][i], views[EmbeddingView.Full][i], views[EmbeddingView.Title][i])).ToArray();
            var signals = vectors.Select((v, i) => new PaperSignals(papers[i].Id, 1, v, lens.Features(v), PaperToJudge.CategoriesOf(papers[i].PrimaryCategory, papers[i].Categories.Where(ListingPaper.IsArxivCategory)))).ToArray();
            data.Add((day, signals, papers.Select(p => selected.Contains(p.Id)).ToArray(), vectors.Select(v => lens.ZeroShot.Score(v).Score).ToArray()));
        }

        var perThousand = watch.Elapsed.TotalSeconds * 1000 / embedded;
        Console.WriteLine(string.IsNullOrEmpty(Environment.GetEnvironmentVariable("ARXIVDIGEST_BENCH_CACHE"))
            ? $"embedding (3 views, 2 models): {embedded} papers in {watch.Elapsed.TotalSeconds:0.0} s = {perThousand:0.0} s per 1,000 (target <= 30 s: {(perThousand <= 30 ? "met" : "MISSED")})"
            : $"embedding: {embedded} papers read from ARXIVDIGEST_BENCH_CACHE (unset it to measure the embedding speed)");

        Console.WriteLine("day         papers picks  zero-shot AUC  learned AUC  prefilter drops  keeps picks");
        var rows = new List<(double Zero, double Learned, double Dropped, double Kept)>();
        var trainingTimes = new List<(int Papers, double Seconds)>();
        foreach (var held in data)
        {
            // Trained as the service trains: on the other days' papers, its prefilter threshold
            // from out-of-fold scores of those papers.
            var train = data.Where(d => d.Day != held.Day).ToList();
            var trainWatch = Stopwatch.StartNew();
            var model = LearnedModel.Train(train.SelectMany(d => d.Papers).ToList(), train.SelectMany(d => d.Labels).ToList(), Settings);
            trainingTimes.Add((model.TrainedOn, trainWatch.Elapsed.TotalSeconds));

            var learned = held.Papers.Select(model.Score).ToArray();
            var dropped = learned.Count(s => s < model.PrefilterThreshold) / (double)learned.Length;
            var kept = learned.Where((s, i) => held.Labels[i] && s >= model.PrefilterThreshold).Count() / (double)held.Labels.Count(l => l);
            var row = (Ranking.RocAuc(held.ZeroShot, held.Labels), Ranking.RocAuc(learned, held.Labels), dropped, kept);
            rows.Add(row);
            Console.WriteLine($"{held.Day}  {held.Labels.Length,6} {held.Labels.Count(l => l),5}  {row.Item1,13:0.000}  {row.Item2,11:0.000}  {dropped,15:P0}  {kept,11:P0}");
        }

        Console.WriteLine($"training (with the 5-fold prefilter threshold): {trainingTimes.Average(t => t.Papers):0} labelled papers in {trainingTimes.Average(t => t.Seconds):0.0} s on average");
        // At the training cap the neighbour members dominate; the labelled days repeated stand in for a long history.
        var cap = Settings.MaxTrainingPapers;
        var all = data.SelectMany(d => d.Papers.Zip(d.Labels)).ToList();
        var capped = Enumerable.Range(0, cap).Select(i => all[i % all.Count]).ToList();
        var capWatch = Stopwatch.StartNew();
        LearnedModel.Train(capped.Select(p => p.First).ToList(), capped.Select(p => p.Second).ToList(), Settings);
        Console.WriteLine($"training at the cap (LocalJudge:MaxTrainingPapers = {cap:N0}; the labelled days repeated): {capWatch.Elapsed.TotalSeconds:0.0} s");
        var zeroShot = data.SelectMany(d => d.ZeroShot).Order().ToArray();
        Console.WriteLine($"zero-shot scores: 5th percentile {zeroShot[zeroShot.Length / 20]:0.000}, median {zeroShot[zeroShot.Length / 2]:0.000}, 95th {zeroShot[zeroShot.Length * 19 / 20]:0.000}");
        var average = (rows.Average(r => r.Zero), rows.Average(r => r.Learned), rows.Average(r => r.Dropped), rows.Average(r => r.Kept));
        Console.WriteLine($"average     {"",6} {"",5}  {average.Item1,13:0.000}  {average.Item2,11:0.0000}  {average.Item3,15:P1}  {average.Item4,11:P1}");
        Console.WriteLine($"targets: learned AUC >= 0.90 ({(average.Item2 >= 0.90 ? "met" : "MISSED")}); prefilter drops >= 50% ({(average.Item3 >= 0.5 ? "met" : "MISSED")}) keeping >= 95% ({(average.Item4 >= 0.95 ? "met" : "MISSED")})");
    }

    // A day embedded once and then read back from the Redis embedding cache (target < 1 s).
    private static async Task CachedDayAsync()
    {
        await using var redis = await RedisServer.StartAsync();
        using var connection = await StackExchange.Redis.ConnectionMultiplexer.ConnectAsync(redis.ConnectionString);
        using var embedder = new TextEmbedder();
        var embeddings = new PaperEmbeddings(embedder, new EmbeddingCache(connection, new LocalJudgeOptions().EmbeddingTtl, Microsoft.Extensions.Logging.Abstractions.NullLogger<EmbeddingCache>.Instance));
        var papers = ListingPaper.Load("2025-06-10").Select(p => (p.Id, 1, p.Title, p.Abstract)).ToList();
        var watch = Stopwatch.StartNew();
        await embeddings.GetAsync(papers, default);
        var fresh = watch.Elapsed;
        watch.Restart();
        await embeddings.GetAsync(papers, default);
        Console.WriteLine($"2025-06-10 ({papers.Count} papers): embedded in {fresh.TotalSeconds:0.0} s, from the Redis cache in {watch.Elapsed.TotalSeconds:0.000} s (target < 1 s)");
    }

    // Tuning knobs; by default the service's own settings.
    private static LocalJudgeOptions Settings => new()
    {
        L2 = Environment.GetEnvironmentVariable("BENCH_L2") is { } l2 ? double.Parse(l2) : new LocalJudgeOptions().L2,
        CriteriaL2 = Environment.GetEnvironmentVariable("BENCH_CRITERIA_L2") is { } c ? double.Parse(c) : new LocalJudgeOptions().CriteriaL2,
        NegativeWeight = Environment.GetEnvironmentVariable("BENCH_NEGATIVE_WEIGHT") is { } w ? double.Parse(w) : new LocalJudgeOptions().NegativeWeight,
        PrefilterKeepShare = Environment.GetEnvironmentVariable("BENCH_KEEP") is { } keep ? double.Parse(keep) : new LocalJudgeOptions().PrefilterKeepShare,
    };

    // Re-runs while tuning read the day's vectors from ARXIVDIGEST_BENCH_CACHE instead of embedding again.
    private static float[][] Cached(string day, EmbeddingView view, Func<float[][]> embed)
    {
        var folder = Environment.GetEnvironmentVariable("ARXIVDIGEST_BENCH_CACHE");
        if (string.IsNullOrEmpty(folder))
        {
            return embed();
        }

        var path = Path.Combine(folder, $"{view.Name.Replace(':', '-')}-{day}.json");
        if (File.Exists(path))
        {
            return JsonSerializer.Deserialize<float[][]>(File.ReadAllText(path))!;
        }

        var vectors = embed();
        Directory.CreateDirectory(folder);
        File.WriteAllText(path, JsonSerializer.Serialize(vectors));
        return vectors;
    }

    // The reference user's "Relevant Topics" section, as its digest quotes it (test data).
    private static string ReferenceTopics()
    {
        var lines = File.ReadAllLines(Path.Combine(Fixtures.DigestsFolder, "2025-06-10-output.md"));
        var start = Array.FindIndex(lines, l => l.StartsWith("> ## Relevant Topics", StringComparison.Ordinal));
        return string.Join("\n", lines.Skip(start + 1).Select(l => l.Length > 2 ? l[2..] : string.Empty));
    }
}
