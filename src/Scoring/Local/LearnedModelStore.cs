using System.Text.Json;
using System.Text.Json.Serialization;
using StackExchange.Redis;

namespace ArxivDigest.Scoring.Local;

/// <summary>
/// Trained models kept in Redis, one per profile name and criteria hash, so a restarted service
/// judges with the model it had. The neighbour members are stored as the ids of the papers they
/// compare with; their vectors come back from the history and the embedding cache. A stored model that cannot be read back whole (bad JSON, a
/// different shape, values that are not numbers) is reported as such; the caller rebuilds it
/// from the history.
/// </summary>
public sealed partial class LearnedModelStore(IConnectionMultiplexer? redis, ILogger<LearnedModelStore> logger)
{
    // Bumped whenever the model's members or features change, so older models are not read as new ones.
    private const int Format = 2;

    public enum Outcome
    {
        Found,
        Missing,
        Unreadable,
    }

    private static string Key(string profile, string contentHash) => $"arxivdigest:scoring:model:v{Format}:{profile}:{contentHash}";

    /// <summary>
    /// The stored model, checked against the shape this version builds; <paramref name="criteriaFeatures"/>
    /// (which needs the embedding models) is asked for only when there is a stored model to check.
    /// </summary>
    public async Task<(Outcome Outcome, LearnedModel.Parts? Model, string? Problem)> LoadAsync(string profile, string contentHash, Func<int> criteriaFeatures)
    {
        if (redis is null)
        {
            return (Outcome.Missing, null, null);
        }

        string? json;
        try
        {
            json = await redis.GetDatabase().StringGetAsync(Key(profile, contentHash));
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            LogUnavailable(ex.Message);
            return (Outcome.Missing, null, null);
        }

        if (json is null)
        {
            return (Outcome.Missing, null, null);
        }

        try
        {
            var stored = JsonSerializer.Deserialize<StoredModel>(json) ?? throw new JsonException("the value is null");
            return Rebuild(stored, criteriaFeatures) is { } model
                ? (Outcome.Found, model, null)
                : (Outcome.Unreadable, null, "its members do not have the shape this version expects");
        }
        catch (JsonException ex)
        {
            return (Outcome.Unreadable, null, $"it is not a model: {ex.Message}");
        }
    }

    public async Task SaveAsync(string profile, string contentHash, LearnedModel model)
    {
        if (redis is null)
        {
            return;
        }

        var parts = model.Stored;
        var stored = new StoredModel(
            Format,
            parts.TrainedOn,
            parts.PrefilterThreshold,
            [.. parts.Categories],
            parts.Regressions.Select(m => (StoredMember?)new StoredMember(m.Weights, m.Bias, m.Mean, m.Scale)).ToList(),
            parts.Norms.Select(n => (double[]?)[n.Mean, n.Scale]).ToList(),
            parts.Memory.Select(m => (StoredMemory?)new StoredMemory(m.Id, m.Version, m.Positive)).ToList(),
            parts.HistorySize);
        try
        {
            await redis.GetDatabase().StringSetAsync(Key(profile, contentHash), JsonSerializer.Serialize(stored));
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            LogUnavailable(ex.Message);
        }
    }

    private static LearnedModel.Parts? Rebuild(StoredModel stored, Func<int> criteriaFeatures)
    {
        if (stored.Format != Format || stored.Members is not { Count: LearnedModel.RegressionCount } || stored.Categories is null
            || stored.Norms is null || stored.Norms.Count != LearnedModel.MemberCount || stored.Memory is null
            || !double.IsFinite(stored.Threshold) || stored.TrainedOn <= 0 || stored.HistorySize < stored.TrainedOn)
        {
            return null;
        }

        var dimensions = LearnedModel.Dimensions(criteriaFeatures(), stored.Categories.Count);
        var regressions = new List<LogisticModel>();
        for (var m = 0; m < LearnedModel.RegressionCount; m++)
        {
            var part = stored.Members[m];
            if (part?.Weights is null || part.Mean is null || part.Scale is null || part.Weights.Length != dimensions[m]
                || LogisticModel.FromParts(part.Weights, part.Bias, part.Mean, part.Scale) is not { } member)
            {
                return null;
            }

            regressions.Add(member);
        }

        if (stored.Norms.Any(n => n is not { Length: 2 } || !double.IsFinite(n[0]) || !(n[1] > 0) || !double.IsFinite(n[1]))
            || stored.Memory.Any(m => m is null || string.IsNullOrEmpty(m.Id)))
        {
            return null;
        }

        return new LearnedModel.Parts(
            regressions,
            stored.Norms.Select(n => new LearnedModel.Norm(n![0], n[1])).ToList(),
            stored.Categories,
            stored.Memory.Select(m => new MemoryEntry(m!.Id, m.Version, m.Positive)).ToList(),
            stored.TrainedOn,
            stored.Threshold,
            stored.HistorySize);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Learned models unavailable in Redis; using what this process holds: {Problem}")]
    private partial void LogUnavailable(string problem);

    private sealed record StoredModel(
        [property: JsonPropertyName("format")] int Format,
        [property: JsonPropertyName("trained_on")] int TrainedOn,
        [property: JsonPropertyName("threshold")] double Threshold,
        [property: JsonPropertyName("categories")] List<string>? Categories,
        [property: JsonPropertyName("members")] List<StoredMember?>? Members,
        [property: JsonPropertyName("norms")] List<double[]?>? Norms,
        [property: JsonPropertyName("memory")] List<StoredMemory?>? Memory,
        [property: JsonPropertyName("history_size")] int HistorySize);

    private sealed record StoredMember(
        [property: JsonPropertyName("w")] double[]? Weights,
        [property: JsonPropertyName("b")] double Bias,
        [property: JsonPropertyName("mean")] double[]? Mean,
        [property: JsonPropertyName("scale")] double[]? Scale);

    private sealed record StoredMemory(
        [property: JsonPropertyName("id")] string Id,
        [property: JsonPropertyName("v")] int Version,
        [property: JsonPropertyName("y")] bool Positive);
}
