namespace ArxivDigest.Ingest.Sources;

/// <summary>One file of a replay folder: a saved raw feed ("rss", "api") or a day listing ("listing").</summary>
public sealed record ReplayFile(string Path, string Kind, IReadOnlyList<string> Categories, DateOnly Date, int Page);
