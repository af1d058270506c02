namespace ArxivDigest.Scoring.Judging;

/// <summary>The two kinds of LLM call, as named in spans and metrics.</summary>
public enum Stage
{
    Title,
    Abstract,
}
