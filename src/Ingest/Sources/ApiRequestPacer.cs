using Microsoft.Extensions.Options;

namespace ArxivDigest.Ingest.Sources;

/// <summary>
/// Runs arXiv API requests one at a time across the whole process, each starting at least
/// Ingest:ApiRequestInterval after the previous one finished (arXiv's terms of use ask for one
/// request every 3 seconds; counting from the end keeps the gap even when a response is slow).
/// </summary>
public sealed class ApiRequestPacer(IOptions<IngestOptions> options, TimeProvider time)
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private DateTimeOffset? lastFinished;

    public async Task<T> RunAsync<T>(Func<Task<T>> request, CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            if (lastFinished is { } previous)
            {
                var wait = previous + options.Value.ApiRequestInterval - time.GetUtcNow();
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, time, cancellationToken);
                }
            }

            return await request();
        }
        finally
        {
            lastFinished = time.GetUtcNow();
            gate.Release();
        }
    }
}
