using System.Text.Json;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace ArxivDigest.Scoring.Caching;

/// <summary>
/// Verdicts in Redis: one hash per (profile content hash, model), one field per arXiv id, the
/// value naming the version it judged. A lookup is one HMGET for a whole request. Redis missing
/// or down never fails scoring: the cache is skipped with a warning and used again once it is back.
/// </summary>
public sealed partial class VerdictCache(IConnectionMultiplexer? redis, IOptions<ScoringOptions> options, ILogger<VerdictCache> logger)
{
    public bool IsConfigured => redis is not null;

    public static string Key(string profileHash, string model) => $"arxivdigest:scoring:verdicts:{profileHash}:{model}";

    /// <summary>The cached verdict per id (null where none), or null when the cache cannot be read.</summary>
    public async Task<CachedVerdict?[]?> GetAsync(string key, IReadOnlyList<string> ids)
    {
        if (redis is null || ids.Count == 0)
        {
            return redis is null ? null : [];
        }

        try
        {
            var values = await redis.GetDatabase().HashGetAsync(key, ids.Select(id => (RedisValue)id).ToArray());
            return values.Select(v => v.HasValue ? Deserialize(v!) : null).ToArray();
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            ScoringTelemetry.CacheLookups.Add(ids.Count, new KeyValuePair<string, object?>("result", "unavailable"));
            LogUnavailable("read", ex.Message);
            return null;
        }
    }

    public async Task SetAsync(string key, IReadOnlyList<(string Id, CachedVerdict Verdict)> entries)
    {
        if (redis is null || entries.Count == 0)
        {
            return;
        }

        try
        {
            var database = redis.GetDatabase();
            var fields = entries.Select(e => new HashEntry(e.Id, JsonSerializer.Serialize(e.Verdict))).ToArray();
            await Task.WhenAll(database.HashSetAsync(key, fields), database.KeyExpireAsync(key, options.Value.VerdictTtl));
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            LogUnavailable("write", ex.Message);
        }
    }

    private static CachedVerdict? Deserialize(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<CachedVerdict>(json);
        }
        catch (JsonException)
        {
            // A damaged entry is a miss: the paper is judged again and the entry rewritten.
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Verdict cache unavailable ({Operation}); scoring goes on without it: {Problem}")]
    private partial void LogUnavailable(string operation, string problem);
}
