using System.Collections.Concurrent;
using ArxivDigest.Scoring.Profiles;
using Microsoft.Extensions.Options;

namespace ArxivDigest.Scoring.Local;

/// <summary>
/// The learned half of the local judge, one <see cref="LearnedModel"/> per profile (name and
/// criteria text), trained on the profile's history once it holds enough labelled papers and
/// again each time enough new history has arrived; until then the zero-shot score is used.
/// Models are held in memory and stored in Redis: a restarted service reads its model back, and a
/// stored model that cannot be read is rebuilt from the history (and logged).
/// </summary>
public sealed partial class LearnedModels(
    JudgeHistory history,
    PaperEmbeddings embeddings,
    CriteriaLenses lenses,
    LearnedModelStore store,
    IOptions<LocalJudgeOptions> options,
    ILogger<LearnedModels> logger)
{
    private readonly ConcurrentDictionary<string, LearnedModel> models = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Lazy<Task>> looks = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim training = new(1, 1);

    /// <summary>
    /// The profile's model: held in memory, else read from Redis (looked for once per process;
    /// concurrent callers wait for the same look), else trained from the history; null while the
    /// history is too small.
    /// </summary>
    public async Task<LearnedModel?> GetAsync(CriteriaProfile profile, CancellationToken cancellationToken)
    {
        if (models.TryGetValue(Key(profile), out var model))
        {
            return model;
        }

        var look = looks.GetOrAdd(Key(profile), _ => new Lazy<Task>(() => LookAsync(profile)));
        try
        {
            await look.Value.WaitAsync(cancellationToken);
        }
        catch (Exception) when (look.Value.IsFaulted)
        {
            // A failed look (the service stopping, say) is not remembered: the next call looks again.
            looks.TryRemove(new KeyValuePair<string, Lazy<Task>>(Key(profile), look));
            throw;
        }

        return models.GetValueOrDefault(Key(profile));
    }

    private async Task LookAsync(CriteriaProfile profile)
    {
        var (outcome, stored, problem) = await store.LoadAsync(profile.Name, profile.ContentHash, () => lenses.For(profile).FeatureCount);
        if (outcome == LearnedModelStore.Outcome.Found)
        {
            if (await RestoreAsync(profile, stored!, CancellationToken.None) is { } restored)
            {
                models.TryAdd(Key(profile), restored);
                return;
            }

            (outcome, problem) = (LearnedModelStore.Outcome.Unreadable, "it compares with papers the history no longer holds");
        }

        if (outcome == LearnedModelStore.Outcome.Unreadable)
        {
            LogUnreadable(profile.Name, problem!);
        }

        // Nothing readable stored (a new profile, a model from an older version, or a damaged one): train from the history if it is large enough.
        await RetrainAsync(profile, force: true, CancellationToken.None);
    }

    // The neighbour members' vectors, from the history's texts (embedded or read from the cache).
    private async Task<LearnedModel?> RestoreAsync(CriteriaProfile profile, LearnedModel.Parts parts, CancellationToken cancellationToken)
    {
        var entries = (await history.GetAsync(profile.Name)).ToDictionary(e => e.Id, StringComparer.Ordinal);
        if (parts.Memory.Any(m => !entries.ContainsKey(m.Id)))
        {
            return null;
        }

        var vectors = await embeddings.GetAsync(parts.Memory.Select(m => entries[m.Id]).Select(e => (e.Id, e.Version, e.Title, e.Abstract)).ToList(), cancellationToken);
        return LearnedModel.Restore(parts, vectors);
    }

    /// <summary>The signals of papers the learned model reads, embedding those not yet cached.</summary>
    public async Task<PaperSignals[]> SignalsAsync(
        CriteriaProfile profile, IReadOnlyList<(string Id, int Version, string Title, string Abstract, IReadOnlyList<string> Categories)> papers, CancellationToken cancellationToken)
    {
        var lens = lenses.For(profile);
        var vectors = await embeddings.GetAsync(papers.Select(p => (p.Id, p.Version, p.Title, p.Abstract)).ToList(), cancellationToken);
        return vectors.Select((v, i) => new PaperSignals(papers[i].Id, papers[i].Version, v, lens.Features(v), papers[i].Categories)).ToArray();
    }

    /// <summary>Retrains when the history is large enough and has grown enough since the last training; says whether it did.</summary>
    public Task<bool> MaybeRetrainAsync(CriteriaProfile profile, CancellationToken cancellationToken) =>
        RetrainAsync(profile, force: false, cancellationToken);

    private async Task<bool> RetrainAsync(CriteriaProfile profile, bool force, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        await training.WaitAsync(cancellationToken);
        try
        {
            // Counting is cheap; reading the whole history only happens when training may follow.
            var current = models.GetValueOrDefault(Key(profile));
            var size = await history.CountAsync(profile.Name);
            if (size < settings.MinHistory || (!force && current is not null && size - current.HistorySize < settings.RetrainEvery))
            {
                return false;
            }

            var entries = await history.GetAsync(profile.Name);
            var positives = entries.Count(e => e.Positive);
            if (entries.Count < settings.MinHistory || positives < settings.MinPositives || entries.Count - positives < settings.MinPositives)
            {
                return false;
            }

            var chosen = TrainingSet(entries, settings.MaxTrainingPapers);
            var signals = await SignalsAsync(profile, chosen.Select(e => (e.Id, e.Version, e.Title, e.Abstract, e.Categories ?? [])).ToList(), cancellationToken);
            var model = LearnedModel.Train(signals, chosen.Select(e => e.Positive).ToList(), settings).TrainedFromHistoryOf(entries.Count);
            models[Key(profile)] = model;
            await store.SaveAsync(profile.Name, profile.ContentHash, model);
            LogTrained(profile.Name, chosen.Count, chosen.Count(e => e.Positive), entries.Count);
            return true;
        }
        finally
        {
            training.Release();
        }
    }

    // The newest positives (up to half of the budget), then the newest negatives; arXiv ids grow with time.
    private static List<HistoryEntry> TrainingSet(IReadOnlyList<HistoryEntry> entries, int budget)
    {
        var positives = entries.Where(e => e.Positive).OrderByDescending(e => e.Id, StringComparer.Ordinal).Take(budget / 2).ToList();
        var negatives = entries.Where(e => !e.Positive).OrderByDescending(e => e.Id, StringComparer.Ordinal).Take(budget - positives.Count);
        return [.. positives, .. negatives];
    }

    private static string Key(CriteriaProfile profile) => $"{profile.Name}:{profile.ContentHash}";

    [LoggerMessage(Level = LogLevel.Information, Message = "Local judge for profile {Profile} trained on {Count} labelled papers ({Positives} positive; the history holds {History})")]
    private partial void LogTrained(string profile, int count, int positives, int history);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The stored local-judge model of profile {Profile} is unreadable ({Problem}); rebuilding it from the history")]
    private partial void LogUnreadable(string profile, string problem);
}
