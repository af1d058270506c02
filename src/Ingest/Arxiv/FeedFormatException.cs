namespace ArxivDigest.Ingest.Arxiv;

/// <summary>A feed that is not a usable feed at all: malformed XML, an HTML page, the wrong document.</summary>
public sealed class FeedFormatException(string feed, string problem, Exception? inner = null)
    : Exception($"Feed '{feed}' is not a valid arXiv feed: {problem}", inner)
{
    public string Feed { get; } = feed;
}
