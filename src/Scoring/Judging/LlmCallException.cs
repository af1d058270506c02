namespace ArxivDigest.Scoring.Judging;

/// <summary>A call that did not succeed within its attempts; the message never contains the API key.</summary>
public sealed class LlmCallException(string message, bool retryable) : Exception(message)
{
    /// <summary>False when asking again cannot help (bad key, unknown model, bad request).</summary>
    public bool Retryable { get; } = retryable;
}
