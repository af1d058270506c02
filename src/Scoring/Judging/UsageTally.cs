namespace ArxivDigest.Scoring.Judging;

/// <summary>Tokens and calls of one ScorePapers request, added to from concurrent batches.</summary>
public sealed class UsageTally
{
    private long promptTokens;
    private long cachedPromptTokens;
    private long completionTokens;
    private int calls;
    private int cacheHits;

    public long PromptTokens => Interlocked.Read(ref promptTokens);

    public long CachedPromptTokens => Interlocked.Read(ref cachedPromptTokens);

    public long CompletionTokens => Interlocked.Read(ref completionTokens);

    public int Calls => Volatile.Read(ref calls);

    public int CacheHits => Volatile.Read(ref cacheHits);

    public void AddCall() => Interlocked.Increment(ref calls);

    public void AddCacheHits(int count) => Interlocked.Add(ref cacheHits, count);

    public void AddTokens(long prompt, long cached, long completion)
    {
        Interlocked.Add(ref promptTokens, prompt);
        Interlocked.Add(ref cachedPromptTokens, cached);
        Interlocked.Add(ref completionTokens, completion);
    }
}
