namespace ArxivDigest.Ingest.Sources;

/// <summary>A feed could not be fetched (network, HTTP status, timeout) within the retry budget.</summary>
public sealed class FeedUnavailableException(string feed, string problem, Exception? inner = null)
    : Exception($"Feed '{feed}' could not be fetched: {problem}", inner);
