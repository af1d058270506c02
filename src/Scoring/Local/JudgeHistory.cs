using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace ArxivDigest.Scoring.Local;

/// <summary>
/// Each profile's labelled papers, which the local judge learns from: every LLM verdict
/// (selected = positive, rejected = negative) and every piece of feedback, the latest label of a
/// paper winning. Kept in Redis (one hash per profile), and in memory while Redis is unavailable.
/// A history over LocalJudge:MaxHistory papers is trimmed to 90% of it, oldest negatives first
/// (positives are rare and kept longest).
/// </summary>
public sealed partial class JudgeHistory(IConnectionMultiplexer? redis, IOptions<LocalJudgeOptions> options, ILogger<JudgeHistory> logger)
{
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, HistoryEntry>> memory = new(StringComparer.Ordinal);

    private static string Key(string profile) => $"arxivdigest:scoring:history:{profile}";

    public async Task AddAsync(string profile, IReadOnlyList<HistoryEntry> entries)
    {
        if (entries.Count == 0)
        {
            return;
        }

        var local = memory.GetOrAdd(profile, _ => new ConcurrentDictionary<string, HistoryEntry>(StringComparer.Ordinal));
        foreach (var entry in entries)
        {
            local[entry.Id] = entry;
        }

        if (local.Count > options.Value.MaxHistory)
        {
            foreach (var id in Oldest(local.Values.ToList()))
            {
                local.TryRemove(id, out _);
            }
        }

        if (redis is null)
        {
            return;
        }

        try
        {
            var database = redis.GetDatabase();
            await database.HashSetAsync(Key(profile), entries.Select(e => new HashEntry(e.Id, JsonSerializer.Serialize(e))).ToArray());
            if (await database.HashLengthAsync(Key(profile)) > options.Value.MaxHistory)
            {
                var stored = (await database.HashGetAllAsync(Key(profile))).Select(f => TryRead(f.Value!)).OfType<HistoryEntry>().ToList();
                var trimmed = Oldest(stored);
                await database.HashDeleteAsync(Key(profile), trimmed.Select(id => (RedisValue)id).ToArray());
                LogTrimmed(profile, trimmed.Count);
            }
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            LogUnavailable(ex.Message);
        }
    }

    /// <summary>How many labelled papers the profile's history holds, without reading them.</summary>
    public async Task<long> CountAsync(string profile)
    {
        if (redis is not null)
        {
            try
            {
                return await redis.GetDatabase().HashLengthAsync(Key(profile));
            }
            catch (Exception ex) when (ex is RedisException or TimeoutException)
            {
                LogUnavailable(ex.Message);
            }
        }

        return memory.GetValueOrDefault(profile)?.Count ?? 0;
    }

    public async Task<IReadOnlyList<HistoryEntry>> GetAsync(string profile)
    {
        var entries = new Dictionary<string, HistoryEntry>(StringComparer.Ordinal);
        if (redis is not null)
        {
            try
            {
                foreach (var field in await redis.GetDatabase().HashGetAllAsync(Key(profile)))
                {
                    if (TryRead(field.Value!) is { } entry)
                    {
                        entries[entry.Id] = entry;
                    }
                }
            }
            catch (Exception ex) when (ex is RedisException or TimeoutException)
            {
                LogUnavailable(ex.Message);
            }
        }

        foreach (var entry in memory.GetValueOrDefault(profile)?.Values ?? Enumerable.Empty<HistoryEntry>())
        {
            entries[entry.Id] = entry;
        }

        return entries.Values.ToList();
    }

    // Over the cap: the ids to drop to bring the history down to 90% of it, oldest negatives first.
    private List<string> Oldest(IReadOnlyList<HistoryEntry> entries)
    {
        var cap = options.Value.MaxHistory;
        if (entries.Count <= cap)
        {
            return [];
        }

        return entries.OrderBy(e => e.Positive).ThenBy(e => e.Id, StringComparer.Ordinal)
            .Take(entries.Count - (int)(cap * 0.9))
            .Select(e => e.Id)
            .ToList();
    }

    private static HistoryEntry? TryRead(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<HistoryEntry>(json);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Judge history of profile {Profile} trimmed by its {Count} oldest papers (LocalJudge:MaxHistory)")]
    private partial void LogTrimmed(string profile, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Judge history unavailable in Redis; using what this process holds: {Problem}")]
    private partial void LogUnavailable(string problem);
}
