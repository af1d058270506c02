using ArxivDigest.Scoring.Judging;
using ArxivDigest.Scoring.Profiles;
using Microsoft.Extensions.Options;

namespace ArxivDigest.Scoring.Local;

/// <summary>
/// The offline judge: each paper's title and abstract is embedded on this machine and compared
/// with the profile's topics. Until the profile has a learned model, similarity to the
/// best-matching topic, less a share of the similarity to what the profile rules out, is the
/// paper's score; then the learned model's score is. On a day's worth of papers
/// the score is calibrated by rank: the top Scoring:LocalJudge:SelectTopShare get relevance 8-10,
/// the rest 1-7. Novelty is not judged (0). No tokens, no cost, no network.
/// </summary>
public sealed partial class LocalJudge(
    LearnedModels learned, CriteriaLenses lenses, IOptions<LocalJudgeOptions> options, ILogger<LocalJudge> logger)
{
    // Below this many papers a rank means little; an absolute scale is used instead.
    private const int RankCalibrationMinimum = 20;

    /// <summary>What a digest shows instead of a system prompt when the local judge scored it.</summary>
    public const string PromptNote =
        "No LLM judged these papers and no prompt was sent. The local judge embedded each paper on this machine "
        + $"({TextEmbedder.ModelNames}) and compared it with the profile's criteria, shown below.";

    public string Model => $"{TextEmbedder.ModelNames} (local judge)";

    public async Task<IReadOnlyList<Judgement>> JudgeAsync(CriteriaProfile profile, IReadOnlyList<PaperToJudge> papers, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var lens = lenses.For(profile);
        var signals = await learned.SignalsAsync(profile, Inputs(papers), cancellationToken);
        var zeroShot = signals.Select(s => lens.ZeroShot.Score(s.Vectors)).ToArray();
        var model = await learned.GetAsync(profile, cancellationToken);
        var scores = model is not null ? signals.Select(model.Score).ToArray() : zeroShot.Select(s => s.Score).ToArray();
        var how = model is not null ? $"learned from {model.TrainedOn} past verdicts" : "zero-shot";

        var relevance = Calibrate(scores, settings.SelectTopShare, learnedScale: model is not null);
        var judgements = new List<Judgement>(papers.Count);
        for (var i = 0; i < papers.Count; i++)
        {
            var selected = relevance[i] >= profile.Settings.RelevanceCutoff;
            judgements.Add(new Judgement(papers[i].Id, selected ? VerdictKind.Selected : VerdictKind.RejectedByScore, relevance[i], 0,
                $"Closest topic: {lens.ZeroShot.Topics.Positive[zeroShot[i].Closest].Title} (similarity {zeroShot[i].Similarity:0.00}); judged locally ({how}), without an LLM.")
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
        if (!options.Value.Prefilter || papers.Count == 0 || await learned.GetAsync(profile, cancellationToken) is not { } model)
        {
            return null;
        }

        var signals = await learned.SignalsAsync(profile, Inputs(papers), cancellationToken);
        return (signals.Select(model.Score).ToArray(), model.PrefilterThreshold);
    }

    private static List<(string Id, int Version, string Title, string Abstract, IReadOnlyList<string> Categories)> Inputs(IReadOnlyList<PaperToJudge> papers) =>
        papers.Select(p => (p.Id, p.Version, p.Title, p.Abstract, p.Categories)).ToList();

    private static int[] Calibrate(double[] scores, double topShare, bool learnedScale)
    {
        if (scores.Length < RankCalibrationMinimum)
        {
            // A learned score is a probability. Zero-shot scores of the fixture days' papers ran from
            // 0.29 (5th percentile) through 0.38 (median) to 0.49 (95th): 0.25-0.55 maps onto 1-10.
            return scores.Select(s => (int)Math.Clamp(Math.Round(learnedScale ? 1 + (9 * s) : 1 + (9 * (s - 0.25) / 0.30)), 1, 10)).ToArray();
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
