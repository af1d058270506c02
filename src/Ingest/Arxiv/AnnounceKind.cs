namespace ArxivDigest.Ingest.Arxiv;

/// <summary>How a paper appeared in one category's announcement.</summary>
public enum AnnounceKind
{
    New,
    Cross,
    Replace,
    ReplaceCross,
}
