using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace ArxivDigest.Scoring.Judging;

/// <summary>
/// One limiter for every LLM call of the process, all stages and all concurrent requests:
/// requests per minute and tokens per minute, each a token bucket that refills steadily and
/// allows bursts of up to ten seconds' worth.
/// </summary>
public sealed class LlmRateLimiter : IDisposable
{
    private readonly TokenBucketRateLimiter requests;
    private readonly TokenBucketRateLimiter tokens;
    private readonly int tokenBurst;

    public LlmRateLimiter(IOptions<ScoringOptions> options)
    {
        requests = Bucket(options.Value.RequestsPerMinute, out _);
        tokens = Bucket(options.Value.TokensPerMinute, out tokenBurst);
    }

    public async Task WaitAsync(int estimatedTokens, CancellationToken cancellationToken)
    {
        using var request = await requests.AcquireAsync(1, cancellationToken);
        // A call larger than the burst still goes, once a full bucket is available.
        using var budget = await tokens.AcquireAsync(Math.Clamp(estimatedTokens, 1, tokenBurst), cancellationToken);
    }

    private static TokenBucketRateLimiter Bucket(int perMinute, out int burst)
    {
        burst = Math.Max(1, perMinute / 6);
        // At 60 a minute or more, refill every second; below that, one permit per 60/perMinute seconds.
        var (tokensPerPeriod, period) = perMinute >= 60
            ? (perMinute / 60, TimeSpan.FromSeconds(1))
            : (1, TimeSpan.FromSeconds(60.0 / perMinute));
        return new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
        {
            TokenLimit = burst,
            TokensPerPeriod = tokensPerPeriod,
            ReplenishmentPeriod = period,
            QueueLimit = int.MaxValue,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            AutoReplenishment = true,
        });
    }

    public void Dispose()
    {
        requests.Dispose();
        tokens.Dispose();
    }
}
