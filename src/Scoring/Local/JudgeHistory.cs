using System.Collections.Concurrent;
using System.Text.Json;
using StackExchange.Redis;

namespace ArxivDigest.Scoring.Local;

/// <summary>
/// Each profile's labelled papers, which the local judge learns from: every LLM verdict
/// (selected = positive, rejected = negative) and every piece of feedback, the latest label of a
/// paper winning. Kept in Redis (one hash per profile), and in memory while Redis is unavailable.
/// </summary>
public sealed partial class JudgeHistory(IConnectionMultiplexer? redis, ILogger<JudgeHistory> logger)
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

        if (redis is null)
        {
            return;
        }

        try
        {
            await redis.GetDatabase().HashSetAsync(Key(profile), entries.Select(e => new HashEntry(e.Id, JsonSerializer.Serialize(e))).ToArray());
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            LogUnavailable(ex.Message);
        }
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Judge history unavailable in Redis; using what this process holds: {Problem}")]
    private partial void LogUnavailable(string problem);
}
