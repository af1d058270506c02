using Microsoft.Extensions.Options;

namespace ArxivDigest.Ingest.Sources;

/// <summary>
/// Spaces arXiv API requests at least Ingest:ApiRequestInterval apart, across all concurrent
/// calls of this process (arXiv's terms of use ask for one request every 3 seconds).
/// </summary>
public sealed class ApiRequestPacer(IOptions<IngestOptions> options, TimeProvider time)
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private DateTimeOffset? last;

    public async Task WaitTurnAsync(CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            if (last is { } previous)
            {
                var wait = previous + options.Value.ApiRequestInterval - time.GetUtcNow();
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, time, cancellationToken);
                }
            }

            last = time.GetUtcNow();
        }
        finally
        {
            gate.Release();
        }
    }
}
