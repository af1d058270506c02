using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ArxivDigest.Ingest.Sources;

/// <summary>
/// GETs a feed from arXiv with its own retry policy: 429 and 503 wait as Retry-After says, other
/// 5xx and timeouts back off exponentially with jitter. The generic HTTP resilience handler is
/// not used for this client, so these rules are the only ones in force.
/// </summary>
public sealed partial class ArxivHttpFetcher(
    HttpClient http,
    IOptions<IngestOptions> options,
    TimeProvider time,
    ILogger<ArxivHttpFetcher> logger)
{
    public const string ClientName = "arxiv";

    public async Task<string> GetStringAsync(Uri url, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var feed = url.ToString();
        for (var attempt = 1; ; attempt++)
        {
            var (text, retryAfter, problem) = await TryGetAsync(url, settings.FetchTimeout, cancellationToken);
            if (text is not null)
            {
                return text;
            }

            if (attempt >= settings.MaxFetchAttempts)
            {
                throw new FeedUnavailableException(feed, $"{problem} (after {attempt} attempts)");
            }

            var delay = retryAfter ?? Backoff(attempt);
            if (delay > settings.MaxRetryAfter)
            {
                throw new FeedUnavailableException(feed, $"{problem}; the server asked to wait {delay.TotalSeconds:0} s, longer than Ingest:MaxRetryAfter");
            }

            LogRetrying(feed, attempt, problem, delay.TotalSeconds);
            await Task.Delay(delay, time, cancellationToken);
        }
    }

    private async Task<(string? Text, TimeSpan? RetryAfter, string Problem)> TryGetAsync(
        Uri url, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var attemptTimeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        attemptTimeout.CancelAfter(timeout);
        try
        {
            using var response = await http.GetAsync(url, HttpCompletionOption.ResponseContentRead, attemptTimeout.Token);
            if (response.IsSuccessStatusCode)
            {
                return (await response.Content.ReadAsStringAsync(attemptTimeout.Token), null, string.Empty);
            }

            var status = (int)response.StatusCode;
            var problem = $"HTTP {status} {response.ReasonPhrase}";
            if (status == 429 || status >= 500)
            {
                return (null, RetryAfter(response), problem);
            }

            // 4xx other than 429 will not get better by asking again.
            throw new FeedUnavailableException(url.ToString(), problem);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (null, null, $"no response within {timeout.TotalSeconds:0} s");
        }
        catch (HttpRequestException ex)
        {
            return (null, null, ex.Message);
        }
    }

    private TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta;
        }

        if (header?.Date is { } date)
        {
            var wait = date - time.GetUtcNow();
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }

        return null;
    }

    private static TimeSpan Backoff(int attempt) =>
        TimeSpan.FromMilliseconds(500 * Math.Pow(2, attempt - 1) * (0.8 + (Random.Shared.NextDouble() * 0.4)));

    [LoggerMessage(Level = LogLevel.Warning, Message = "Fetching {Feed} failed on attempt {Attempt} ({Problem}); retrying in {DelaySeconds:0.0} s")]
    private partial void LogRetrying(string feed, int attempt, string problem, double delaySeconds);
}
