namespace ArxivDigest.Scoring.Judging;

/// <summary>Tokens and calls of one ScorePapers request, added to from concurrent batches.</summary>
public sealed class UsageTally
{
    private long promptTokens;
    private long cachedPromptTokens;
    private long completionTokens;
    private int calls;
    private int cacheHits;
    private int prefiltered;
    private int sentToLlm;

    public long PromptTokens => Interlocked.Read(ref promptTokens);

    public long CachedPromptTokens => Interlocked.Read(ref cachedPromptTokens);

    public long CompletionTokens => Interlocked.Read(ref completionTokens);

    public int Calls => Volatile.Read(ref calls);

    public int CacheHits => Volatile.Read(ref cacheHits);

    public int Prefiltered => Volatile.Read(ref prefiltered);

    /// <summary>Papers that went on to the LLM's stages (after cache, author list and prefilter).</summary>
    public int SentToLlm => Volatile.Read(ref sentToLlm);

    public void AddCall() => Interlocked.Increment(ref calls);

    public void AddPrefiltered(int count) => Interlocked.Add(ref prefiltered, count);

    public void AddSentToLlm(int count) => Interlocked.Add(ref sentToLlm, count);

    public void AddCacheHits(int count) => Interlocked.Add(ref cacheHits, count);

    public void AddTokens(long prompt, long cached, long completion)
    {
        Interlocked.Add(ref promptTokens, prompt);
        Interlocked.Add(ref cachedPromptTokens, cached);
        Interlocked.Add(ref completionTokens, completion);
    }
}
