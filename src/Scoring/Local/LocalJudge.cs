using ArxivDigest.Scoring.Judging;
using ArxivDigest.Scoring.Profiles;
using Microsoft.Extensions.Options;

namespace ArxivDigest.Scoring.Local;

/// <summary>
/// The offline judge: each paper's title and abstract is embedded on this machine and compared
/// with the profile's topics; similarity to the best-matching topic, less a share of the
/// similarity to what the profile rules out, is the paper's score. On a day's worth of papers
/// the score is calibrated by rank: the top Scoring:LocalJudge:SelectTopShare get relevance 8-10,
/// the rest 1-7. Novelty is not judged (0). No tokens, no cost, no network.
/// </summary>
public sealed partial class LocalJudge(
    TextEmbedder embedder, PaperEmbeddings embeddings, LearnedModels learned, IOptions<LocalJudgeOptions> options, ILogger<LocalJudge> logger)
{
    // Below this many papers a rank means little; an absolute scale is used instead.
    private const int RankCalibrationMinimum = 20;

    public string Model => $"{TextEmbedder.ModelName} (local judge)";

    public async Task<IReadOnlyList<Judgement>> JudgeAsync(CriteriaProfile profile, IReadOnlyList<PaperToJudge> papers, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var scorer = new ZeroShotScorer(embedder, CriteriaTopics.Parse(profile.Topics), settings.NegativeWeight, cancellationToken);
        var vectors = await embeddings.GetAsync(papers.Select(p => (p.Id, p.Version, p.Title, p.Abstract)).ToList(), cancellationToken);
        var scored = vectors.Select(scorer.Score).ToArray();
        var model = learned.For(profile);
        var scores = model is not null
            ? vectors.Select((v, i) => model.Model.Score(LearnedModels.Features(v, scored[i].Score))).ToArray()
            : scored.Select(s => s.Score).ToArray();
        var how = model is not null ? $"learned from {model.TrainedOn} past verdicts" : "zero-shot";

        var relevance = Calibrate(scores, settings.SelectTopShare);
        var judgements = new List<Judgement>(papers.Count);
        for (var i = 0; i < papers.Count; i++)
        {
            var selected = relevance[i] >= profile.Settings.RelevanceCutoff;
            judgements.Add(new Judgement(papers[i].Id, selected ? VerdictKind.Selected : VerdictKind.RejectedByScore, relevance[i], 0,
                $"Closest topic: {scorer.Topics.Positive[scored[i].Closest].Title} (similarity {scored[i].Similarity:0.00}); judged locally ({how}), without an LLM.")
            {
                LocalScore = scores[i],
            });
        }

        LogJudged(papers.Count, judgements.Count(j => j.Kind == VerdictKind.Selected), profile.Name);
        return judgements;
    }

    /// <summary>
    /// The learned model's scores for papers about to go to the LLM, with its threshold; null
    /// when the profile has no learned model yet or the prefilter is off.
    /// </summary>
    public async Task<(double[] Scores, double Threshold)?> PrefilterScoresAsync(CriteriaProfile profile, IReadOnlyList<PaperToJudge> papers, CancellationToken cancellationToken)
    {
        if (!options.Value.Prefilter || learned.For(profile) is not { } model || papers.Count == 0)
        {
            return null;
        }

        var scorer = new ZeroShotScorer(embedder, CriteriaTopics.Parse(profile.Topics), options.Value.NegativeWeight, cancellationToken);
        var vectors = await embeddings.GetAsync(papers.Select(p => (p.Id, p.Version, p.Title, p.Abstract)).ToList(), cancellationToken);
        return (vectors.Select(v => model.Model.Score(LearnedModels.Features(v, scorer.Score(v).Score))).ToArray(), model.PrefilterThreshold);
    }

    private static int[] Calibrate(double[] scores, double topShare)
    {
        if (scores.Length < RankCalibrationMinimum)
        {
            // MiniLM similarities to a topic description run from about 0.05 (unrelated) to 0.5.
            return scores.Select(s => (int)Math.Clamp(Math.Round(1 + (9 * (s - 0.05) / 0.45)), 1, 10)).ToArray();
        }

        var order = Enumerable.Range(0, scores.Length).OrderBy(i => scores[i]).ToArray();
        var relevance = new int[scores.Length];
        for (var rank = 0; rank < order.Length; rank++)
        {
            var p = (rank + 0.5) / order.Length;
            relevance[order[rank]] = p >= 1 - topShare
                ? (int)Math.Clamp(8 + Math.Floor(3 * (p - (1 - topShare)) / topShare), 8, 10)
                : (int)Math.Clamp(1 + Math.Floor(7 * p / (1 - topShare)), 1, 7);
        }

        return relevance;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Local judge: {Papers} papers judged, {Selected} selected, profile {Profile}")]
    private partial void LogJudged(int papers, int selected, string profile);
}
