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
    private readonly ConcurrentDictionary<string, (LogisticModel Model, int TrainedOn)> models = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim training = new(1, 1);

    public (LogisticModel Model, int TrainedOn)? For(CriteriaProfile profile) =>
        models.TryGetValue(Key(profile), out var entry) ? entry : null;

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
                || (current is { } trained && entries.Count - trained.TrainedOn < settings.RetrainEvery))
            {
                return false;
            }

            var scorer = new ZeroShotScorer(embedder, CriteriaTopics.Parse(profile.Topics), settings.NegativeWeight, cancellationToken);
            var vectors = await embeddings.GetAsync(entries.Select(e => (e.Id, e.Version, e.Title, e.Abstract)).ToList(), cancellationToken);
            var features = vectors.Select(v => Features(v, scorer.Score(v).Score)).ToList();
            var model = LogisticModel.Train(features, entries.Select(e => e.Positive).ToList(), settings.L2);
            models[Key(profile)] = (model, entries.Count);
            LogTrained(profile.Name, entries.Count, positives);
            return true;
        }
        finally
        {
            training.Release();
        }
    }

    private static string Key(CriteriaProfile profile) => $"{profile.Name}:{profile.ContentHash}";

    [LoggerMessage(Level = LogLevel.Information, Message = "Local judge for profile {Profile} trained on {Count} labelled papers ({Positives} positive)")]
    private partial void LogTrained(string profile, int count, int positives);
}
