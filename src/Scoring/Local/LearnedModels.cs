using System.Collections.Concurrent;
using ArxivDigest.Scoring.Profiles;
using Microsoft.Extensions.Options;

namespace ArxivDigest.Scoring.Local;

/// <summary>
/// The learned half of the local judge, one model per profile (name and criteria text): a
/// logistic regression on a paper's embedding and zero-shot score, trained on the profile's
/// history once it holds enough labelled papers, and again each time enough new history has
/// arrived. Until then the zero-shot score is used.
/// </summary>
public sealed partial class LearnedModels(
    JudgeHistory history, PaperEmbeddings embeddings, TextEmbedder embedder, IOptions<LocalJudgeOptions> options, ILogger<LearnedModels> logger)
{
    private const int Folds = 5;

    private readonly ConcurrentDictionary<string, LearnedModel> models = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim training = new(1, 1);

    public LearnedModel? For(CriteriaProfile profile) => models.GetValueOrDefault(Key(profile));

    public static double[] Features(float[] vector, double zeroShot)
    {
        var features = new double[vector.Length + 1];
        for (var i = 0; i < vector.Length; i++)
        {
            features[i] = vector[i];
        }

        features[^1] = zeroShot;
        return features;
    }

    /// <summary>Retrains when the history is large enough and has grown enough since the last training; says whether it did.</summary>
    public async Task<bool> MaybeRetrainAsync(CriteriaProfile profile, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        await training.WaitAsync(cancellationToken);
        try
        {
            var entries = await history.GetAsync(profile.Name);
            var positives = entries.Count(e => e.Positive);
            var current = For(profile);
            if (entries.Count < settings.MinHistory || positives < settings.MinPositives || entries.Count - positives < settings.MinPositives
                || (current is not null && entries.Count - current.TrainedOn < settings.RetrainEvery))
            {
                return false;
            }

            var scorer = new ZeroShotScorer(embedder, CriteriaTopics.Parse(profile.Topics), settings.NegativeWeight, cancellationToken);
            var vectors = await embeddings.GetAsync(entries.Select(e => (e.Id, e.Version, e.Title, e.Abstract)).ToList(), cancellationToken);
            var features = vectors.Select(v => Features(v, scorer.Score(v).Score)).ToList();
            var labels = entries.Select(e => e.Positive).ToList();
            var model = LogisticModel.Train(features, labels, settings.L2);
            models[Key(profile)] = new LearnedModel(model, entries.Count, PrefilterThreshold(features, labels, settings));
            LogTrained(profile.Name, entries.Count, positives);
            return true;
        }
        finally
        {
            training.Release();
        }
    }

    // The prefilter's threshold keeps 95% of past positives, judged on scores the model did not
    // train on (k-fold), since scores of training rows run high.
    private static double PrefilterThreshold(IReadOnlyList<double[]> features, IReadOnlyList<bool> labels, LocalJudgeOptions settings)
    {
        var outOfFold = new List<double>();
        for (var fold = 0; fold < Folds; fold++)
        {
            var train = Enumerable.Range(0, features.Count).Where(i => i % Folds != fold).ToList();
            if (train.Count(i => labels[i]) == 0 || train.All(i => labels[i]))
            {
                continue;
            }

            var model = LogisticModel.Train(train.Select(i => features[i]).ToList(), train.Select(i => labels[i]).ToList(), settings.L2);
            outOfFold.AddRange(Enumerable.Range(0, features.Count).Where(i => i % Folds == fold && labels[i]).Select(i => model.Score(features[i])));
        }

        return Ranking.ThresholdKeeping(outOfFold, settings.PrefilterKeepShare);
    }

    private static string Key(CriteriaProfile profile) => $"{profile.Name}:{profile.ContentHash}";

    [LoggerMessage(Level = LogLevel.Information, Message = "Local judge for profile {Profile} trained on {Count} labelled papers ({Positives} positive)")]
    private partial void LogTrained(string profile, int count, int positives);
}
