using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace ArxivDigest.Ingest.Caching;

/// <summary>
/// Raw feed responses in Redis, keyed by source, category and announcement date ("latest" for the
/// undated RSS request), so a re-run the same day does not ask arXiv again. Redis missing or down
/// never fails a fetch: the cache is skipped with a warning.
/// </summary>
public sealed partial class RawFeedCache(IConnectionMultiplexer? redis, ILogger<RawFeedCache> logger)
{
    private const string KeyPrefix = "arxivdigest:ingest:feed:";

    public static string Key(string source, string category, string day) => $"{KeyPrefix}{source}:{category}:{day}";

    public async Task<string?> GetAsync(string key)
    {
        if (redis is null)
        {
            return null;
        }

        try
        {
            var value = await redis.GetDatabase().StringGetAsync(key);
            IngestTelemetry.FeedCacheLookups.Add(1, new KeyValuePair<string, object?>("hit", value.HasValue));
            return value.HasValue ? value.ToString() : null;
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            LogCacheUnavailable(key, ex.Message);
            return null;
        }
    }

    public async Task SetAsync(string key, string text, TimeSpan ttl)
    {
        if (redis is null)
        {
            return;
        }

        try
        {
            await redis.GetDatabase().StringSetAsync(key, text, ttl);
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            LogCacheUnavailable(key, ex.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Feed cache unavailable for {Key}; going on without it: {Problem}")]
    private partial void LogCacheUnavailable(string key, string problem);
}
