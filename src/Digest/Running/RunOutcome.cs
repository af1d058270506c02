namespace ArxivDigest.Digest.Running;

/// <summary>How a run ended, with the process exit code a scheduler or CI can act on.</summary>
public enum RunOutcome
{
    Succeeded = 0,
    Failed = 1,
    NotFetched = 3,
    Misleading = 4,
}
