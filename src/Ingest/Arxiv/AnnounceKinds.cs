namespace ArxivDigest.Ingest.Arxiv;

/// <summary>The words arXiv's feeds use for announce types ("new", "cross", "replace", "replace-cross").</summary>
public static class AnnounceKinds
{
    public static bool TryParse(string? text, out AnnounceKind kind)
    {
        switch (text?.Trim().ToLowerInvariant())
        {
            case "new": kind = AnnounceKind.New; return true;
            case "cross": kind = AnnounceKind.Cross; return true;
            case "replace": kind = AnnounceKind.Replace; return true;
            case "replace-cross": kind = AnnounceKind.ReplaceCross; return true;
            default: kind = default; return false;
        }
    }

    /// <summary>The announce type a paper has in <paramref name="category"/>, from its primary and version.</summary>
    public static AnnounceKind Infer(string category, string primaryCategory, int version)
    {
        var isPrimary = string.Equals(category, primaryCategory, StringComparison.Ordinal);
        return (isPrimary, version > 1) switch
        {
            (true, false) => AnnounceKind.New,
            (false, false) => AnnounceKind.Cross,
            (true, true) => AnnounceKind.Replace,
            (false, true) => AnnounceKind.ReplaceCross,
        };
    }

}
