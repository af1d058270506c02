using StackExchange.Redis;

namespace ArxivDigest.Scoring.Local;

/// <summary>
/// Paper embeddings in Redis, one hash per embedding view (model and text), one field per arXiv id and version, so a day
/// embedded once is read back in milliseconds. Redis missing or down: embed without the cache.
/// </summary>
public sealed partial class EmbeddingCache(IConnectionMultiplexer? redis, ILogger<EmbeddingCache> logger)
{
    private static string Key(EmbeddingView view) => $"arxivdigest:scoring:embeddings:{view.Name}";

    public static string Field(string id, int version) => $"{id}v{version}";

    public async Task<float[]?[]> GetAsync(EmbeddingView view, IReadOnlyList<string> fields)
    {
        if (redis is null || fields.Count == 0)
        {
            return new float[]?[fields.Count];
        }

        try
        {
            var values = await redis.GetDatabase().HashGetAsync(Key(view), fields.Select(f => (RedisValue)f).ToArray());
            return values.Select(v => v.HasValue ? ToVector((byte[])v!) : null).ToArray();
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            LogUnavailable(ex.Message);
            return new float[]?[fields.Count];
        }
    }

    public async Task SetAsync(EmbeddingView view, IReadOnlyList<(string Field, float[] Vector)> entries)
    {
        if (redis is null || entries.Count == 0)
        {
            return;
        }

        try
        {
            await redis.GetDatabase().HashSetAsync(Key(view), entries.Select(e => new HashEntry(e.Field, ToBytes(e.Vector))).ToArray());
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            LogUnavailable(ex.Message);
        }
    }

    private static byte[] ToBytes(float[] vector)
    {
        var bytes = new byte[vector.Length * sizeof(float)];
        Buffer.BlockCopy(vector, 0, bytes, 0, bytes.Length);
        return bytes;
    }

    private static float[]? ToVector(byte[] bytes)
    {
        // Anything but a whole vector (a truncated or foreign value) is embedded again.
        if (bytes.Length != EmbeddingView.Dimensions * sizeof(float))
        {
            return null;
        }

        var vector = new float[bytes.Length / sizeof(float)];
        Buffer.BlockCopy(bytes, 0, vector, 0, bytes.Length);
        return vector;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Embedding cache unavailable; embedding without it: {Problem}")]
    private partial void LogUnavailable(string problem);
}
