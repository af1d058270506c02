extern alias ScoringServer;

using System.Diagnostics;
using Microsoft.Extensions.Options;
using ScoringServer::ArxivDigest.Scoring;
using ScoringServer::ArxivDigest.Scoring.Judging;

namespace ArxivDigest.Scoring.Tests.Judging;

public sealed class LlmRateLimiterTests
{
    [Fact]
    public async Task Calls_wait_for_their_tokens_once_the_burst_is_spent()
    {
        // 60,000 tokens a minute: a burst of 10,000, then 1,000 a second.
        using var limiter = new LlmRateLimiter(Options.Create(new ScoringOptions { TokensPerMinute = 60_000, RequestsPerMinute = 10_000 }));
        var watch = Stopwatch.StartNew();

        await limiter.WaitAsync(10_000, default);
        var afterBurst = watch.Elapsed;
        await limiter.WaitAsync(2_000, default);

        Assert.True(afterBurst < TimeSpan.FromSeconds(1), $"the burst waited {afterBurst.TotalSeconds:0.00} s");
        Assert.True(watch.Elapsed >= TimeSpan.FromSeconds(1.5), $"2,000 more tokens came after {watch.Elapsed.TotalSeconds:0.00} s");
    }

    [Fact]
    public async Task A_call_larger_than_the_burst_still_goes()
    {
        using var limiter = new LlmRateLimiter(Options.Create(new ScoringOptions { TokensPerMinute = 600_000 }));

        await limiter.WaitAsync(1_000_000, default).WaitAsync(TimeSpan.FromSeconds(30));
    }
}
