using StackExchange.Redis;

namespace ArxivDigest.Scoring.Local;

/// <summary>
/// Paper embeddings in Redis, so a day embedded once is read back in milliseconds: per embedding
/// view (model and text) one hash per arXiv month (the id's YYMM; older-style ids share one),
/// one field per id and version. Each month's hash expires LocalJudge:EmbeddingTtl after its last
/// write, so the cache does not grow without end. Redis missing or down: embed without the cache.
/// </summary>
public sealed partial class EmbeddingCache(IConnectionMultiplexer? redis, TimeSpan timeToLive, ILogger<EmbeddingCache> logger)
{
    public static string Field(string id, int version) => $"{id}v{version}";

    private static string Key(EmbeddingView view, string field)
    {
        var month = field.Length > 5 && char.IsAsciiDigit(field[0]) && field[4] == '.' ? field[..4] : "old";
        return $"arxivdigest:scoring:embeddings:{view.Name}:{month}";
    }

    public async Task<float[]?[]> GetAsync(EmbeddingView view, IReadOnlyList<string> fields)
    {
        var vectors = new float[]?[fields.Count];
        if (redis is null || fields.Count == 0)
        {
            return vectors;
        }

        try
        {
            var database = redis.GetDatabase();
            var months = Enumerable.Range(0, fields.Count).GroupBy(i => Key(view, fields[i])).ToList();
            var replies = await Task.WhenAll(months.Select(m => database.HashGetAsync(m.Key, m.Select(i => (RedisValue)fields[i]).ToArray())));
            for (var k = 0; k < months.Count; k++)
            {
                foreach (var (index, value) in months[k].Zip(replies[k]))
                {
                    vectors[index] = value.HasValue ? ToVector((byte[])value!) : null;
                }
            }

            return vectors;
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
            var database = redis.GetDatabase();
            await Task.WhenAll(entries.GroupBy(e => Key(view, e.Field)).Select(async month =>
            {
                await database.HashSetAsync(month.Key, month.Select(e => new HashEntry(e.Field, ToBytes(e.Vector))).ToArray());
                await database.KeyExpireAsync(month.Key, timeToLive);
            }));
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
